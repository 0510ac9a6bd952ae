package org.pacesim.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacesim.experiment.ScenarioResults;
import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.ReplicationDetail;
import org.pacesim.stats.StageStat;
import org.pacesim.stats.Summary;

/**
 * The process map of one scenario as a figure: its stages annotated with the mean time per entry and the share of
 * the cohort that passes through, coloured as in the other charts; for an intervention, the stages it removed are
 * placed where they were in the baseline and struck out.
 */
final class ProcessMapChart {
    /** The smallest scale at which Graphviz's drawing is used (its 14-point text then reads at 10 pixels or more). */
    private static final double LEGIBLE = 0.72;

    private ProcessMapChart() {}

    /** The annotation of each stage: "mean weeks · share of the cohort". */
    static Map<String, String> notes(ScenarioResults run) {
        Map<String, String> notes = new LinkedHashMap<>();
        List<String> stages = run.layout().stages();
        for (int s = 0; s < stages.size(); s++) {
            String name = stages.get(s);
            StageSpec spec = run.scenario().stages().get(name);
            double time = Double.NaN;
            for (Summary.StageRow row : run.summary().stages()) {
                if (row.stage().equals(name) && row.statistic() == StageStat.TIME_IN_STAGE_MEAN) time = row.estimate().mean();
            }
            double passing = 0;
            int n = 0;
            for (ReplicationDetail d : run.details()) {
                if (!Double.isNaN(d.passing()[s])) {
                    passing += d.passing()[s];
                    n++;
                }
            }
            String share = n == 0 ? "" : passing / n < 0.005 && passing > 0 ? "<1%" : Text.percent(passing / n);
            String weeks = spec instanceof StageSpec.Exit || Double.isNaN(time) || time < 0.05 ? ""
                    : time / 7 < 10 ? String.format(Locale.ROOT, "%.1f wk", time / 7)
                    : String.format(Locale.ROOT, "%.0f wk", time / 7);
            notes.put(name, weeks.isEmpty() ? share : share.isEmpty() ? weeks : weeks + " \u00b7 " + share);
        }
        return notes;
    }

    /** The fill colour of each stage's box, as in the other charts. */
    static Map<String, Color> fills(Runs runs, ScenarioResults run) {
        StageColours colours = new StageColours(TimeSpentChart.order(runs.ranked()),
                TimeSpentChart.split(runs.baseline()));
        Map<String, Color> fills = new LinkedHashMap<>();
        for (String stage : run.layout().stages()) {
            StageSpec spec = run.scenario().stages().get(stage);
            Color c = colours.of(stage);
            boolean grey = colours.grey(stage);
            boolean permanence = spec instanceof StageSpec.Exit x && x.outcome().equals("permanence");
            fills.put(stage, permanence ? Palette.tint(Palette.GREEN, 0.75) : grey ? new Color(0xF2F2F2)
                    : Palette.tint(c, 0.55));
        }
        return fills;
    }

