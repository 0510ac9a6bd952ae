package org.pacesim.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.IntervalUtils;
import org.pacesim.experiment.Backtest;
import org.pacesim.experiment.BacktestWindow;
import org.pacesim.fit.Disclosure;
import org.pacesim.report.charts.Charts;
import org.pacesim.report.charts.Svg;

/**
 * What {@code pace backtest} shows: the coverage in the terminal, every figure in {@code backtest.csv}, and the chart
 * with the coverage per measure in {@code backtest.html} (self-contained, like report.html). Counts of 1 to 4
 * children are shown as {@code <5} everywhere unless suppression is switched off, and no child's date is shown: the
 * figures are counts per quarter and shares.
 */
public final class BacktestReport {
    /** The CSV's header. */
    public static final String HEADER = "group,measure,quarter,quarter_start,observed,sim_p025,sim_median,sim_p975,inside";

    private BacktestReport() {}

    /** The coverage with its binomial 95% CI (Wilson), in words: "93.1% of 480 figures (90.5% to 95.1%)". */
    public static String coverage(double[] c) {
        int n = (int) c[1];
        if (n == 0) return "no figures to score";
        int in = (int) Math.round(c[0] * n);
        ConfidenceInterval ci = IntervalUtils.getWilsonScoreInterval(n, in, 0.95);
        return String.format(Locale.ROOT, "%.1f%% of %d figure%s inside the simulated 95%% band (binomial 95%% CI %.1f%% to %.1f%%)", 100 * c[0], n,
                n == 1 ? "" : "s", 100 * ci.getLowerBound(), 100 * ci.getUpperBound());
    }

    /** The observed value as shown: a count or a share, or {@code <5} when too few children are behind it. */
    public static String observed(Backtest.Compared c, Disclosure d) {
        if (Double.isNaN(c.observed())) return "";
        if (!c.item().share()) return d.count(c.children());
        if (hides(d, c.children())) return d.count(c.children());
        if (hides(d, c.followed())) return d.count(c.followed());
        return Csv.number(round(c.observed()));
    }

    /** Whether the figure's value is withheld. */
    static boolean hidden(Backtest.Compared c, Disclosure d) {
        return !Double.isNaN(c.observed()) && (hides(d, c.children()) || c.item().share() && hides(d, c.followed()));
    }

    /** Whether a count of children is withheld (shown otherwise than as itself). */
    public static boolean hides(Disclosure d, long children) {
        return !d.count(children).equals(Long.toString(children));
    }

    /** backtest.csv: one row per figure. {@code inside} is blank where the value is withheld or not scored. */
    public static String csv(Backtest.Result r, Disclosure d) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (Backtest.Compared c : r.figures()) {
            BacktestWindow.Item it = c.item();
            String inside = !c.scored() || hidden(c, d) ? "" : c.inside() ? "TRUE" : "FALSE";
            s.append(Csv.row(it.group(), Csv.text(it.measure()), it.quarter(), it.start() == null ? "" : it.start().toString(),
                    observed(c, d), Csv.number(round(c.low())), Csv.number(round(c.median())), Csv.number(round(c.high())),
                    inside));
        }
        return s.toString();
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** The terminal summary. */
    public static String terminal(Backtest.Result r, Disclosure d) {
        StringBuilder s = new StringBuilder();
        for (String line : summary(r, d)) s.append(line).append('\n');
        s.append('\n').append(String.format(Locale.ROOT, "  %-44s %s%n", "measure", "inside the band"));
        for (Map.Entry<String, double[]> e : r.coverageByMeasure().entrySet()) {
            if (e.getValue()[1] == 0) continue;
            s.append(String.format(Locale.ROOT, "  %-44s %5.1f%% of %d%n", e.getKey(), 100 * e.getValue()[0],
                    (int) e.getValue()[1]));
        }
        return s.toString();
    }

    /** The sentences that open both the terminal summary and the page. */
    static List<String> summary(Backtest.Result r, Disclosure d) {
        var cl = r.caseload();
        var w = r.window();
        long arrivals = r.figures().stream().filter(c -> c.item().group().equals(BacktestWindow.ARRIVALS)
                && c.item().measure().equals(w.milestones().get(0)) && !c.item().share())
                .mapToLong(Backtest.Compared::children).sum();
        return List.of(
                String.format(Locale.ROOT, "Back-test from %s to %s: %d replications, %.1f s.", w.at(),
                        r.asOfGiven() ? r.records().asOf().toString() : "the latest date in the records",
                        r.replications(), r.seconds()),
                "Scenario values: " + r.source() + ".",
                "Caseload at " + w.at() + ": of " + d.count(cl.arrivedBefore()) + " children who had arrived, "
                        + d.count(cl.left()) + " had left and " + d.count(cl.open()) + " were on their way, placed in "
                        + "their stages (" + d.count(cl.placedByAssumption()) + " at the first stage after their last "
                        + "milestone, where the milestones alone leave the stage open; " + d.count(cl.mayHaveLeft())
                        + " could instead have left by an exit the records have no milestone for).",
                "Arrivals after it: " + d.count(arrivals) + ".",
                "Coverage: " + coverage(r.coverage()) + "; near 95% means the model would have predicted what "
                        + "happened (figures where nothing was observed and nothing expected are not scored)." + (d.suppress() ? " Counts of 1 to 4 children are shown as <5." : ""));
    }

    /** backtest.html. */
    public static String html(Backtest.Result r, Disclosure d, Charts.Drawn chart) {
        StringBuilder b = new StringBuilder();
        b.append("<section id=\"backtest\">\n<h2>Would the model have predicted what happened?</h2>\n");
        for (String line : summary(r, d)) b.append("<p>").append(Html.escape(line)).append("</p>\n");
        if (chart != null) {
            b.append("<figure id=\"chart-").append(chart.name()).append("\">\n").append(Svg.inline(chart.svg()))
                    .append("\n<figcaption>").append(Html.escape(chart.caption())).append("</figcaption>\n</figure>\n");
        }
        b.append("<h3>Coverage per measure</h3>\n<table><thead><tr><th>Group</th><th>Measure</th>"
                + "<th class=n>Figures scored</th><th class=n>Inside the band</th></tr></thead><tbody>\n");
        for (Map.Entry<String, double[]> e : r.coverageByMeasure().entrySet()) {
            if (e.getValue()[1] == 0) continue;
            String[] gm = e.getKey().split(" ", 2);
            b.append("<tr><td>").append(Html.escape(gm[0])).append("</td><td>").append(Html.escape(gm[1]))
                    .append("</td><td class=n>").append((int) e.getValue()[1]).append("</td><td class=n>")
                    .append(String.format(Locale.ROOT, "%.1f%%", 100 * e.getValue()[0])).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n<p class=files>Every figure, observed against its band, is in backtest.csv. A "
                + "measure named after a milestone counts the children reaching it in each calendar quarter (the first"
                + " and last may be part quarters); time_to:MILESTONE is the share of the later arrivals who reached it"
                + " within so many quarters of arriving, among those who arrived at least that long before the end."
                + "</p>\n</section>\n");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Back-test: "
                + Html.escape(r.scenario().name()) + " \u2013 pace-sim</title>\n<style>\n" + HtmlReport.CSS
                + "</style>\n</head>\n<body>\n<header><p class=tool>pace-sim back-test</p><h1>"
                + Html.escape(r.scenario().name()) + "</h1></header>\n" + b + "</body>\n</html>\n";
    }
}
