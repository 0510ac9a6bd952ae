package org.pacesim.report.charts;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.MeasureSpec;
import org.pacesim.scenario.MilestoneSpec;
import org.pacesim.stats.Journey;
import org.pacesim.stats.ReplicationDetail;

/**
 * Chart 7, child timelines: the simulated twin of the PACE "visual timeline". Twenty children of the cohort of
 * replication 0 who reached permanence in the baseline (the first twenty to arrive), one row each, one coloured
 * segment per stage (lighter while waiting), the PACE milestones marked. Beside it, the same children (the same
 * arrivals, thanks to common random numbers) under the scenario with the largest effect.
 */
final class TimelineChart {
    private static final int CHILDREN = 20;
    private static final int LABELS = 110;
    private static final double MONTH = ReplicationDetail.MONTH;

    private TimelineChart() {}

    static Figure draw(Runs runs) {
        NotDrawn.unlessACohort(runs);
        ScenarioResults base = runs.baseline();
        List<Journey> candidates = base.details().get(0).journeys();
        if (candidates.isEmpty()) throw new NotDrawn("no child of the cohort to follow");
        List<Journey> chosen = new ArrayList<>(candidates.stream().filter(Journey::permanence).limit(CHILDREN).toList());
        for (Journey j : candidates) {
            if (chosen.size() >= CHILDREN) break;
            if (!chosen.contains(j)) chosen.add(j);
        }
        chosen.sort(Comparator.comparingDouble(Journey::end));
        ScenarioResults main = runs.main();
        List<Journey> twins = new ArrayList<>();
        if (main != null) {
            Map<Long, Journey> byId = new HashMap<>();
            for (Journey j : main.details().get(0).journeys()) byId.put(j.child(), j);
            for (Journey j : chosen) twins.add(byId.get(j.child()));
        }
        List<ScenarioResults> shown = main == null ? List.of(base) : List.of(base, main);
        List<String> order = TimeSpentChart.order(runs.ranked());
        StageColours colours = new StageColours(order, TimeSpentChart.split(base));
        Map<String, Markers.Shape> milestones = milestones(runs);
        // only the milestones these children reach, so that the legend explains what is on the chart
        milestones.keySet().removeIf(m -> chosen.stream().noneMatch(j -> j.milestones().containsKey(m))
                && twins.stream().noneMatch(j -> j != null && j.milestones().containsKey(m)));
        double end = 0;
        for (Journey j : chosen) end = Math.max(end, j.end());
        for (Journey j : twins) if (j != null) end = Math.max(end, j.end());
        double xMax = Math.ceil(end / MONTH * 1.12 / 6) * 6; // room for the exit's name after the longest row
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) labels.add("Child " + (i + 1));
        // A child whose outcome differs (another order, or none) took another journey: a longer bar is then not harm
        // done to the same journey, so the chart says so rather than leave it to be read that way.
        boolean[] changed = new boolean[chosen.size()];
        int changes = 0;
        for (int i = 0; i < twins.size(); i++) {
            changed[i] = twins.get(i) != null && !twins.get(i).exit().equals(chosen.get(i).exit());
            if (changed[i]) changes++;
        }

