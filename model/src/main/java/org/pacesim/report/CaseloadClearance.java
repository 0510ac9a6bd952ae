package org.pacesim.report;

import java.util.Locale;

import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.MeasureSpec;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.Summary;

/**
 * How long today's caseload takes to clear, in one sentence for the terminal, the findings and the report: when half
 * and when 90% of the children in the system at the start have an outcome, with 95% CIs over replications.
 */
final class CaseloadClearance {
    private CaseloadClearance() {}

    /** The sentence (to follow "Today's caseload: "), or null for a scenario without a caseload. */
    static String sentence(ScenarioResults r) {
        if (r.caseloadSize() == 0) return null;
        Summary.Estimate half = stat(r, MeasureStat.MEDIAN);
        Summary.Estimate most = stat(r, MeasureStat.P90);
        Summary.Estimate left = stat(r, MeasureStat.CENSORED);
        java.time.LocalDate start = r.scenario().run().start();
        return String.format(Locale.ROOT, "%d children in the system at the start: half have an outcome by week %s and"
                        + " 90%% by week %s%s.", r.caseloadSize(), weeks(half, start), weeks(most, start),
                left == null || left.mean() == 0 ? ""
                        : String.format(Locale.ROOT, "; %.1f per replication still have none when follow-up ends",
                                left.mean()))
                + " Where they go: " + destinations(r) + " (caseload.csv).";
    }

    /** Where the caseload goes, largest share first, e.g. "no order 38%, home 22%, permanence (POA) 11%". */
    static String destinations(ScenarioResults r) {
        return r.summary().caseloadOutcomes().stream().filter(o -> o.estimate().mean() >= 0.005)
                .sorted((a, b) -> Double.compare(b.estimate().mean(), a.estimate().mean()))
                .map(o -> String.format(Locale.ROOT, "%s %.0f%%", o.outcome().label().replace('_', ' '),
                        100 * o.estimate().mean()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** "61.1 (95% CI 60.6 to 61.6)", with a start date "61.1, about 2027-06-03 (95% CI 60.6 to 61.6)". */
    private static String weeks(Summary.Estimate e, java.time.LocalDate start) {
        if (e == null || Double.isNaN(e.mean())) return "(not within the follow-up)";
        String date = start == null ? "" : ", about " + start.plusDays(Math.round(e.mean()));
        return String.format(Locale.ROOT, "%.1f%s (95%% CI %.1f to %.1f)", e.mean() / 7, date, e.low() / 7, e.high() / 7);
    }

    private static Summary.Estimate stat(ScenarioResults r, MeasureStat s) {
        for (Summary.MeasureRow row : r.summary().measures()) {
            if (row.measure().equals(MeasureSpec.CLEARANCE) && row.statistic() == s) return row.estimate();
        }
        return null;
    }
}
