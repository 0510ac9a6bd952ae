package org.pacesim.report.charts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.pacesim.experiment.Uncertainty;
import org.pacesim.experiment.UncertaintySummary;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.Prcc;

/**
 * The charts of an uncertainty analysis: each intervention's effect across the design's points against the
 * simulation's noise alone ({@code robustness_intervals}); which assumed values the main intervention's effect hangs
 * on ({@code robustness_prcc}, a tornado of partial rank correlations); and the effect at each point against the
 * value it hangs on most ({@code robustness_scatter}).
 */
public final class UncertaintyCharts {
    private static final int ROWS = 15;
    private static final int LABELS = 470;
    private static final String MORE = "the higher the value, the more the intervention helps";
    private static final String LESS = "the higher the value, the less it helps";

    private UncertaintyCharts() {}

    /**
     * Draws the three charts.
     *
     * @param what the main figure in words, e.g. "the median time to permanence"
     */
    public static Charts.Result draw(Uncertainty.Results r, List<UncertaintySummary.Importance> importance, String what,
                                     Charts.Sink sink) throws IOException {
        int main = mainIntervention(r);
        List<Supplier<Figure>> tasks = new ArrayList<>();
        tasks.add(() -> intervals(r, what));
        if (main > 0) {
            tasks.add(() -> prcc(r, importance, main, what));
            tasks.add(() -> scatter(r, importance, main, what));
        }
        return Charts.drawAll(tasks, sink);
    }

    /** The intervention with the largest median effect on the main figure, or 0 when there is none. */
    static int mainIntervention(Uncertainty.Results r) {
        int best = 0;
        double size = -1;
        for (int s = 1; s < r.scenarios().size(); s++) {
            double m = Math.abs(UncertaintySummary.effect(r, s, r.main()).median());
            if (m > size) {
                size = m;
                best = s;
            }
        }
        return best;
    }