        Figure f = new Figure("timelines", title(chosen, twins, main, changes), runs.subtitle());
        int legendWidth = 300;
        double labelShare = (double) LABELS / (Figure.BODY_WIDTH - legendWidth);
        double share = (1 - labelShare) / shown.size();
        for (int p = 0; p < shown.size(); p++) {
            List<Journey> rows = p == 0 ? chosen : twins;
            Plot plot = new Plot("Months since becoming looked after", "");
            plot.heading(Text.shorten(Runs.name(shown.get(p)), 60), p == 0 ? "baseline" : changes == 0
                    ? "the same children" : "the same children; outcome in red where it differs");
            plot.rows(p == 0 ? labels : Arrays.asList(new String[labels.size()]).stream().map(x -> "").toList(),
                    p == 0 ? LABELS : 0, Set.of());
            plot.styler().setXAxisMin(0.0);
            plot.styler().setXAxisMax(xMax);
            List<Object[]> marks = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Journey j = rows.get(i);
                if (j == null) continue;
                journey(plot, j, plot.row(i), colours, runs);
                for (Map.Entry<String, Markers.Shape> m : milestones.entrySet()) {
                    Double t = j.milestones().get(m.getKey());
                    if (t != null) marks.add(new Object[] {t / MONTH, plot.row(i), m.getValue()});
                }
                marks.add(new Object[] {j.end() / MONTH, plot.row(i), runs.stage(j.exit()), p == 1 && changed[i]});
            }
            plot.overlay((g, chart) -> {
                g.setFont(Palette.font(Palette.SMALL - 4, false));
                FontMetrics fm = g.getFontMetrics();
                for (Object[] m : marks) {
                    double x = chart.getScreenXFromChart((double) m[0]);
                    double y = chart.getScreenYFromChart((double) m[1]);
                    if (m[2] instanceof Markers.Shape s) {
                        Markers.paint(g, s, x, y, 13, Palette.BLACK);
                    } else {
                        boolean differs = (boolean) m[3];
                        g.setColor(differs ? Palette.VERMILLION : Palette.MUTED);
                        g.setFont(Palette.font(Palette.SMALL - 4, differs));
                        g.drawString((String) m[2], (float) x + 6, (float) (y + fm.getAscent() / 2.0 - 1));
                        g.setFont(Palette.font(Palette.SMALL - 4, false));
                    }
                }
            });
            f.panel(plot, p == 0 ? 0 : labelShare + share * p, 0, p == 0 ? labelShare + share : share, 1);
        }
        Legend legend = colours.legend("Stage", order, runs, "lighter: waiting", xMax);
        for (Map.Entry<String, Markers.Shape> m : milestones.entrySet()) legend.marker(Text.words(m.getKey()), m.getValue());
        return f.legend(legend, legendWidth)
                .series("milestones: " + String.join(", ", milestones.keySet()))
                .note("Each row is one child of replication 0 who reached permanence in the baseline (the first "
                        + CHILDREN + " of the cohort to arrive), sorted by the length of the journey; the exit reached"
                        + " is written at the end" + (changes == 0 ? "" : ", in red where it differs from the baseline's:"
                        + " another order or none, so the bar is another journey, not the same one made longer or"
                        + " shorter") + ". Two bars in a row: work running in parallel (the court and the hearing's"
                        + " advice).")
                .caption("Twenty children's journeys, the simulated twin of the PACE visual timeline: one row per"
                        + " child, one coloured segment per stage (lighter while waiting), the PACE milestones marked."
                        + (main == null ? "" : " On the right, the same children (the same arrivals, by common"
                        + " random numbers) under " + Runs.name(main) + "; once the pathway differs, their later"
                        + " draws, and so their routes, can differ too."));
    }

    /** The milestones that start or end the PACE aims, and permanence itself, each with a marker shape. */
    private static Map<String, Markers.Shape> milestones(Runs runs) {
        Map<String, Markers.Shape> out = new LinkedHashMap<>();
        Map<String, MeasureSpec> measures = runs.baseline().scenario().measures();
        Markers.Shape[] shapes = Markers.Shape.values();
        for (String aim : runs.aims(4)) {
            MeasureSpec m = measures.get(aim);
            for (String ms : List.of(m.from(), m.to())) {
                if (!ms.equals(MilestoneSpec.ARRIVAL) && !out.containsKey(ms) && out.size() < shapes.length - 1) {
                    out.put(ms, shapes[out.size()]);
                }
            }
        }
        if (runs.baseline().scenario().milestones().containsKey(MilestoneSpec.PERMANENCE)) {
            out.put(MilestoneSpec.PERMANENCE, Markers.Shape.BAR);
        }
        return out;
    }

    private static void journey(Plot plot, Journey j, double y, StageColours colours, Runs runs) {
        List<Journey.Segment> segments = new ArrayList<>(j.segments());
        segments.sort(Comparator.comparingDouble(Journey.Segment::enter));
        // parallel branches get lanes: a segment goes in the first lane free when it starts
        List<Double> laneEnds = new ArrayList<>();
        int[] lane = new int[segments.size()];
        for (int k = 0; k < segments.size(); k++) {
            Journey.Segment s = segments.get(k);
            int l = 0;
            while (l < laneEnds.size() && laneEnds.get(l) > s.enter() + 1e-9) l++;
            if (l == laneEnds.size()) laneEnds.add(0.0);
            lane[k] = l;
            laneEnds.set(l, Double.isNaN(s.leave()) ? j.end() : s.leave());
        }
        int lanes = Math.max(1, laneEnds.size());
        double height = 0.72;
        double[] reached = new double[lanes];
        for (int k = 0; k < segments.size(); k++) {
            Journey.Segment s = segments.get(k);
            double top = y + height / 2 - lane[k] * height / lanes;
            double bottom = top - height / lanes + (lanes > 1 ? 0.04 : 0);
            double enter = s.enter() / MONTH;
            double start = (Double.isNaN(s.start()) ? s.enter() : s.start()) / MONTH;
            double leave = (Double.isNaN(s.leave()) ? j.end() : s.leave()) / MONTH;
            // time between stages (waiting for the next review date) is drawn as waiting for the stage it leads to
            double from = Math.min(enter, reached[lane[k]]);
            if (lane[k] == 0 && from < enter) colours.drawWaiting(plot, s.stage(), runs, from, enter, bottom, top);
            if (start > enter) colours.drawWaiting(plot, s.stage(), runs, enter, start, bottom, top);
            if (leave > start) colours.drawWork(plot, s.stage(), runs, start, leave, bottom, top);
            reached[lane[k]] = Math.max(reached[lane[k]], leave);
        }
    }

    private static String title(List<Journey> chosen, List<Journey> twins, ScenarioResults main, int changes) {
        double base = medianMonths(chosen);
        if (main == null) {
            return String.format(Locale.ROOT, "%d children's journeys to permanence: a median of %.0f months from"
                    + " becoming looked after", chosen.size(), base);
        }
        return String.format(Locale.ROOT, "The same %d children: with %s their journeys take a median of %.0f months,"
                + " against %.0f in the baseline%s", chosen.size(), Runs.name(main), medianMonths(twins), base,
                changes == 0 ? "" : String.format(Locale.ROOT, "; %d of them end with another outcome", changes));
    }

    private static double medianMonths(List<Journey> js) {
        double[] v = js.stream().filter(j -> j != null && !j.exit().isEmpty()).mapToDouble(j -> j.end() / MONTH)
                .sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
