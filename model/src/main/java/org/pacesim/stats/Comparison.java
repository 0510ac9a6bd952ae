package org.pacesim.stats;

import java.util.List;

import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.Statistic;

/**
 * Differences between a scenario and the baseline, paired by replication. Replication r of both used the same
 * random numbers (common random numbers), so the per-replication differences vary far less than either
 * scenario's figures, and their Student-t interval is the honest measure of the effect.
 */
public final class Comparison {
    /** How a stage figure is named in the measure column of comparison.csv and replications.csv. */
    public static final String STAGE = "stage:";
    /** The stage figures compared and written per replication. */
    public static final List<StageStat> STAGE_STATISTICS = List.of(StageStat.WAIT_MEAN, StageStat.TIME_IN_STAGE_MEAN);

    private Comparison() {}

    /**
     * One row of comparison.csv.
     *
     * @param scenario     the intervention
     * @param baseline     the baseline
     * @param measure      measure name, or {@code stage:NAME} for a stage figure
     * @param statistic    the measure's or stage's statistic
     * @param difference   scenario minus baseline, mean over paired replications, with its 95% CI
     * @param baselineMean the baseline's mean of the statistic over the same replications
     * @param scenarioMean the scenario's mean
     */
    public record Difference(String scenario, String baseline, String measure, Statistic statistic,
                             Summary.Estimate difference, double baselineMean, double scenarioMean) {
        /** Whether the 95% CI excludes zero. */
        public boolean clear() {
            return difference.low() > 0 || difference.high() < 0;
        }
    }

    /**
     * The paired difference {@code scenario[r] - baseline[r]} over replications where both are defined.
     *
     * @return the difference, with both means over the replications used
     */
    public static Difference paired(String scenario, String baseline, String measure, Statistic statistic,
                                    double[] base, double[] other) {
        int n = Math.min(base.length, other.length);
        double[] d = new double[n];
        double sumBase = 0;
        double sumOther = 0;
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (Double.isNaN(base[r]) || Double.isNaN(other[r])) {
                d[r] = Double.NaN;
                continue;
            }
            d[r] = other[r] - base[r];
            sumBase += base[r];
            sumOther += other[r];
            k++;
        }
        return new Difference(scenario, baseline, measure, statistic, Summary.estimate(d),
                k == 0 ? Double.NaN : sumBase / k, k == 0 ? Double.NaN : sumOther / k);
    }

    /** A per-replication column of a measure statistic. */
    public static double[] measureColumn(List<ReplicationResult> rs, int measure, MeasureStat s) {
        return rs.stream().mapToDouble(r -> r.measures()[measure][s.ordinal()]).toArray();
    }

    /** A per-replication column of a stage statistic. */
    public static double[] stageColumn(List<ReplicationResult> rs, int stage, StageStat s) {
        return rs.stream().mapToDouble(r -> r.stages()[stage][s.ordinal()]).toArray();
    }
}
