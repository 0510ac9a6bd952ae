package org.pacesim.report;

import java.util.List;

import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.MeasureStat;
import org.pacesim.stats.ReplicationResult;

/** The CSV files only an experiment has: comparison.csv and replications.csv. */
public final class ExperimentFiles {
    private ExperimentFiles() {}

    /**
     * comparison.csv: one row per scenario x measure (or {@code stage:NAME}) x statistic; the difference is
     * scenario minus baseline (days for durations, a share for within_target), with its paired 95% CI.
     */
    public static String comparisonCsv(Experiment.Results r) {
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "baseline", "measure", "statistic", "difference",
                "ci_low", "ci_high", "replications", "baseline_mean", "scenario_mean"));
        for (Comparison.Difference d : r.differences()) {
            sb.append(Csv.row(Csv.text(d.scenario()), Csv.text(d.baseline()), Csv.text(d.measure()), d.statistic(),
                    Csv.number(d.difference().mean()), Csv.number(d.difference().low()),
                    Csv.number(d.difference().high()), String.valueOf(d.difference().replications()),
                    Csv.number(d.baselineMean()), Csv.number(d.scenarioMean())));
        }
        return sb.toString();
    }

    /** replications.csv: one row per scenario x replication x measure x statistic, for researchers' own analysis. */
    public static String replicationsCsv(List<ScenarioResults> runs) {
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "replication", "measure", "statistic", "value"));
        for (ScenarioResults run : runs) {
            String name = Csv.text(run.model().scenario().name());
            List<String> measures = run.model().layout().measures();
            for (ReplicationResult rep : run.replications()) {
                for (int m = 0; m < measures.size(); m++) {
                    String measure = Csv.text(measures.get(m));
                    for (MeasureStat s : MeasureStat.values()) {
                        if (s == MeasureStat.WITHIN_TARGET && Double.isNaN(run.model().layout().targets()[m])) continue;
                        sb.append(name).append(',').append(rep.replication()).append(',').append(measure).append(',')
                                .append(s.key()).append(',').append(Csv.number(rep.measures()[m][s.ordinal()])).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }
}
