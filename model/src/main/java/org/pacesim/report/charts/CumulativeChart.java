package org.pacesim.report.charts;

import java.util.List;
import java.util.Locale;

import org.pacesim.experiment.ScenarioResults;
import org.pacesim.stats.Band;
import org.pacesim.stats.ReplicationDetail;

/**
 * Chart 1, time to permanence: for each scenario, the share of the cohort that has reached permanence by each month
 * since becoming looked after (the cumulative incidence, with going home and leaving care without an order as
 * competing exits and censoring handled by the Aalen-Johansen estimator), the mean over replications with a band
 * holding the middle 95% of them.
 */
final class CumulativeChart {
    private CumulativeChart() {}

    static Figure draw(Runs runs) {
        NotDrawn.unlessACohort(runs);
        List<ScenarioResults> ranked = runs.ranked();
        int points = ReplicationDetail.INCIDENCE_MONTHS + 1;
        double[] months = new double[points];
        for (int k = 0; k < points; k++) months[k] = k;
        Band[] bands = new Band[ranked.size()];
        for (int i = 0; i < ranked.size(); i++) {
            bands[i] = Band.of(ranked.get(i).details().stream().map(ReplicationDetail::permanenceIncidence).toList());
        }
        double[] base = bands[0].mean();
        double plateau = last(base);
        int end = 12;
        while (end < points - 1 && base[end] < 0.99 * plateau) end += 12;
        double top = 0;
        for (Band b : bands) for (int k = 0; k <= end; k++) if (!Double.isNaN(b.high()[k])) top = Math.max(top, b.high()[k]);
        double yMax = Math.ceil(top * 100 / 5) * 5 + 5;

        Plot plot = new Plot("Months since becoming looked after", "Share of the cohort in permanence (%)");
        plot.range(0, end, 0, yMax);
        plot.styler().setPlotGridVerticalLinesVisible(true);
        // bands first, under every line, and only for the two scenarios the title compares: more would hide the lines
        for (int i = Math.min(1, ranked.size() - 1); i >= 0; i--) {
            Palette.Line style = runs.line(i);
            plot.band("95% band: " + Runs.name(ranked.get(i)), months, percent(bands[i].low()),
                    percent(bands[i].high()), Palette.alpha(style.color(), i == 0 ? 46 : 40));
        }
        // grey lines first, so that the coloured ones are drawn over them
        for (boolean grey : new boolean[] {true, false}) {
            for (int i = ranked.size() - 1; i >= 0; i--) {
                if (runs.greyed(i) == grey) plot.line(Runs.name(ranked.get(i)), months, percent(bands[i].mean()), runs.line(i));
            }
        }

        int at = findingMonth(bands, end);
        String title;
        ScenarioResults main = runs.main();
        if (main == null) {
            title = String.format(Locale.ROOT, "By month %d, %s of the cohort has reached permanence; by month %d, %s",
                    at, Text.percent(base[at]), end, Text.percent(base[end]));
        } else {
            int m = runs.styleIndex(main);
            title = String.format(Locale.ROOT, "By month %d, %s of the cohort has reached permanence with %s, against"
                    + " %s in the baseline", at, Text.percent(bands[m].mean()[at]), Runs.name(main),
                    Text.percent(base[at]));
        }
        plot.segment("month " + at, at, 0, at, yMax, Palette.MUTED, 1.5f);
        Legend legend = new Legend("Highest first at month " + at);
        Integer[] order = new Integer[ranked.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(bands[b].mean()[at], bands[a].mean()[at]));
        for (int i : order) if (!runs.greyed(i)) legend.line(Text.shorten(Runs.name(ranked.get(i)), 44), runs.line(i));
        if (runs.greyedCount() > 0) legend.line(runs.greyedLabel(), Palette.OTHER);
        Figure f = new Figure("cumulative", title, runs.subtitle())
                .panel(plot)
                .note("Aalen-Johansen estimate: going home and leaving care without an order are competing exits;"
                        + " children still in the system at the end of follow-up are censored. Lines: mean of the"
                        + " replications; shaded band" + (main == null ? "" : "s (baseline and "
                        + Text.shorten(Runs.name(main), 40) + ")") + ": the middle 95% of replications.");
        if (ranked.size() > 1) f.legend(legend, 400);
        return f.caption("The share of all children in the cohort (everyone who became looked after during the"
                + " observation window) who have reached legal permanence, month by month after becoming looked after."
                + " A curve further up and to the left means children reach permanence sooner; where a curve levels off"
                + " is the share who ever do. Children who go home or leave care without an order never reach it"
                + " (competing exits); the estimator (Aalen-Johansen) also handles children still in the system at the"
                + " end of follow-up. The vertical line marks month " + at + ", where the largest gap is.");
    }

    /** The month at which the main scenario is furthest from the baseline (or the baseline's median, alone). */
    private static int findingMonth(Band[] bands, int end) {
        double[] base = bands[0].mean();
        if (bands.length == 1) {
            int k = 0;
            while (k < end && base[k] < last(base) / 2) k++;
            return Math.max(1, k);
        }
        int best = 1;
        double gap = -1;
        for (int k = 1; k <= end; k++) {
            double d = Math.abs(bands[1].mean()[k] - base[k]);
            if (d > gap) {
                gap = d;
                best = k;
            }
        }
        return best;
    }

    private static double last(double[] v) {
        for (int k = v.length - 1; k >= 0; k--) if (!Double.isNaN(v[k])) return v[k];
        return 0;
    }

    private static double[] percent(double[] v) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) out[k] = v[k] * 100;
        return out;
    }
}
