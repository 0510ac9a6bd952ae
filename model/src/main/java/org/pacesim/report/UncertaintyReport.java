package org.pacesim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.pacesim.experiment.Caveats;
import org.pacesim.experiment.Uncertainty;
import org.pacesim.experiment.UncertaintySummary;
import org.pacesim.report.charts.Charts;
import org.pacesim.report.charts.Svg;
import org.pacesim.report.charts.UncertaintyCharts;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.UncertaintySpec;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.Prcc;
import org.pacesim.stats.Summary;

/**
 * The findings of an uncertainty analysis, "How robust are these findings": per intervention, its effect on the
 * main figure across the design's points beside the simulation-only interval, how likely it is to help by at least
 * the benefit asked, how often it ranks first, and in words the few assumed values each conclusion hangs on. Writes
 * findings.md, report.html, the CSV files ({@link UncertaintyFiles}) and the charts.
 */
public final class UncertaintyReport {
    /** How many values a conclusion is said to hang on, at most. */
    private static final int HANGS_ON = 3;

    private UncertaintyReport() {}

    /** findings.md: the section and the tables behind it. Holds nothing that changes between identical runs. */
    public static String markdown(Uncertainty.Results r, double benefit) {
        Uncertainty.Outcome main = r.outcomes().get(r.main());
        String what = main.statistic().phrase(null, main.measure());
        String unit = unit(main.statistic());
        List<UncertaintySummary.Verdict> verdicts = new ArrayList<>(UncertaintySummary.verdicts(r, benefit));
        verdicts.sort(Comparator.comparingDouble(v -> v.effect().median() * (main.statistic().isDuration() ? 1 : -1)));
        List<UncertaintySummary.Importance> importance = UncertaintySummary.importance(r);
        int included = UncertaintySummary.included(r).size();
        StringBuilder sb = new StringBuilder("# How robust are these findings\n\n");
        sb.append(String.format(Locale.ROOT, "%s: %d design points of a Latin hypercube (design seed %d) over %d"
                + " assumed values, each set in the baseline and every intervention alike; at each point %d"
                + " replication%s of each of the %d scenarios with common random numbers (seed %d), replication r on"
                + " the same random numbers at every point. Effects are on %s (%s, intervention minus baseline).%n%n",
                r.spec().name(), r.points().size(), r.designSeed(), r.design().varied().size(), r.replications(),
                r.replications() == 1 ? "" : "s", r.scenarios().size(), r.seed(), what, unit));
        List<Uncertainty.Point> flagged = r.points().stream().filter(Uncertainty.Point::flagged).toList();
        if (!flagged.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "**%d of %d points are left out of every figure below**: at them"
                    + " the system is overloaded or heavily censored, so their figures are not findings"
                    + " (uncertainty.csv flags them).%n%n", flagged.size(), r.points().size()));
            for (Uncertainty.Point p : flagged.subList(0, Math.min(10, flagged.size()))) {
                sb.append("- point ").append(p.index()).append(": ").append(p.caveats().get(0).text()).append('\n');
            }
            if (flagged.size() > 10) sb.append("- and ").append(flagged.size() - 10).append(" more\n");
            sb.append('\n');
        }
        if (r.nominal().flagged()) {
            sb.append("**With the values as written the system is already ").append(Caveats.flag(r.nominal().caveats()))
                    .append("**: the simulation-only intervals are not findings.\n\n");
        }
        sb.append(String.format(Locale.ROOT, "| intervention | as written (95%% CI: simulation noise) | median across"
                + " points | 90%% of points | helps by at least %s | ranks first |%n|---|---|---:|---|---:|---:|%n",
                amount(benefit, main.statistic())));
        for (UncertaintySummary.Verdict v : verdicts) {
            UncertaintySummary.Effect e = v.effect();
            sb.append("| ").append(r.scenarios().get(e.scenario())).append(" | ").append(interval(e.nominal(), main.statistic()))
                    .append(" | ").append(number(e.median(), main.statistic())).append(" | ")
                    .append(range(e.low(), e.high(), main.statistic())).append(" | ").append(percent(v.benefitShare()))
                    .append(" | ").append(percent(v.firstShare())).append(" |\n");
        }
        sb.append(String.format(Locale.ROOT, "%nOver the %d points whose figures stand. \"As written\": every value as"
                + " in the files, %d paired replications; its interval is the simulation's noise alone. The 90%% range"
                + " across points adds what the assumed values leave open.%n%n## What each conclusion hangs on%n%n",
                included, r.replications()));
        sb.append("The values with the largest partial rank correlation (PRCC, 95% CI) with the effect, among those"
                + " whose interval leaves out 0; importance.csv has every value for every figure.");
        int k = r.design().varied().size();
        if (included < 2 * k) {
            // each coefficient rests on n - 2 - p degrees of freedom; with few to spare, chance alone gives large ones
            sb.append(String.format(Locale.ROOT, " With %d points over %d values each coefficient rests on %d degrees"
                    + " of freedom: read the intervals rather than the coefficients, and run more points (twice the"
                    + " values, %d, or more) before quoting one.", included, k, included - 1 - k, 2 * k));
        }
        sb.append("\n\n");
        for (UncertaintySummary.Verdict v : verdicts) {
            int s = v.effect().scenario();
            sb.append("- **").append(r.scenarios().get(s)).append("** ")
                    .append(verdict(v, benefit, main.statistic())).append(hangsOn(r, importance, s, true)).append('\n');
        }
        sb.append("- **").append(r.scenarios().get(0)).append("**, ").append(what).append(" itself")
                .append(hangsOn(r, importance, 0, false)).append("\n\n");
        sb.append("## What varied\n\n| value | range | written at |\n|---|---|---|\n");
        for (UncertaintySpec.Varied v : r.design().varied()) {
            sb.append("| `").append(v.name()).append("` | ").append(v.range().text()).append(" | ").append(v.at())
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String verdict(UncertaintySummary.Verdict v, double benefit, MeasureStat s) {
        UncertaintySummary.Effect e = v.effect();
        boolean duration = s.isDuration();
        boolean alwaysHelps = duration ? e.high() < 0 : e.low() > 0;
        boolean alwaysHurts = duration ? e.low() > 0 : e.high() < 0;
        // the 95th percentile below 0: at least 95% of the points help
        String how = alwaysHelps ? "helps at 95% or more of the plausible settings" : alwaysHurts
                ? "makes it worse at 95% or more of the plausible settings" : "helps at some plausible settings and not at"
                + " others";
        return String.format(Locale.ROOT, "%s (%s in 90%% of points; at least %s better at %s of them)", how,
                range(e.low(), e.high(), s), amount(benefit, s), percent(v.benefitShare()));
    }

    /** "; it hangs mostly on X (PRCC -0.81, -0.86 to -0.74) and Y (...)", or that it hangs on none. */
    private static String hangsOn(Uncertainty.Results r, List<UncertaintySummary.Importance> importance, int s,
                                  boolean effect) {
        List<UncertaintySummary.Importance> top = top(r, importance, s);
        if (top.isEmpty()) return ": no varied value has a partial rank correlation clearly different from 0.";
        List<String> parts = new ArrayList<>();
        for (UncertaintySummary.Importance i : top) {
            Prcc.Coefficient c = i.prcc();
            String name = r.design().varied().get(i.parameter()).name();
            // an effect is better when it is lower for a duration and higher for a share
            boolean helpsMore = (c.prcc() < 0) == r.outcomes().get(r.main()).statistic().isDuration();
            String direction = effect ? (helpsMore ? "the higher it is, the more it helps" : "the higher it is, the"
                    + " less it helps") : (c.prcc() < 0 ? "higher values lower it" : "higher values raise it");
            parts.add(String.format(Locale.ROOT, "`%s` (PRCC %+.2f, %+.2f to %+.2f: %s)", name, c.prcc(), c.low(),
                    c.high(), direction));
        }
        return "; it hangs mostly on " + String.join(", ", parts) + ".";
    }

    /** The values most strongly correlated with scenario s's main figure, clear of 0, largest first. */
    public static List<UncertaintySummary.Importance> top(Uncertainty.Results r,
                                                          List<UncertaintySummary.Importance> importance, int s) {
        return importance.stream().filter(i -> i.scenario() == s && i.outcome() == r.main() && i.prcc().clear())
                .sorted(Comparator.comparingDouble(i -> -Math.abs(i.prcc().prcc()))).limit(HANGS_ON).toList();
    }

    /**
     * Writes every file and moves the folder into place.
     *
     * @param partial why some replications are missing (a merge without some shards), or null; marks run.json
     */
    public static Path write(Uncertainty.Results r, double benefit, ResultsFolder folder, List<String> command,
                             Instant started, String partial) throws IOException {
        List<UncertaintySummary.Importance> importance = UncertaintySummary.importance(r);
        folder.write("points.csv", UncertaintyFiles.points(r));
        folder.write("uncertainty.csv", UncertaintyFiles.differences(r));
        folder.write("importance.csv", UncertaintyFiles.importance(r, importance));
        String md = markdown(r, benefit);
        folder.write("findings.md", md);
        List<String> warnings = new ArrayList<>();
        for (Uncertainty.Point p : r.points()) {
            for (Caveats.Caveat c : p.caveats()) warnings.add("point " + p.index() + ": " + c.text());
        }
        folder.write("run.json", RunJson.of(command, started, List.of(), partial, warnings));
        Uncertainty.Outcome main = r.outcomes().get(r.main());
        Charts.Result charts = UncertaintyCharts.draw(r, importance, main.statistic().phrase(null, main.measure()), folder::write);
        folder.write("report.html", html(r, md, charts, partial));
        return folder.commit();
    }

    private static String html(Uncertainty.Results r, String md, Charts.Result charts, String partial) {
        StringBuilder figures = new StringBuilder();
        for (Charts.Drawn d : charts.drawn()) {
            figures.append("<figure id=\"chart-").append(d.name()).append("\">\n").append(Svg.inline(d.svg()))
                    .append("\n<figcaption>").append(Html.escape(d.caption())).append("</figcaption>\n</figure>\n");
        }
        for (String s : charts.skipped()) figures.append("<p class=files>Not drawn: ").append(Html.escape(s)).append(".</p>\n");
        String title = "How robust are these findings: " + r.spec().name();
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Html.escape(title)
                + " \u2013 pace-sim report</title>\n<style>\n" + HtmlReport.CSS + "</style>\n</head>\n<body>\n"
                + "<header><p class=tool>pace-sim report</p><h1>" + Html.escape(title) + "</h1></header>\n"
                + (partial == null ? "" : HtmlReport.partialBanner(partial))
                + Markdown.html(md.substring(md.indexOf('\n') + 1), 1) + figures + "</body>\n</html>\n";
    }

    // ---------------------------------------------------------------- numbers in words

    private static String unit(MeasureStat s) {
        return s.isDuration() ? "weeks" : s == MeasureStat.WITHIN_TARGET ? "percentage points" : "children";
    }

    /** A figure in its unit: days as weeks, a share as percentage points. */
    static double scale(MeasureStat s) {
        return s.readingScale();
    }

    private static String number(double v, MeasureStat s) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.1f", v * scale(s));
    }

    private static String range(double lo, double hi, MeasureStat s) {
        return number(lo, s) + " to " + number(hi, s);
    }

    private static String interval(Summary.Estimate e, MeasureStat s) {
        return number(e.mean(), s) + " (" + range(e.low(), e.high(), s) + ")";
    }

    private static String amount(double benefit, MeasureStat s) {
        return s.isDuration() ? Durations.format(benefit) : String.format(Locale.ROOT, "%.1f %s", benefit * scale(s),
                unit(s));
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
