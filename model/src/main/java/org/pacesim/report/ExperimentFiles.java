package org.pacesim.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;

/** The CSV files only an experiment has: comparison.csv and replications.csv. */
public final class ExperimentFiles {
    /** How much of replications.csv is built before it is passed on (characters). */
    private static final int PIECE = 1 << 16;

    private ExperimentFiles() {}

    /**
     * comparison.csv: one row per scenario x measure (or {@code stage:NAME}) x statistic; the difference is
     * scenario minus baseline (days for durations, a share for within_target), with its paired 95% CI.
     */
    public static String comparisonCsv(Experiment.Results r) {
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "baseline", "measure", "statistic", "difference",
                "ci_low", "ci_high", "replications", "baseline_mean", "scenario_mean"));
        for (Comparison.Difference d : r.differences()) {
            sb.append(Csv.row(Csv.text(d.scenario()), Csv.text(d.baseline()), Csv.text(d.measure()), d.statistic().key(),
                    Csv.number(d.difference().mean()), Csv.number(d.difference().low()),
                    Csv.number(d.difference().high()), String.valueOf(d.difference().replications()),
                    Csv.number(d.baselineMean()), Csv.number(d.scenarioMean())));
        }
        return sb.toString();
    }

    /**
     * replications.csv: one row per scenario x replication x measure (or {@code stage:NAME}, as in comparison.csv)
     * x statistic, for researchers' own analysis. A stage figure no replication has (the wait of a stage with
     * nothing to wait for) is left out, as it is from comparison.csv.
     */
    public static void replicationsCsv(List<ScenarioResults> runs, OutputStream out) throws IOException {
        // Hundreds of megabytes for a large run: written a piece at a time, never held whole.
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "replication", "measure", "statistic", "value"));
        for (ScenarioResults run : runs) {
            String name = Csv.text(run.name());
            List<String> measures = run.layout().measures();
            List<String> stages = run.layout().stages();
            boolean[][] stageFigures = stageFigures(run.replications(), stages.size());
            for (ReplicationResult rep : run.replications()) {
                for (int m = 0; m < measures.size(); m++) {
                    String measure = Csv.text(measures.get(m));
                    for (MeasureStat s : MeasureStat.values()) {
                        if (s == MeasureStat.WITHIN_TARGET && Double.isNaN(run.layout().targets()[m])) continue;
                        row(sb, name, rep, measure, s.key(), rep.measures()[m][s.ordinal()]);
                    }
                }
                for (int st = 0; st < stages.size(); st++) {
                    String stage = Csv.text(Comparison.STAGE + stages.get(st));
                    for (int k = 0; k < Comparison.STAGE_STATISTICS.size(); k++) {
                        StageStat s = Comparison.STAGE_STATISTICS.get(k);
                        if (stageFigures[st][k]) row(sb, name, rep, stage, s.key(), rep.stages()[st][s.ordinal()]);
                    }
                }
                if (sb.length() >= PIECE) {
                    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void row(StringBuilder sb, String scenario, ReplicationResult rep, String measure, String statistic,
                            double value) {
        sb.append(scenario).append(',').append(rep.replication()).append(',').append(measure).append(',')
                .append(statistic).append(',');
        Csv.number(sb, value).append('\n');
    }

    /** [stage][k]: whether any replication has the k-th of {@link Comparison#STAGE_STATISTICS} for the stage. */
    private static boolean[][] stageFigures(List<ReplicationResult> rs, int stages) {
        boolean[][] any = new boolean[stages][Comparison.STAGE_STATISTICS.size()];
        for (ReplicationResult r : rs) {
            for (int st = 0; st < stages; st++) {
                for (int k = 0; k < any[st].length; k++) {
                    any[st][k] |= !Double.isNaN(r.stages()[st][Comparison.STAGE_STATISTICS.get(k).ordinal()]);
                }
            }
        }
        return any;
    }
}
