package org.pacesim.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import org.pacesim.scenario.MeasureStat;

/**
 * Statistics across replications: for each per-replication figure, its mean over the replications with a Student-t
 * 95% confidence interval. Replications where a figure is undefined (NaN) are left out of that figure, and the
 * number used is reported.
 */
public final class Summary {
    /** The confidence level of every interval. */
    public static final double LEVEL = 0.95;

    /**
     * A mean with its confidence interval.
     *
     * @param mean         mean over replications
     * @param low          lower end of the 95% CI (NaN with fewer than 2 replications)
     * @param high         upper end
     * @param replications replications that had a value
     */
    public record Estimate(double mean, double low, double high, int replications) {
        /** Half the width of the interval. */
        public double halfWidth() {
            return (high - low) / 2;
        }
    }

    /**
     * One row of summary.csv.
     *
     * @param measure   measure name
     * @param statistic which statistic
     * @param estimate  across replications
     */
    public record MeasureRow(String measure, MeasureStat statistic, Estimate estimate) {}

    /**
     * One row of stages.csv.
     *
     * @param stage     stage name
     * @param statistic which statistic
     * @param estimate  across replications
     */
    public record StageRow(String stage, StageStat statistic, Estimate estimate) {}

    /**
     * One row of outcomes.csv.
     *
     * @param outcome  outcome and order
     * @param estimate across replications: exits per year in the window (outcomes.csv), or the share of today's
     *                 caseload leaving by the outcome (caseload.csv)
     */
    public record OutcomeRow(ResultLayout.Outcome outcome, Estimate estimate) {}

    private Summary() {}

    /** Mean and Student-t 95% CI of the non-NaN values. */
    public static Estimate estimate(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) if (!Double.isNaN(v)) s.addValue(v);
        int n = (int) s.getN();
        if (n == 0) return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        if (n == 1) return new Estimate(s.getMean(), Double.NaN, Double.NaN, 1);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
        double half = t * s.getStandardDeviation() / Math.sqrt(n);
        return new Estimate(s.getMean(), s.getMean() - half, s.getMean() + half, n);
    }

    /** Rows of summary.csv. */
    public static List<MeasureRow> measures(ResultLayout layout, List<ReplicationResult> results) {
        List<MeasureRow> rows = new ArrayList<>();
        for (int m = 0; m < layout.measures().size(); m++) {
            for (MeasureStat s : MeasureStat.values()) {
                if (s == MeasureStat.WITHIN_TARGET && Double.isNaN(layout.targets()[m])) continue;
                final int mi = m;
                double[] v = results.stream().mapToDouble(r -> r.measures()[mi][s.ordinal()]).toArray();
                rows.add(new MeasureRow(layout.measures().get(m), s, estimate(v)));
            }
        }
        return rows;
    }

    /** Rows of stages.csv (statistics that are undefined in every replication are left out). */
    public static List<StageRow> stages(ResultLayout layout, List<ReplicationResult> results) {
        List<StageRow> rows = new ArrayList<>();
        for (int i = 0; i < layout.stages().size(); i++) {
            for (StageStat s : StageStat.values()) {
                final int si = i;
                double[] v = results.stream().mapToDouble(r -> r.stages()[si][s.ordinal()]).toArray();
                Estimate e = estimate(v);
                if (e.replications() > 0) rows.add(new StageRow(layout.stages().get(i), s, e));
            }
        }
        return rows;
    }

    /**
     * Where today's caseload went: per outcome the share of the caseload leaving by it, then (with an empty order
     * and the outcome {@code still_in_system}) the share still there when follow-up ended. Empty without a caseload.
     */
    public static List<OutcomeRow> caseloadOutcomes(ResultLayout layout, List<ReplicationResult> results) {
        List<OutcomeRow> rows = new ArrayList<>();
        if (results.isEmpty() || results.get(0).caseloadOutcomes().length == 0) return rows;
        int n = layout.outcomes().size();
        for (int o = 0; o <= n; o++) {
            final int oi = o;
            double[] v = results.stream().mapToDouble(r -> r.caseloadOutcomes()[oi]).toArray();
            rows.add(new OutcomeRow(o < n ? layout.outcomes().get(o) : new ResultLayout.Outcome("still_in_system", ""),
                    estimate(v)));
        }
        return rows;
    }

    /** Rows of outcomes.csv. */
    public static List<OutcomeRow> outcomes(ResultLayout layout, List<ReplicationResult> results) {
        List<OutcomeRow> rows = new ArrayList<>();
        for (int o = 0; o < layout.outcomes().size(); o++) {
            final int oi = o;
            double[] v = results.stream().mapToDouble(r -> r.outcomes()[oi]).toArray();
            rows.add(new OutcomeRow(layout.outcomes().get(o), estimate(v)));
        }
        return rows;
    }
}
