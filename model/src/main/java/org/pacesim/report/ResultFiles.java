package org.pacesim.report;

import java.util.List;

import org.pacesim.stats.ScenarioSummary;
import org.pacesim.stats.Summary;

/**
 * The tidy CSV files of a run (durations in days so that no unit parsing is needed): summary.csv, stages.csv and
 * outcomes.csv, one row per scenario x name x statistic.
 */
public final class ResultFiles {
    private ResultFiles() {}

    /** summary.csv for one or more scenarios. */
    public static String summaryCsv(List<ScenarioSummary> all) {
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "measure", "statistic", "mean", "ci_low", "ci_high",
                "replications"));
        for (ScenarioSummary s : all) {
            for (Summary.MeasureRow r : s.measures()) {
                sb.append(Csv.row(Csv.text(s.scenario()), Csv.text(r.measure()), r.statistic().key(),
                        Csv.number(r.estimate().mean()), Csv.number(r.estimate().low()), Csv.number(r.estimate().high()),
                        String.valueOf(r.estimate().replications())));
            }
        }
        return sb.toString();
    }

    /** stages.csv for one or more scenarios. */
    public static String stagesCsv(List<ScenarioSummary> all) {
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "stage", "statistic", "mean", "ci_low", "ci_high",
                "replications"));
        for (ScenarioSummary s : all) {
            for (Summary.StageRow r : s.stages()) {
                sb.append(Csv.row(Csv.text(s.scenario()), Csv.text(r.stage()), r.statistic().key(),
                        Csv.number(r.estimate().mean()), Csv.number(r.estimate().low()), Csv.number(r.estimate().high()),
                        String.valueOf(r.estimate().replications())));
            }
        }
        return sb.toString();
    }

    /** caseload.csv: where each scenario's caseload went (shares of it per outcome), or null when none has one. */
    public static String caseloadCsv(List<ScenarioSummary> all) {
        if (all.stream().allMatch(s -> s.caseloadOutcomes().isEmpty())) return null;
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "outcome", "order", "share_mean", "ci_low", "ci_high",
                "replications"));
        for (ScenarioSummary s : all) {
            for (Summary.OutcomeRow r : s.caseloadOutcomes()) {
                sb.append(Csv.row(Csv.text(s.scenario()), Csv.text(r.outcome().outcome()), Csv.text(r.outcome().order()),
                        Csv.number(r.estimate().mean()), Csv.number(r.estimate().low()), Csv.number(r.estimate().high()),
                        String.valueOf(r.estimate().replications())));
            }
        }
        return sb.toString();
    }

    /** outcomes.csv for one or more scenarios. */
    public static String outcomesCsv(List<ScenarioSummary> all) {
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "outcome", "order", "per_year_mean", "ci_low", "ci_high",
                "replications"));
        for (ScenarioSummary s : all) {
            for (Summary.OutcomeRow r : s.outcomes()) {
                sb.append(Csv.row(Csv.text(s.scenario()), Csv.text(r.outcome().outcome()), Csv.text(r.outcome().order()),
                        Csv.number(r.estimate().mean()), Csv.number(r.estimate().low()), Csv.number(r.estimate().high()),
                        String.valueOf(r.estimate().replications())));
            }
        }
        return sb.toString();
    }
}
