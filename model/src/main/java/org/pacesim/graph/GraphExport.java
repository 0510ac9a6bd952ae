package org.pacesim.graph;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.StageSpec;

/**
 * The system graph as text for other tools: Graphviz DOT (through JGraphT's exporter) and Mermaid. Stages are
 * shaped by kind; edges carry their label, probability and condition; stages removed by an intervention are drawn
 * dashed and struck out, so a reader sees what changed.
 */
public final class GraphExport {
    private GraphExport() {}

    /** Graphviz DOT, laid out left to right. */
    public static String dot(SystemGraph sg) {
        return dot(sg, Map.of(), Map.of());
    }

    /**
     * Graphviz DOT with a line of figures under each stage's name (mean time, share of children) and box colours,
     * for the process map of a run.
     *
     * @param notes per stage, a line to add to its label (may be empty)
     * @param fills per stage, a fill colour as {@code #rrggbb} (may be empty)
     */
    public static String dot(SystemGraph sg, Map<String, String> notes, Map<String, String> fills) {
        Graph<String, SystemGraph.Edge> g = new DirectedPseudograph<>(null, null, false);
        sg.graph().vertexSet().forEach(g::addVertex);
        sg.graph().edgeSet().forEach(e -> g.addEdge(e.from(), e.to(), e));
        sg.scenario().removed().forEach(g::addVertex);
        DOTExporter<String, SystemGraph.Edge> exporter = new DOTExporter<>(GraphExport::id);
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("rankdir", DefaultAttribute.createAttribute("LR"));
            // graph attributes are written as they are, so the name is quoted here (it may hold spaces, commas, brackets)
            a.put("label", DefaultAttribute.createAttribute("\"" + sg.scenario().name().replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\""));
            a.put("fontname", DefaultAttribute.createAttribute("Helvetica"));
            return a;
        });
        exporter.setVertexAttributeProvider(v -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("fontname", DefaultAttribute.createAttribute("Helvetica"));
            if (sg.scenario().removed().contains(v)) {
                a.put("label", DefaultAttribute.createAttribute(v + "\n(removed)"));
                a.put("style", DefaultAttribute.createAttribute("dashed"));
                a.put("fontcolor", DefaultAttribute.createAttribute("gray50"));
                a.put("color", DefaultAttribute.createAttribute("gray50"));
                return a;
            }
            if (v.startsWith(SystemGraph.SOURCE)) {
                a.put("label", DefaultAttribute.createAttribute(v.substring(SystemGraph.SOURCE.length())));
                a.put("shape", DefaultAttribute.createAttribute("cds"));
                return a;
            }
            StageSpec s = sg.scenario().stages().get(v);
            String note = notes.getOrDefault(v, "");
            a.put("label", DefaultAttribute.createAttribute(v + "\n" + s.kind() + (note.isEmpty() ? "" : "\n" + note)));
            if (fills.containsKey(v)) {
                a.put("style", DefaultAttribute.createAttribute("filled"));
                a.put("fillcolor", DefaultAttribute.createAttribute(fills.get(v)));
            }
            a.put("shape", DefaultAttribute.createAttribute(switch (s.kind()) {
                case SERVICE -> "box3d";
                case MEETING -> "house";
                case FORK, JOIN -> "diamond";
                case EXIT -> "doubleoctagon";
                case DELAY -> "box";
            }));
            return a;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            String label = edgeLabel(e);
            if (!label.isEmpty()) a.put("label", DefaultAttribute.createAttribute(label));
            if (e.branch()) a.put("style", DefaultAttribute.createAttribute("bold"));
            return a;
        });
        StringWriter w = new StringWriter();
        exporter.exportGraph(g, w);
        return w.toString();
    }

    /** Mermaid flowchart, left to right. */
    public static String mermaid(SystemGraph sg) {
        return mermaid(sg, Map.of(), Map.of());
    }

    /**
     * Mermaid flowchart with figures under each stage's name and box colours (see {@link #dot(SystemGraph, Map, Map)}).
     */
    public static String mermaid(SystemGraph sg, Map<String, String> notes, Map<String, String> fills) {
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        for (String v : sg.graph().vertexSet()) {
            String id = id(v);
            if (v.startsWith(SystemGraph.SOURCE)) {
                sb.append("  ").append(id).append(">\"").append(v.substring(SystemGraph.SOURCE.length())).append("\"]\n");
                continue;
            }
            StageSpec s = sg.scenario().stages().get(v);
            String note = notes.getOrDefault(v, "");
            String text = "\"" + v + "<br/><i>" + s.kind() + "</i>" + (note.isEmpty() ? "" : "<br/>" + note) + "\"";
            sb.append("  ").append(id).append(switch (s.kind()) {
                case SERVICE -> "[[" + text + "]]";
                case MEETING -> "{{" + text + "}}";
                case FORK, JOIN -> "{" + text + "}";
                case EXIT -> "([" + text + "])";
                case DELAY -> "[" + text + "]";
            }).append('\n');
        }
        for (String v : sg.scenario().removed()) {
            sb.append("  ").append(id(v)).append("[\"<s>").append(v).append("</s> (removed)\"]\n");
            sb.append("  style ").append(id(v)).append(" stroke-dasharray: 5 5,color:#777\n");
        }
        for (Map.Entry<String, String> f : fills.entrySet()) {
            if (sg.graph().containsVertex(f.getKey())) sb.append("  style ").append(id(f.getKey())).append(" fill:")
                    .append(f.getValue()).append('\n');
        }
        for (SystemGraph.Edge e : sg.graph().edgeSet()) {
            String label = edgeLabel(e);
            sb.append("  ").append(id(e.from())).append(e.branch() ? " ==> " : " --> ");
            if (!label.isEmpty()) sb.append("|\"").append(label.replace("\"", "'")).append("\"| ");
            sb.append(id(e.to())).append('\n');
        }
        return sb.toString();
    }

    private static String edgeLabel(SystemGraph.Edge e) {
        Route r = e.route();
        if (r == null) return "";
        StringBuilder sb = new StringBuilder();
        if (r.label() != null) sb.append(r.label());
        if (r.p() < 1) sb.append(sb.length() > 0 ? " " : "").append(String.format(Locale.ROOT, "%.0f%%", r.p() * 100));
        if (r.when() != null) sb.append(sb.length() > 0 ? ", " : "").append("if ").append(r.when().text());
        if (r.after() != null) sb.append(sb.length() > 0 ? ", " : "").append("after ").append(r.after().describe());
        return sb.toString();
    }

    /** A DOT/Mermaid-safe identifier (stage names are words; sources carry a colon). */
    private static String id(String v) {
        return v.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
