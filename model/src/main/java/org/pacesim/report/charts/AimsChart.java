package org.pacesim.report.charts;

import java.awt.Color;
import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.Summary;

/**
 * Chart 3, the PACE aims: for each aim, the share of children within its target in each scenario, as a bar with
 * the 95% confidence interval of the mean over replications. A child still waiting at the end of follow-up counts
 * as not within target once it has waited longer than the target, and is left out before that.
 */
final class AimsChart {
    private static final int LABELS = 330;

    private AimsChart() {}

    static Figure draw(Runs runs) {
        List<String> aims = new ArrayList<>();
        for (String a : runs.aims(4)) if (!Double.isNaN(runs.target(a))) aims.add(a);
        if (aims.isEmpty()) throw new NotDrawn("the scenario sets no target for a PACE aim");
        List<ScenarioResults> ranked = runs.ranked();
        // an aim no child was counted for in any scenario (no cohort, say) has no bar to draw
        aims.removeIf(a -> ranked.stream().allMatch(r -> Double.isNaN(Runs.mean(r, a, MeasureStat.WITHIN_TARGET))));
        if (aims.isEmpty()) throw new NotDrawn("no child of the cohort was counted for any PACE aim");
        List<String> labels = ranked.stream().map(Runs::name).toList();
        Figure f = new Figure("aims", title(runs, aims), runs.subtitle());
        double labelShare = (double) LABELS / Figure.BODY_WIDTH;
        double share = (1 - labelShare) / aims.size();
        // one scale for every aim, so that bar lengths compare across panels as well as within them
        double max = 0;
        for (String aim : aims) {
            for (ScenarioResults r : ranked) {
                Summary.Estimate e = Runs.stat(r, aim, MeasureStat.WITHIN_TARGET);
                if (e != null && !Double.isNaN(e.mean())) max = Math.max(max, Double.isNaN(e.high()) ? e.mean() : e.high());
            }
        }
        double xMax = Math.min(100, Math.max(10, Math.ceil(max * 100 * 1.15 / 10) * 10));
        for (int a = 0; a < aims.size(); a++) {
            String aim = aims.get(a);
            Plot plot = new Plot("% within target", "");
            plot.heading(runs.measure(aim), String.format(Locale.ROOT, "within %.0f weeks", runs.target(aim) / 7));
            plot.rows(a == 0 ? labels : blank(labels.size()), a == 0 ? LABELS : 0, Set.of(0));
            plot.styler().setXAxisMin(0.0);
            plot.styler().setXAxisMax(xMax);
            List<double[]> labelsAt = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                Summary.Estimate e = Runs.stat(ranked.get(i), aim, MeasureStat.WITHIN_TARGET);
                if (e == null || Double.isNaN(e.mean())) continue;
                double y = plot.row(i);
                Color c = i == 0 ? Palette.BLACK : Palette.BLUE;
                plot.rect(i == 0 ? "baseline share within target" : "share within target", 0, e.mean() * 100, y - 0.32,
                        y + 0.32, Palette.tint(c, i == 0 ? 0.6 : 0.45), null);
                if (!Double.isNaN(e.low())) {
                    plot.segment("95% CI", e.low() * 100, y, e.high() * 100, y, Palette.TEXT, 2f);
                    plot.segment("95% CI", e.low() * 100, y - 0.15, e.low() * 100, y + 0.15, Palette.TEXT, 2f);
                    plot.segment("95% CI", e.high() * 100, y - 0.15, e.high() * 100, y + 0.15, Palette.TEXT, 2f);
                }
                labelsAt.add(new double[] {Double.isNaN(e.high()) ? e.mean() * 100 : e.high() * 100, y, e.mean()});
            }
            Summary.Estimate base = Runs.stat(runs.baseline(), aim, MeasureStat.WITHIN_TARGET);
            if (base != null && !Double.isNaN(base.mean())) {
                plot.segment("baseline", base.mean() * 100, -0.5, base.mean() * 100, ranked.size() - 0.5, Palette.MUTED,
                        1.5f);
            }
            plot.overlay((g, chart) -> {
                g.setFont(Palette.font(Palette.SMALL - 1, false));
                FontMetrics fm = g.getFontMetrics();
                g.setColor(Palette.TEXT);
                for (double[] l : labelsAt) {
                    double x = chart.getScreenXFromChart(l[0]) + 5;
                    double y = chart.getScreenYFromChart(l[1]) + fm.getAscent() / 2.0 - 2;
                    g.drawString(Text.percent(l[2]), (float) x, (float) y);
                }
            });
            f.panel(plot, a == 0 ? 0 : labelShare + share * a, 0, a == 0 ? labelShare + share : share, 1);
        }
        return f.note("Bar: share of children within the aim's target (mean over replications); whisker: its 95%"
                        + " confidence interval; grey line: the baseline. A child still waiting at the end of follow-up"
                        + " counts as not within target once it has waited longer; before that it is left out.")
                .caption("The PACE aims, scenario by scenario: the share of children whose interval was within the aim's"
                        + " target, with the 95% confidence interval of that share over the replications. The grey line"
                        + " marks the baseline, so a bar reaching past it is an improvement.");
    }

    private static List<String> blank(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add("");
        return out;
    }

    /** The largest gain in any aim (or, alone, the share within each aim). */
    private static String title(Runs runs, List<String> aims) {
        ScenarioResults base = runs.baseline();
        if (runs.ranked().size() == 1) {
            List<String> parts = new ArrayList<>();
            for (String a : aims) {
                parts.add(runs.measure(a) + " " + Text.percent(Runs.mean(base, a, MeasureStat.WITHIN_TARGET)));
            }
            return "Share of children within each PACE aim's target: " + String.join(", ", parts);
        }
        String bestAim = null;
        ScenarioResults best = null;
        double gain = 0;
        for (String a : aims) {
            double b = Runs.mean(base, a, MeasureStat.WITHIN_TARGET);
            for (ScenarioResults r : runs.ranked().subList(1, runs.ranked().size())) {
                double d = Runs.mean(r, a, MeasureStat.WITHIN_TARGET) - b;
                if (d > gain) {
                    gain = d;
                    bestAim = a;
                    best = r;
                }
            }
        }
        if (best == null) return "No scenario brings more children within a PACE aim's target than the baseline";
        return String.format(Locale.ROOT, "With %s, %s of children meet %s (within %.0f weeks), against %s in the"
                + " baseline", Runs.name(best), Text.percent(Runs.mean(best, bestAim, MeasureStat.WITHIN_TARGET)),
                runs.measure(bestAim), runs.target(bestAim) / 7,
                Text.percent(Runs.mean(base, bestAim, MeasureStat.WITHIN_TARGET)));
    }
}