    /** The annotated DOT of a scenario's map (for Graphviz and for the .dot file). */
    static String dot(Runs runs, ScenarioResults run) {
        Map<String, String> hex = new LinkedHashMap<>();
        fills(runs, run).forEach((k, c) -> hex.put(k, String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(),
                c.getGreen(), c.getBlue())));
        return org.pacesim.graph.GraphExport.dot(run.graph(), notes(run), hex);
    }

    /** The annotated Mermaid flowchart of a scenario's map. */
    static String mermaid(Runs runs, ScenarioResults run) {
        Map<String, String> hex = new LinkedHashMap<>();
        fills(runs, run).forEach((k, c) -> hex.put(k, String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(),
                c.getGreen(), c.getBlue())));
        return org.pacesim.graph.GraphExport.mermaid(run.graph(), notes(run), hex);
    }

    /**
     * The figure.
     *
     * @param runs      the runs (for the subtitle and colours)
     * @param run       the scenario to draw
     * @param reference the baseline, for placing removed stages (null: none)
     * @param name      file name
     * @param graphviz  Graphviz's drawing of the map, used if it fits legibly, or null
     */
    static Figure draw(Runs runs, ScenarioResults run, ScenarioResults reference, String name,
                       Graphviz.Drawing graphviz) {
        Scenario s = run.scenario();
        SystemGraph graph = run.graph();
        Map<String, Color> fills = fills(runs, run);
        Map<String, String> notes = notes(run);
        List<String> vertices = new ArrayList<>();
        List<String[]> edges = new ArrayList<>();
        Map<String, ProcessMap.Node> nodes = new LinkedHashMap<>();
        for (ArrivalSource a : s.arrivals()) {
            String v = SystemGraph.SOURCE + a.name();
            vertices.add(v);
            String rate = a.times().length > 0 ? a.times().length + " listed"
                    : String.format(Locale.ROOT, "%.0f a year", a.ratePerDay() * Durations.YEAR);
            nodes.put(v, new ProcessMap.Node(Text.words(a.name()), rate, ProcessMap.Kind.SOURCE, Palette.tint(Palette.SKY_BLUE, 0.7),
                    false));
        }
        for (String stage : run.layout().stages()) {
            StageSpec spec = s.stages().get(stage);
            if (spec == null) continue; // removed by a dated change: drawn as removed below
            vertices.add(stage);
            boolean permanence = spec instanceof StageSpec.Exit x && x.outcome().equals("permanence");
            nodes.put(stage, new ProcessMap.Node(runs.stage(stage), notes.getOrDefault(stage, ""), ProcessMap.Kind.of(spec.kind()),
                    fills.get(stage), permanence));
        }
        for (SystemGraph.Edge e : graph.graph().edgeSet()) edges.add(new String[] {e.from(), e.to()});
        List<String> removed = new ArrayList<>();
        if (reference != null) {
            for (String r : s.removed()) {
                if (!reference.scenario().stages().containsKey(r)) continue;
                removed.add(r);
                vertices.add(r);
                nodes.put(r, new ProcessMap.Node(runs.stage(r), "removed", ProcessMap.Kind.REMOVED, Color.WHITE, false));
            }
            for (SystemGraph.Edge e : reference.graph().graph().edgeSet()) {
                boolean touches = removed.contains(e.from()) || removed.contains(e.to());
                if (touches && nodes.containsKey(e.from()) && nodes.containsKey(e.to())) {
                    edges.add(new String[] {e.from(), e.to()});
                }
            }
        }
        Panel map = new ProcessMap(vertices, edges, nodes);
        String note = "Each box: a stage, its mean time per entry and the share of the cohort passing through it."
                + " Thick border: needs a unit of a resource; double border: a meeting; green: permanence;"
                + " dashed arrows: loops back; \u2192 and \u2190 under a box: routes to and from another row."
                + (removed.isEmpty() ? "" : " Struck out: removed by this scenario.");
        // Graphviz lays a small pathway out better; a long one it draws too small to read at this size
        double scale = graphviz == null ? 0 : GraphvizPanel.scale(graphviz, Figure.BODY_WIDTH, Figure.HEIGHT - 260);
        if (graphviz != null && removed.isEmpty() && scale >= LEGIBLE) {
            byte[] png = Graphviz.png(dot(runs, run), 72 * Math.min(scale, 1.25) * 1.5).orElse(null);
            if (png != null) {
                map = new GraphvizPanel(graphviz, png, map.series());
                note = "Drawn by Graphviz. Each box: a stage, its kind, its mean time per entry and the share of the"
                        + " cohort passing through it; each arrow a route, with its label, probability and condition.";
            }
        }
        return new Figure(name, title(run, reference, removed), runs.subtitle())
                .panel(map)
                .note(note)
                .caption("The pathway as the model runs it, left to right and wrapped like lines of text: each stage"
                        + " with its mean time per entry (weeks) and the share of the cohort that passes through it."
                        + " Stages in colour take most time in the baseline, as in the other charts.");
    }

    private static String title(ScenarioResults run, ScenarioResults reference, List<String> removed) {
        Scenario s = run.scenario();
        int stages = s.stages().size();
        if (reference == null || reference == run) {
            return String.format(Locale.ROOT, "The pathway of %s: %d stages, with the mean time in each and the share of"
                    + " children who pass through it", s.name(), stages);
        }
        List<String> added = new ArrayList<>();
        for (String st : s.stages().keySet()) if (!reference.scenario().stages().containsKey(st)) added.add(st);
        List<String> parts = new ArrayList<>();
        if (!removed.isEmpty()) parts.add("removes " + join(removed));
        if (!added.isEmpty()) parts.add("adds " + join(added));
        int changed = s.changes().size();
        return String.format(Locale.ROOT, "%s %s%s", s.name(), parts.isEmpty() ? "keeps the pathway's stages" : String.join(" and ", parts),
                String.format(Locale.ROOT, " (%d change%s in all)", changed, changed == 1 ? "" : "s"));
    }

    private static String join(List<String> names) {
        List<String> w = names.stream().map(Text::words).toList();
        if (w.size() == 1) return w.get(0);
        return String.join(", ", w.subList(0, w.size() - 1)) + " and " + w.get(w.size() - 1);
    }
}
