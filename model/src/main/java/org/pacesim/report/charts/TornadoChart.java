package org.pacesim.report.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pacesim.experiment.Caveats;
import org.pacesim.experiment.Sensitivity;
import org.pacesim.scenario.RunSettings;
import org.pacesim.stats.Comparison;

/**
 * Chart 6, the tornado chart of {@code pace sensitivity}: the levers ranked by effect, each with two bars, the
 * effect of moving it down and of moving it up (variant minus base, paired replications), with 95% confidence
 * intervals. Only the largest levers are drawn; sensitivity.csv lists them all.
 */
public final class TornadoChart {
    private static final int ROWS = 15;
    private static final int LABELS = 470;
    /** The bar of a setting whose figures are not findings. */
    private static final java.awt.Color FLAGGED = Palette.GREYS[0];

    private TornadoChart() {}

    /** The chart of a sensitivity analysis. */
    public static Figure draw(Sensitivity.Results r) {
        List<Sensitivity.Effect> effects = r.effects().subList(0, Math.min(ROWS, r.effects().size()));
        double scale = r.statistic().readingScale();
        String unit = r.statistic().differenceUnit();
        List<String> labels = new ArrayList<>();
        Set<Integer> flaggedRows = new java.util.HashSet<>();
        for (int i = 0; i < effects.size(); i++) {
            Sensitivity.Effect e = effects.get(i);
            // A setting that overloads the system has an effect that only says how long the run was: its row
            // says so, in bold, and its bar is grey, so that it never reads as the lever that matters most.
            labels.add(e.flagged() ? Caveats.flag(flaggedCaveats(e)).toUpperCase(Locale.ROOT) + ": " + lever(e.lever())
                    : lever(e.lever()));
            if (e.flagged()) flaggedRows.add(i);
        }
        Plot plot = new Plot("Effect on " + r.measured() + " (" + unit
                + "; variant minus base)", "");
        plot.rows(labels, LABELS, flaggedRows);
        double extent = 0.5;
        for (int i = 0; i < effects.size(); i++) {
            Sensitivity.Effect e = effects.get(i);
            double y = plot.row(i);
            extent = Math.max(extent, bar(plot, "lever moved down", e.low(), y + 0.2, scale,
                    e.lowCaveats().isEmpty() ? Palette.BLUE : FLAGGED));
            extent = Math.max(extent, bar(plot, "lever moved up", e.high(), y - 0.2, scale,
                    e.highCaveats().isEmpty() ? Palette.ORANGE : FLAGGED));
        }
        double lim = Math.ceil(extent * 1.1);
        plot.styler().setXAxisMin(-lim);
        plot.styler().setXAxisMax(lim);
        plot.segment("no effect", 0, -0.5, 0, effects.size() - 0.5, Palette.TEXT, 1.5f);
        Legend legend = new Legend(null)
                .box(String.format(Locale.ROOT, "lever moved down %.0f%%", r.amount() * 100), Palette.BLUE)
                .box(String.format(Locale.ROOT, "lever moved up %.0f%%", r.amount() * 100), Palette.ORANGE);
        if (!flaggedRows.isEmpty()) legend.box("system overloaded or heavily censored: not a finding", FLAGGED);
        RunSettings run = r.base().scenario().run();
        String subtitle = String.format(Locale.ROOT, "%s \u00b7 each lever moved down and up by %.0f%%, one at a time"
                + " \u00b7 %d replications per variant, seed %d, common random numbers \u00b7 the %d largest of %d levers",
                r.base().name(), r.amount() * 100, r.base().replications().size(), run.seed(),
                effects.size(), r.effects().size());
        return new Figure("tornado", title(r, scale, unit), subtitle)
                .legendOnTop(legend)
                .panel(plot)
                .note("Bars: mean paired difference from the unchanged scenario; whiskers: 95% confidence interval."
                        + " Durations are scaled, capacities and sitting frequencies rounded to whole numbers, branch"
                        + " probabilities scaled with the others rescaled to keep their sum.")
                .caption("Which lever matters most: each row moves one lever (a stage's durations, a capacity, how often"
                        + " a meeting sits, a branch probability) down and up by the same relative amount, one at a"
                        + " time, and shows the effect with its 95% confidence interval. Longest bars first.");
    }

    private static double bar(Plot plot, String name, Comparison.Difference d, double y, double scale,
                              java.awt.Color colour) {
        if (d == null || Double.isNaN(d.difference().mean())) return 0;
        double v = d.difference().mean() * scale;
        plot.rect(name, Math.min(0, v), Math.max(0, v), y - 0.17, y + 0.17, colour, null);
        double lo = d.difference().low() * scale;
        double hi = d.difference().high() * scale;
        if (!Double.isNaN(lo)) {
            plot.segment("95% CI", lo, y, hi, y, Palette.TEXT, 1.5f);
            plot.segment("95% CI", lo, y - 0.1, lo, y + 0.1, Palette.TEXT, 1.5f);
            plot.segment("95% CI", hi, y - 0.1, hi, y + 0.1, Palette.TEXT, 1.5f);
        }
        return Math.max(Math.abs(v), Double.isNaN(lo) ? 0 : Math.max(Math.abs(lo), Math.abs(hi)));
    }

    private static String lever(Sensitivity.Lever l) {
        return l.name().replace('_', ' ').replace("->", "\u2192");
    }

    private static List<Caveats.Caveat> flaggedCaveats(Sensitivity.Effect e) {
        List<Caveats.Caveat> all = new ArrayList<>(e.lowCaveats());
        all.addAll(e.highCaveats());
        return all;
    }

    /** The title names the largest lever whose settings both leave the system's figures standing. */
    private static String title(Sensitivity.Results r, double scale, String unit) {
        List<Sensitivity.Effect> standing = r.effects().stream().filter(e -> !e.flagged()).toList();
        if (standing.isEmpty()) {
            return r.effects().isEmpty() ? "No lever to move" : "Every setting overloads the system: no finding";
        }
        Sensitivity.Effect top = standing.get(0);
        String what = r.measured();
        String lever = lever(top.lever());
        // "p(a → b)" reads "the probability of a → b" in a sentence
        lever = lever.startsWith("p(") && lever.endsWith(")") ? "probability of " + lever.substring(2, lever.length() - 1)
                : lever;
        return String.format(Locale.ROOT, "%s is most sensitive to the %s: %s %s when it moves down, %s when it moves up",
                Character.toUpperCase(what.charAt(0)) + what.substring(1), lever, effect(top.low(), scale), unit,
                effect(top.high(), scale));
    }

    private static String effect(Comparison.Difference d, double scale) {
        if (d == null) return "no change";
        return String.format(Locale.ROOT, "%+.1f", d.difference().mean() * scale).replace("-", "\u2212");
    }
}
