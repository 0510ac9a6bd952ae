package org.pacesim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.AppliedChange;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.MeasureSpec;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.ReplicationResult;

/**
 * findings.md: the experiment's answer in plain English, ranked by the effect on the main statistic (usually the
 * median time to permanence), every figure with its 95% confidence interval. A difference whose interval
 * contains zero is said to make no clear difference, never rounded into an effect.
 */
public final class Findings {
    private Findings() {}

    /** The markdown text. */
    public static String of(Experiment.Results r) {
        StringBuilder sb = new StringBuilder();
        ScenarioResults base = r.runs().get(0);
        int reps = base.replications().size();
        sb.append("# Findings: ").append(r.spec().name()).append("\n\n");
        if (!r.spec().description().isEmpty()) sb.append(r.spec().description().trim()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Baseline: **%s** (`%s`). %d replications per scenario, seed %d,"
                + " common random numbers. Figures are differences from the baseline (intervention minus baseline),"
                + " averaged over paired replications, with 95%% confidence intervals.%n%n",
                base.model().scenario().name(), base.model().scenario().file(), reps,
                base.model().scenario().run().seed()));
        String main = phrase(r.spec().mainStatistic(), r.spec().mainMeasure());
        sb.append("## Ranked by effect on ").append(main).append("\n\n");
        List<Comparison.Difference> ranked = new ArrayList<>();
        for (int i = 1; i < r.runs().size(); i++) {
            Comparison.Difference d = r.difference(r.runs().get(i).model().scenario().name(), r.spec().mainMeasure(),
                    r.spec().mainStatistic());
            if (d != null) ranked.add(d);
        }
        ranked.sort(Comparator.comparingDouble(d -> d.difference().mean()));
        int k = 1;
        for (Comparison.Difference d : ranked) {
            sb.append(k++).append(". **").append(d.scenario()).append("** ").append(sentence(d, main)).append(".");
            for (Comparison.Difference w : r.differences()) {
                if (w.scenario().equals(d.scenario()) && w.statistic().equals("within_target")) {
                    sb.append(" ").append(targetSentence(w, r)).append(".");
                }
            }
            sb.append("\n");
            ScenarioResults run = r.runs().stream().filter(x -> x.model().scenario().name().equals(d.scenario()))
                    .findFirst().orElseThrow();
            for (AppliedChange c : run.model().scenario().changes()) {
                String why = c.why().trim().replaceAll("\\s+", " ");
                if (why.length() > 200) why = why.substring(0, 197) + "...";
                sb.append("   - ").append(c.summary()).append(why.isEmpty() ? "" : " (why: " + why + ")").append("\n");
            }
        }
        if (ranked.isEmpty()) sb.append("No intervention has the measure ").append(r.spec().mainMeasure()).append(".\n");
        if (r.crn() != null) {
            Experiment.CrnGain c = r.crn();
            sb.append("\n## What common random numbers bought\n\n");
            sb.append(String.format(Locale.ROOT, "For the main comparison (%s), the 95%% CI half-width of the"
                    + " difference in %s was %s with common random numbers and %s with independent random numbers:"
                    + " %.1f times narrower, as precise as about %.0f times as many independent replications.%n",
                    c.scenario(), main, amount(r.spec().mainStatistic(), c.crnHalfWidth()),
                    amount(r.spec().mainStatistic(), c.independentHalfWidth()), c.ratio(), c.ratio() * c.ratio()));
        }
        if (r.runs().stream().anyMatch(run -> CaseloadClearance.sentence(run) != null)) {
            sb.append("\n## Today's caseload\n\n");
            for (ScenarioResults run : r.runs()) {
                String c = CaseloadClearance.sentence(run);
                if (c != null) sb.append("- ").append(run.model().scenario().name()).append(": ").append(c).append("\n");
            }
        }
        sb.append("\n## Notes\n\n");
        for (ScenarioResults run : r.runs()) {
            double censored = run.replications().stream().mapToLong(ReplicationResult::censored).average().orElse(0);
            double cohort = run.replications().stream().mapToLong(ReplicationResult::cohort).average().orElse(0);
            sb.append(String.format(Locale.ROOT, "- %s: %.1f children in the cohort per replication; %.2f still in the"
                    + " system at the end of follow-up (censored).%n", run.model().scenario().name(), cohort, censored));
            for (String w : run.warnings()) sb.append("- ").append(run.model().scenario().name()).append(": warning: ")
                    .append(w).append("\n");
        }
        sb.append("- Durations are in weeks here; the CSV files give days.\n");
        return sb.toString();
    }

    /** A statistic of a measure in words, e.g. "the median time to permanence". */
    public static String phrase(String statistic, String measure) {
        String m = MeasureSpec.words(measure);
        return switch (statistic) {
            case "mean" -> "the mean " + m;
            case "median" -> "the median " + m;
            case "within_target" -> "the share within target of " + m;
            case "n" -> "the number of children completing " + m;
            case "censored" -> "the number censored in " + m;
            default -> "the " + statistic + " of " + m;
        };
    }

    private static boolean isDuration(String statistic) {
        return !statistic.equals("within_target") && !statistic.equals("n") && !statistic.equals("censored");
    }

    private static String amount(String statistic, double v) {
        if (statistic.equals("within_target")) return String.format(Locale.ROOT, "%.1f percentage points", v * 100);
        if (isDuration(statistic)) return String.format(Locale.ROOT, "%.1f weeks", v / Durations.WEEK);
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ci(Comparison.Difference d, double scale, String unit) {
        return String.format(Locale.ROOT, "95%% CI %.1f to %.1f%s", d.difference().low() * scale,
                d.difference().high() * scale, unit);
    }

    private static String sentence(Comparison.Difference d, String what) {
        boolean duration = isDuration(d.statistic());
        double scale = duration ? 1 / Durations.WEEK : d.statistic().equals("within_target") ? 100 : 1;
        String unit = duration ? " weeks" : d.statistic().equals("within_target") ? " percentage points" : "";
        double v = d.difference().mean() * scale;
        if (!d.clear()) {
            return String.format(Locale.ROOT, "makes no clear difference to %s (%+.1f%s, %s)", what, v, unit,
                    ci(d, scale, ""));
        }
        String verb = duration ? (v < 0 ? "shortens" : "lengthens") : (v < 0 ? "lowers" : "raises");
        // The interval of the size of the effect, so that it reads the same way as the sentence.
        double a = Math.abs(d.difference().low() * scale);
        double b = Math.abs(d.difference().high() * scale);
        return String.format(Locale.ROOT, "%s %s by %.1f%s (95%% CI %.1f to %.1f)", verb, what, Math.abs(v), unit,
                Math.min(a, b), Math.max(a, b));
    }

    private static String targetSentence(Comparison.Difference w, Experiment.Results r) {
        int m = r.runs().get(0).model().layout().measures().indexOf(w.measure());
        double target = r.runs().get(0).model().layout().targets()[m];
        String aim = MeasureSpec.words(w.measure()) + " (target " + Durations.format(target) + ")";
        double pp = w.difference().mean() * 100;
        if (w.difference().mean() == 0 && w.difference().halfWidth() == 0) {
            return "Children within " + aim + ": unchanged (identical in every replication)";
        }
        if (!w.clear()) {
            return String.format(Locale.ROOT, "No clear change in children within %s (%+.1f percentage points, %s)",
                    aim, pp, ci(w, 100, ""));
        }
        double a = Math.abs(w.difference().low() * 100);
        double b = Math.abs(w.difference().high() * 100);
        return String.format(Locale.ROOT, "%.1f percentage points %s children within %s (95%% CI %.1f to %.1f)",
                Math.abs(pp), pp > 0 ? "more" : "fewer", aim, Math.min(a, b), Math.max(a, b));
    }
}