    private static Figure intervals(Uncertainty.Results r, String what) {
        MeasureStat stat = r.outcomes().get(r.main()).statistic();
        double scale = scale(stat);
        List<UncertaintySummary.Effect> effects = new ArrayList<>();
        for (int s = 1; s < r.scenarios().size(); s++) effects.add(UncertaintySummary.effect(r, s, r.main()));
        effects.sort(Comparator.comparingDouble(e -> e.median() * (stat.isDuration() ? 1 : -1)));
        if (effects.isEmpty() || effects.get(0).points() == 0) throw new NotDrawn("no point's figures stand");
        List<String> labels = effects.stream().map(e -> r.scenarios().get(e.scenario())).toList();
        Plot plot = new Plot("Effect on " + what + " (" + unit(r) + "; intervention minus baseline)", "");
        plot.rows(labels, LABELS, Set.of());
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < effects.size(); i++) {
            UncertaintySummary.Effect e = effects.get(i);
            double y = plot.row(i);
            plot.rect("90% of the design's points", e.low() * scale, e.high() * scale, y - 0.28, y + 0.28,
                    Palette.SKY_BLUE, null);
            plot.segment("median across points", e.median() * scale, y - 0.28, e.median() * scale, y + 0.28,
                    Palette.BLUE, 3f);
            double nl = e.nominal().low() * scale;
            double nh = e.nominal().high() * scale;
            plot.segment("values as written: 95% CI (simulation noise)", nl, y, nh, y, Palette.TEXT, 3f);
            plot.segment("values as written: 95% CI (simulation noise)", nl, y - 0.1, nl, y + 0.1, Palette.TEXT, 2f);
            plot.segment("values as written: 95% CI (simulation noise)", nh, y - 0.1, nh, y + 0.1, Palette.TEXT, 2f);
            lo = min(lo, e.low() * scale, nl);
            hi = max(hi, e.high() * scale, nh);
        }
        double pad = Math.max(0.5, (hi - lo) * 0.05);
        plot.styler().setXAxisMin(lo - pad);
        plot.styler().setXAxisMax(hi + pad);
        plot.segment("no effect", 0, -0.5, 0, effects.size() - 0.5, Palette.MUTED, 1.5f);
        Legend legend = new Legend(null).box("90% of the design's points (what was assumed and the noise)", Palette.SKY_BLUE)
                .line("median across points", new Palette.Line(Palette.BLUE, new java.awt.BasicStroke(3f)))
                .line("values as written: 95% CI (simulation noise alone)",
                        new Palette.Line(Palette.TEXT, new java.awt.BasicStroke(3f)));
        return new Figure("robustness_intervals", "How sure each effect is: what was assumed against simulation noise",
                subtitle(r)).legendOnTop(legend).panel(plot)
                .caption("Each row is an intervention's effect on " + what + ". The blue bar holds the middle 90% of"
                        + " its effects across the design's points, where the assumed values vary over their ranges;"
                        + " the black whisker is the 95% confidence interval with every value as written, the"
                        + " simulation's noise alone. A bar much wider than its whisker says the finding rests on the"
                        + " assumptions more than on the number of replications.");
    }

    private static Figure prcc(Uncertainty.Results r, List<UncertaintySummary.Importance> importance, int s,
                               String what) {
        List<UncertaintySummary.Importance> rows = importance.stream()
                .filter(i -> i.scenario() == s && i.outcome() == r.main() && !Double.isNaN(i.prcc().prcc()))
                .sorted(Comparator.comparingDouble(i -> -Math.abs(i.prcc().prcc()))).limit(ROWS).toList();
        if (rows.isEmpty()) throw new NotDrawn("no partial rank correlation could be computed");
        List<String> labels = rows.stream().map(i -> r.design().varied().get(i.parameter()).name()).toList();
        Plot plot = new Plot("Partial rank correlation with the effect (95% CI)", "");
        plot.rows(labels, LABELS, Set.of());
        for (int k = 0; k < rows.size(); k++) {
            Prcc.Coefficient c = rows.get(k).prcc();
            double y = plot.row(k);
            // a lower difference helps when the figure is a duration, a higher one when it is a share
            boolean helpsMore = (c.prcc() < 0) == r.outcomes().get(r.main()).statistic().isDuration();
            plot.rect(helpsMore ? MORE : LESS, Math.min(0, c.prcc()), Math.max(0, c.prcc()), y - 0.3, y + 0.3,
                    helpsMore ? Palette.BLUE : Palette.ORANGE, null);
            plot.segment("95% CI", c.low(), y, c.high(), y, Palette.TEXT, 1.5f);
        }
        plot.styler().setXAxisMin(-1.0);
        plot.styler().setXAxisMax(1.0);
        plot.segment("no correlation", 0, -0.5, 0, rows.size() - 0.5, Palette.TEXT, 1.5f);
        Legend legend = new Legend(null).box(MORE, Palette.BLUE).box(LESS, Palette.ORANGE);
        return new Figure("robustness_prcc", "What the effect of " + r.scenarios().get(s) + " hangs on", subtitle(r))
                .legendOnTop(legend).panel(plot)
                .caption("The assumed values most strongly tied to the effect of " + r.scenarios().get(s) + " on "
                        + what + ": the partial rank correlation of each with the effect across the design's points,"
                        + " the other values held fixed (Marino et al. 2008), with its 95% confidence interval."
                        + " An interval across 0 is no evidence the value matters.");
    }

    private static Figure scatter(Uncertainty.Results r, List<UncertaintySummary.Importance> importance, int s,
                                  String what) {
        UncertaintySummary.Importance top = importance.stream()
                .filter(i -> i.scenario() == s && i.outcome() == r.main() && !Double.isNaN(i.prcc().prcc()))
                .max(Comparator.comparingDouble(i -> Math.abs(i.prcc().prcc())))
                .orElseThrow(() -> new NotDrawn("no partial rank correlation could be computed"));
        int j = top.parameter();
        double scale = scale(r.outcomes().get(r.main()).statistic());
        List<double[]> kept = new ArrayList<>();
        List<double[]> left = new ArrayList<>();
        for (Uncertainty.Point p : r.points()) {
            double x = p.settings().get(j).value();
            double y = r.difference(p, s, r.main()).difference().mean() * scale;
            if (!Double.isNaN(y)) (p.flagged() ? left : kept).add(new double[] {x, y});
        }
        Plot plot = new Plot(r.design().varied().get(j).name() + (r.design().varied().get(j).range().multiplier()
                ? " (multiplier of the value as written)" : ""), "Effect (" + unit(r) + "; intervention minus baseline)");
        List<double[]> all = new ArrayList<>(kept);
        all.addAll(left);
        if (all.isEmpty()) throw new NotDrawn("no point has a figure");
        double[] xs = column(all, 0);
        double[] ys = column(all, 1);
        plot.range(padded(xs, -1), padded(xs, 1), padded(ys, -1), padded(ys, 1));
        if (!kept.isEmpty()) plot.points("points whose figures stand", column(kept, 0), column(kept, 1), Palette.BLUE, 12);
        if (!left.isEmpty()) {
            plot.points("left out: overloaded or heavily censored", column(left, 0), column(left, 1), Palette.GREYS[1], 12);
        }
        Legend legend = new Legend(null).marker("a design point", Markers.Shape.CIRCLE, Palette.BLUE);
        if (!left.isEmpty()) legend.marker("left out: overloaded or heavily censored", Markers.Shape.CIRCLE, Palette.GREYS[1]);
        return new Figure("robustness_scatter", String.format(Locale.ROOT, "The effect of %s against %s", r.scenarios()
                .get(s), r.design().varied().get(j).name()), subtitle(r)).legendOnTop(legend).panel(plot)
                .caption("Each dot is a design point: the value the effect of " + r.scenarios().get(s) + " hangs on"
                        + " most (largest partial rank correlation), and the effect on " + what + " there, the mean"
                        + " of the point's paired replications.");
    }

    private static String unit(Uncertainty.Results r) {
        MeasureStat s = r.outcomes().get(r.main()).statistic();
        return s.isDuration() ? "weeks" : s == MeasureStat.WITHIN_TARGET ? "percentage points" : "children";
    }

    /** The lowest (side -1) or highest (side 1) of the values, with 5% of their spread to spare. */
    private static double padded(double[] v, int side) {
        double lo = java.util.Arrays.stream(v).min().orElse(0);
        double hi = java.util.Arrays.stream(v).max().orElse(0);
        double pad = Math.max((hi - lo) * 0.05, 1e-3 * Math.max(1, Math.abs(hi)));
        return side < 0 ? lo - pad : hi + pad;
    }

    private static String subtitle(Uncertainty.Results r) {
        return String.format(Locale.ROOT, "%s \u00b7 %d design points (Latin hypercube) over %d assumed values, %d left"
                + " out \u00b7 %d replications per scenario and point, seed %d, common random numbers", r.spec().name(),
                r.points().size(), r.design().varied().size(),
                r.points().stream().filter(Uncertainty.Point::flagged).count(), r.replications(), r.seed());
    }

    private static double scale(MeasureStat s) {
        return s.isDuration() ? 1 / 7.0 : s == MeasureStat.WITHIN_TARGET ? 100 : 1;
    }

    private static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(x -> x[c]).toArray();
    }

    private static double min(double a, double b, double c) {
        return Double.isNaN(c) ? Math.min(a, b) : Math.min(a, Math.min(b, c));
    }

    private static double max(double a, double b, double c) {
        return Double.isNaN(c) ? Math.max(a, b) : Math.max(a, Math.max(b, c));
    }
}
