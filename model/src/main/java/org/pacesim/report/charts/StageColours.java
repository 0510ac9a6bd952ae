package org.pacesim.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The colours of the stages in the charts that split time by stage (where the time goes, the timelines): the stages
 * that take most time in the baseline get a colour each, in pathway order, the rest alternate two greys, and a
 * stage's waiting is drawn in a lighter shade of its colour. It remembers what was drawn, so that the legend shows
 * only colours a reader can find in the chart: a stage whose time is all waiting (a review waiting for its date) is
 * shown in the lighter shade that is drawn, not in a colour that never appears.
 */
final class StageColours {
    /** How lighter the waiting part of a stage is drawn. */
    private static final double WAITING = 0.6;
    /**
     * The share of the axis a piece must span to be seen (a few pixels): a stage whose work is a sliver in every bar
     * is not shown in the legend by a colour no reader can find.
     */
    private static final double VISIBLE = 0.005;

    private final Map<String, Color> colours = new HashMap<>();
    /** The longest piece drawn in each colour, in axis units. */
    private final Map<Color, Double> longest = new HashMap<>();

    /**
     * The colours of stages.
     *
     * @param order    every stage, in pathway order
     * @param baseline the baseline's time in each stage, which decides who gets a colour
     */
    StageColours(List<String> order, TimeSpentChart.Split baseline) {
        List<String> byTime = new ArrayList<>(order);
        byTime.sort((a, b) -> Double.compare(baseline.total(b), baseline.total(a)));
        Set<String> top = Set.copyOf(byTime.subList(0, Math.min(Palette.CYCLE.length, byTime.size())));
        int c = 0;
        int grey = 0;
        for (String s : order) {
            if (top.contains(s) && baseline.total(s) > 0) colours.put(s, Palette.CYCLE[c++]);
            else colours.put(s, Palette.GREYS[grey++ % 2]);
        }
    }

    /** A stage's colour (while worked on). */
    Color of(String stage) {
        return colours.getOrDefault(stage, Palette.GREYS[0]);
    }

    /** A stage's colour while waiting: lighter. */
    Color waiting(String stage) {
        return Palette.tint(of(stage), WAITING);
    }

    /** Whether a stage has no colour of its own. */
    boolean grey(String stage) {
        Color c = of(stage);
        return c.equals(Palette.GREYS[0]) || c.equals(Palette.GREYS[1]);
    }

    /** The series name of a stage: its name, or "other stages" for a grey one. */
    String series(String stage, Runs runs) {
        return grey(stage) ? "other stages" : runs.stage(stage);
    }

    /** Draws a stage's waiting from x0 to x1. */
    void drawWaiting(Plot plot, String stage, Runs runs, double x0, double x1, double y0, double y1) {
        plot.rect(series(stage, runs) + " (waiting)", x0, x1, y0, y1, waiting(stage), null);
        longest.merge(waiting(stage), x1 - x0, Math::max);
    }

    /** Draws a stage's work from x0 to x1. */
    void drawWork(Plot plot, String stage, Runs runs, double x0, double x1, double y0, double y1) {
        plot.rect(series(stage, runs), x0, x1, y0, y1, of(stage), null);
        longest.merge(of(stage), x1 - x0, Math::max);
    }

    /**
     * The legend of what was drawn: each coloured stage (in the lighter shade, and said to be all waiting, when only
     * its waiting was drawn), the other stages in a grey that was drawn, and what the lighter shade means.
     *
     * @param heading the legend's heading
     * @param order   the stages in pathway order
     * @param waiting the entry saying what the lighter shade is
     * @param span    the length of the axis the pieces were drawn on
     */
    Legend legend(String heading, List<String> order, Runs runs, String waiting, double span) {
        Legend legend = new Legend(heading);
        for (String stage : order) {
            if (grey(stage)) continue;
            if (seen(of(stage), span)) legend.box(runs.stage(stage), of(stage));
            else if (seen(waiting(stage), span)) legend.box(runs.stage(stage) + " (all waiting)", waiting(stage));
        }
        Color otherStages = first(span, Palette.GREYS[1], Palette.GREYS[0]);
        if (otherStages != null) legend.box("other stages", otherStages);
        Color lighter = first(span, Palette.tint(Palette.GREYS[1], WAITING), Palette.tint(Palette.GREYS[0], WAITING));
        for (String stage : order) {
            if (lighter == null && seen(of(stage), span) && seen(waiting(stage), span)) lighter = waiting(stage);
        }
        if (lighter != null) legend.box(waiting, lighter);
        return legend;
    }

    private boolean seen(Color c, double span) {
        return longest.getOrDefault(c, 0.0) >= VISIBLE * span;
    }

    /** The first of the colours that a reader can see in the chart, or null. */
    private Color first(double span, Color... candidates) {
        for (Color c : candidates) if (seen(c, span)) return c;
        return null;
    }
}
