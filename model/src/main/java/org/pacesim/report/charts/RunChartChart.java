package org.pacesim.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pacesim.experiment.RunCharts;
import org.pacesim.scenario.Labels;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.MonthlyPoints;
import org.pacesim.stats.RunChart;
import org.pacesim.stats.RunChartRules;

/**
 * The run charts of a dated change. {@link #site} draws one site's run chart as sites draw them (replication 0's
 * monthly points joined month to month, the baseline median frozen and extended, the change date, the points of a
 * signal marked) over the band where the middle 90% of all replications' points fell; {@link #detection} draws, per
 * scenario, the share of replications whose chart has shown a shift by each month after the change.
 */
final class RunChartChart {
    private static final Color POINT = Palette.BLACK;
    private static final Color SIGNAL = Palette.VERMILLION;
    private static final BasicStroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {10f, 6f}, 0f);

    private RunChartChart() {}

    /** One site's run chart of {@code chart} under scenario {@code c}. */
    static Figure site(RunCharts.Charted c, RunChart chart, String name) {
        boolean share = chart.series().statistic() == MeasureStat.WITHIN_TARGET;
        double scale = share ? 100 : 1.0 / 7; // percent, or weeks
        int n = chart.months();
        double[] x = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        double top = 0;
        for (int k = 0; k < n; k++) {
            double[] s = chart.spread(k);
            x[k] = k;
            low[k] = s[1] * scale;
            high[k] = s[2] * scale;
            if (!Double.isNaN(s[2])) top = Math.max(top, s[2] * scale);
        }
        double[] site = chart.points()[0];
        RunChartRules.Baseline b = chart.baselines().get(0);
        String measure = Labels.measure(c.scenario(), chart.series().measure());
        String what = share ? "share within target" : "median, weeks";
        Plot p = new Plot("Month: 0 is " + chart.firstMonth() + ", " + (n - 1) + " is " + chart.firstMonth().plusMonths(n - 1),
                share ? "Children within target (%)" : "Median (weeks)");
        p.heading(c.scenario().name() + ": " + measure + " (" + what + ")");
        p.band("middle 90% of replications", x, low, high, Palette.alpha(Palette.BLUE, 50));
        for (int k = 1; k < n; k++) {
            if (!Double.isNaN(site[k - 1]) && !Double.isNaN(site[k])) {
                p.segment("one site", k - 1, site[k - 1] * scale, k, site[k] * scale, POINT, 2f);
            }
        }
        List<double[]> plain = new ArrayList<>();
        List<double[]> marked = new ArrayList<>();
        boolean[] signal = b.usable() ? chart.rules().signalling(site, chart.changeAt(), n, b, chart.series().better())
                : new boolean[n];
        for (int k = 0; k < n; k++) {
            if (Double.isNaN(site[k])) continue;
            top = Math.max(top, site[k] * scale);
            (signal[k] ? marked : plain).add(new double[] {k, site[k] * scale});
        }
        if (!plain.isEmpty()) p.points("one site's months", col(plain, 0), col(plain, 1), POINT, 13);
        if (!marked.isEmpty()) p.points("months of a signal", col(marked, 0), col(marked, 1), SIGNAL, 13);
        if (b.usable()) {
            double m = b.median() * scale;
            p.segment("baseline median", 0, m, chart.changeAt() - 0.5, m, Palette.GREEN, 3f);
            p.line("baseline median, extended", new double[] {chart.changeAt() - 0.5, n - 1},
                    new double[] {m, m}, new Palette.Line(Palette.GREEN, DASHED));
        }
        double yTop = share ? 100 : Math.ceil(top * 1.1 / 5) * 5;
        p.segment("change", chart.changeAt() - 0.5, 0, chart.changeAt() - 0.5, yTop, Palette.MUTED, 2f);
        p.range(-0.5, n - 0.5, 0, yTop);
        String when = chart.firstMonth().plusMonths(chart.changeAt()).toString();
        Figure f = new Figure(name, title(c, chart, b), "Replication 0 as a site would plot it, months from "
                + chart.firstMonth() + "; the change " + (c.changed() ? "starts" : "would start") + " in " + when
                + "; band over " + chart.points().length + " replications");
        f.panel(p);
        Legend legend = new Legend("");
        legend.marker("one site's month", Markers.Shape.CIRCLE, POINT);
        legend.marker("part of a shift, trend or astronomical point", Markers.Shape.CIRCLE, SIGNAL);
        legend.line("baseline median (frozen, then extended)", new Palette.Line(Palette.GREEN, new BasicStroke(3f)));
        legend.box("middle 90% of all replications", Palette.alpha(Palette.BLUE, 50));
        f.legendOnTop(legend);
        f.note("A month with fewer than " + MonthlyPoints.MIN_CHILDREN + " children has no point (a gap): the rules"
                + " skip it. The vertical line is the change.");
        return f.caption("Each point is one month's " + what + " of the children who reached the end of " + measure
                + " that month, in one replication: what one site would see. The run-chart rules (Perla, Provost and"
                + " Murray 2011) mark a shift of " + chart.rules().shift() + " points below the frozen baseline median,"
                + " a trend of " + chart.rules().trend() + " points, or a point far beyond the baseline's range; the"
                + " band shows how differently the same system can look from one site to the next.");
    }

    private static String title(RunCharts.Charted c, RunChart chart, RunChartRules.Baseline b) {
        if (!b.usable()) {
            return String.format(Locale.ROOT, "This site has only %d baseline months with %d or more children: too few"
                    + " for a run chart", b.points(), MonthlyPoints.MIN_CHILDREN);
        }
        int first = chart.rules().first(RunChartRules.Rule.SHIFT, chart.points()[0], chart.changeAt(), chart.months(),
                b, chart.series().better());
        if (first < 0) return "This site's run chart shows no shift after the change";
        return String.format(Locale.ROOT, "This site's run chart shows a shift %d months after the change%s",
                first - chart.changeAt() + 1, c.changed() ? "" : " although nothing changed");
    }

    /** The share of replications whose run chart of the series has shown a shift by each month after the change. */
    static Figure detection(List<RunCharts.Charted> all, String measure, MeasureStat statistic, int within) {
        Plot p = new Plot("Months after the change", "Replications with a shift (%)");
        int months = 1;
        List<String> names = new ArrayList<>();
        Legend legend = new Legend("");
        int i = 0;
        for (RunCharts.Charted c : all) {
            RunChart chart = c.chart(measure, statistic);
            if (chart == null) continue;
            List<RunChart.Share> shares = chart.detection(RunChartRules.Rule.SHIFT);
            double[] x = new double[shares.size() - 1];
            double[] y = new double[shares.size() - 1];
            for (int k = 1; k < shares.size(); k++) {
                x[k - 1] = k;
                y[k - 1] = 100 * shares.get(k).share();
            }
            months = Math.max(months, x.length);
            Palette.Line line = c.changed() ? Palette.scenario(i + 1) : Palette.scenario(0);
            String label = c.changed() ? c.scenario().name() : c.scenario().name() + " (no change)";
            // With no replication that has the baseline months the rules need, every share is undefined (NaN):
            // such a scenario keeps its legend entry but draws no line (the subtitle says how many were usable).
            if (java.util.Arrays.stream(y).anyMatch(Double::isFinite)) p.line(label, x, y, line);
            legend.line(label, line);
            names.add(label);
            if (c.changed()) i++;
        }
        p.segment("within", within, 0, within, 100, Palette.MUTED, 1.5f);
        p.range(0.5, months + 0.5, 0, 100);
        p.styler().setYAxisDecimalPattern("0");
        String m = Labels.measure(all.get(0).scenario(), measure);
        RunChart first = all.get(0).chart(measure, statistic);
        int usable = first == null ? 0 : first.detection(RunChartRules.Rule.SHIFT).get(0).replications();
        Figure f = new Figure("run_chart_detection", "How soon a site's run chart shows the change",
                "Share of replications whose " + m + " (" + (statistic == MeasureStat.WITHIN_TARGET ? "share within"
                + " target" : "median") + ") run chart has shown a shift, by months after the change; "
                + (first == null ? "" : usable + " of " + first.points().length + " replications have the "
                + first.rules().baselineMonths() + " baseline months with " + MonthlyPoints.MIN_CHILDREN
                + " or more children the rules need"));
        f.panel(p);
        f.legend(legend, 460);
        f.note("The scenario without a change is read against the same date: its line is how often a shift appears"
                + " when nothing changed. The grey line is month " + within + ".");
        return f.caption("Each line is the share of the replications, each one site's monthly run chart, in which "
                + "the shift rule has signalled an improvement by that month after the change; replications with too"
                + " few baseline months of five or more children are left out.");
    }

    private static double[] col(List<double[]> pts, int k) {
        double[] v = new double[pts.size()];
        for (int i = 0; i < v.length; i++) v[i] = pts.get(i)[k];
        return v;
    }
}
