package org.pacesim.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.StageSpec;

/**
 * Chart 8, the process map, drawn without Graphviz: the system graph laid out left to right ({@link MapLayout}),
 * wrapped into as many bands as make the boxes largest (like lines of text), each stage a box with its mean time
 * and the share of the cohort passing through it. Stages an intervention removed are struck out where they were.
 * A route to a stage in another band is shown by the target's name at the source, and "from" the source at the
 * target, rather than by a line across the whole map.
 */
final class ProcessMap implements Panel {
    private static final double MIN_LAYER = 150;
    private static final double NODE_HEIGHT = 54;
    private static final double LABEL_ROOM = 18;     // under each box, for its routes to other rows

    /**
     * What a box shows.
     *
     * @param label   the stage name as words
     * @param note    the figures, e.g. "12 wk · 41%"
     * @param kind    what the box stands for, which sets its shape
     * @param fill    box colour
     * @param permanence whether an exit with outcome permanence
     */
    record Node(String label, String note, Kind kind, Color fill, boolean permanence) {}

    /** What a box stands for: a stage of some kind, a source of children, or a stage a change removed. */
    enum Kind {
        DELAY, SERVICE, MEETING, FORK, JOIN, EXIT, SOURCE, REMOVED;

        /** The box of a stage of kind {@code k}. */
        static Kind of(StageSpec.Kind k) {
            return valueOf(k.name());
        }
    }

    private final List<String> vertices;
    private final List<String[]> edges;
    private final Map<String, Node> nodes;
    private final MapLayout layout;

    ProcessMap(List<String> vertices, List<String[]> edges, Map<String, Node> nodes) {
        this.vertices = vertices;
        this.edges = edges;
        this.nodes = nodes;
        List<String> entries = vertices.stream().filter(v -> v.startsWith(SystemGraph.SOURCE)).toList();
        this.layout = new MapLayout(vertices, edges, entries);
    }

    /** Box geometry: centre x, centre y, width, height, band. */
    private record Box(double x, double y, double w, double h, int band) {}

    @Override
    public void paint(Graphics2D g, int width, int height) {
        int layers = layout.layers.size();
        int bands = bands(layers, width, height);
        int perBand = (layers + bands - 1) / bands;
        double layerW = (double) width / perBand;
        double bandH = (double) height / bands;
        Map<String, Box> boxes = new HashMap<>();
        for (int b = 0; b < bands; b++) {
            int rows = 1;
            for (int k = b * perBand; k < Math.min(layers, (b + 1) * perBand); k++) {
                rows = Math.max(rows, layout.layers.get(k).size());
            }
            double rowH = (bandH - 16) / rows;
            double h = Math.min(NODE_HEIGHT, rowH - LABEL_ROOM - 4);
            for (int k = b * perBand; k < Math.min(layers, (b + 1) * perBand); k++) {
                List<String> l = layout.layers.get(k);
                double top = b * bandH + 8 + (bandH - 16 - l.size() * rowH) / 2;
                for (int i = 0; i < l.size(); i++) {
                    boxes.put(l.get(i), new Box((k - b * perBand + 0.5) * layerW, top + (i + 0.5) * rowH - LABEL_ROOM / 2,
                            layerW - 34, h, b));
                }
            }
        }
        if (bands > 1) {
            g.setColor(Palette.GRID);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            for (int b = 1; b < bands; b++) g.draw(new Line2D.Double(0, b * bandH, width, b * bandH));
        }
        Map<String, List<String>> toElsewhere = new LinkedHashMap<>();
        Map<String, List<String>> fromElsewhere = new LinkedHashMap<>();
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (String[] e : edges) {
            if (!drawn.add(e[0] + "\u0000" + e[1])) continue; // routes to the same stage for different children
            Box a = boxes.get(e[0]);
            Box z = boxes.get(e[1]);
            boolean removed = isRemoved(e[0]) || isRemoved(e[1]);
            boolean back = layout.isBack(e[0], e[1]);
            if (a.band() != z.band()) {
                toElsewhere.computeIfAbsent(e[0], k -> new ArrayList<>()).add(nodes.get(e[1]).label());
                fromElsewhere.computeIfAbsent(e[1], k -> new ArrayList<>()).add(nodes.get(e[0]).label());
                // and a short arrow out of the box towards it
                g.setColor(Palette.MUTED);
                g.setStroke(new BasicStroke(1.4f));
                double x = a.x() + a.w() / 2;
                g.draw(new Line2D.Double(x, a.y(), x + 12, a.y()));
                arrow(g, x + 12, a.y(), 0);
                continue;
            }
            edge(g, a, z, back, removed, e[0].equals(e[1]));
        }
        for (String v : vertices) node(g, v, boxes.get(v));
        g.setFont(Palette.font(12, false));
        FontMetrics fm = g.getFontMetrics();
        for (String v : vertices) {
            List<String> to = toElsewhere.getOrDefault(v, List.of());
            List<String> from = fromElsewhere.getOrDefault(v, List.of());
            if (to.isEmpty() && from.isEmpty()) continue;
            Box b = boxes.get(v);
            if (!from.isEmpty()) {
                // a short arrow into the box marks the entry from another row
                g.setColor(Palette.MUTED);
                g.setStroke(new BasicStroke(1.4f));
                double x = b.x() - b.w() / 2;
                g.draw(new Line2D.Double(x - 14, b.y(), x - 2, b.y()));
                arrow(g, x - 2, b.y(), 0);
            }
            String text = (from.isEmpty() ? "" : "\u2190 " + String.join(", ", from))
                    + (from.isEmpty() || to.isEmpty() ? "" : "   ")
                    + (to.isEmpty() ? "" : "\u2192 " + String.join(", ", to));
            String fitted = fit(text, fm, layerW - 6);
            g.setColor(Palette.MUTED);
            g.drawString(fitted, (float) (b.x() - fm.stringWidth(fitted) / 2.0),
                    (float) (b.y() + b.h() / 2 + 3 + fm.getAscent()));
        }
    }

    /** The text, cut with an ellipsis if wider than {@code width}. */
    private static String fit(String text, FontMetrics fm, double width) {
        if (fm.stringWidth(text) <= width) return text;
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "\u2026") > width) t = t.substring(0, t.length() - 1);
        return t.stripTrailing() + "\u2026";
    }

    /** The number of bands that makes boxes largest. */
    private int bands(int layers, int width, int height) {
        int best = 1;
        double bestScore = -1;
        for (int b = 1; b <= 4; b++) {
            int perBand = (layers + b - 1) / b;
            int rows = 1;
            for (int k = 0; k < layers; k++) rows = Math.max(rows, layout.layers.get(k).size());
            double score = Math.min(width / (double) perBand / MIN_LAYER,
                    height / (double) b / rows / (NODE_HEIGHT + LABEL_ROOM + 8));
            if (score > bestScore + 1e-9) {
                bestScore = score;
                best = b;
            }
        }
        return best;
    }

    private boolean isRemoved(String v) {
        return nodes.get(v).kind() == Kind.REMOVED;
    }

    private static void edge(Graphics2D g, Box a, Box z, boolean back, boolean removed, boolean self) {
        Color c = removed ? Palette.tint(Palette.MUTED, 0.4) : Palette.tint(Palette.MUTED, back ? 0.2 : 0.05);
        g.setColor(c);
        float[] dash = back || removed ? new float[] {6f, 4f} : null;
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        if (self) {
            double x = a.x() + a.w() / 4;
            double y = a.y() - a.h() / 2;
            g.draw(new CubicCurve2D.Double(x - 10, y, x - 16, y - 22, x + 16, y - 22, x + 10, y));
            arrow(g, x + 10, y, Math.PI / 2);
            return;
        }
        if (back) {
            double x0 = a.x();
            double y0 = a.y() + a.h() / 2;
            double x1 = z.x();
            double y1 = z.y() + z.h() / 2;
            double dip = 26 + Math.abs(x1 - x0) * 0.08;
            g.draw(new CubicCurve2D.Double(x0, y0, x0, y0 + dip, x1, y1 + dip, x1, y1));
            arrow(g, x1, y1, -Math.PI / 2);
            return;
        }
        double x0 = a.x() + a.w() / 2;
        double y0 = a.y();
        double x1 = z.x() - z.w() / 2 - 2;
        double y1 = z.y();
        double bend = Math.max(20, (x1 - x0) * 0.45);
        g.draw(new CubicCurve2D.Double(x0, y0, x0 + bend, y0, x1 - bend, y1, x1, y1));
        arrow(g, x1, y1, 0);
    }

    /** An arrowhead at (x, y) pointing along {@code angle} (0: to the right; y grows downwards). */
    private static void arrow(Graphics2D g, double x, double y, double angle) {
        double s = 8;
        Path2D p = new Path2D.Double();
        p.moveTo(x, y);
        p.lineTo(x - s * Math.cos(angle - 0.4), y - s * Math.sin(angle - 0.4));
        p.lineTo(x - s * Math.cos(angle + 0.4), y - s * Math.sin(angle + 0.4));
        p.closePath();
        g.setStroke(new BasicStroke(1f));
        g.fill(p);
    }

    private void node(Graphics2D g, String v, Box b) {
        Node n = nodes.get(v);
        double x = b.x() - b.w() / 2;
        double y = b.y() - b.h() / 2;
        java.awt.Shape shape = switch (n.kind()) {
            case EXIT, SOURCE -> new RoundRectangle2D.Double(x, y, b.w(), b.h(), b.h(), b.h());
            case FORK, JOIN -> diamondish(x, y, b.w(), b.h());
            case DELAY, SERVICE, MEETING, REMOVED -> new RoundRectangle2D.Double(x, y, b.w(), b.h(), 10, 10);
        };
        boolean removed = n.kind() == Kind.REMOVED;
        g.setColor(removed ? Color.WHITE : n.fill());
        g.fill(shape);
        Color edge = removed ? Palette.GREYS[1] : n.permanence() ? Palette.GREEN : Palette.tint(Palette.TEXT, 0.25);
        float weight = n.kind() == Kind.SERVICE || n.permanence() ? 3.2f : 1.3f;
        g.setColor(edge);
        g.setStroke(removed ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(weight));
        g.draw(shape);
        if (n.kind() == Kind.MEETING) {
            g.setStroke(new BasicStroke(1.3f));
            g.draw(new RoundRectangle2D.Double(x + 4, y + 4, b.w() - 8, b.h() - 8, 8, 8));
        }
        g.setFont(Palette.font(14, true));
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = Text.wrap(n.label(), fm, (int) b.w() - 12);
        if (lines.size() > 2) lines = List.of(lines.get(0), Text.shorten(String.join(" ", lines.subList(1, lines.size())), 16));
        g.setFont(Palette.font(12, false));
        FontMetrics small = g.getFontMetrics();
        double total = lines.size() * fm.getHeight() + (n.note().isEmpty() ? 0 : small.getHeight());
        double ty = b.y() - total / 2;
        g.setFont(Palette.font(14, true));
        g.setColor(removed ? Palette.GREYS[1] : Palette.TEXT);
        for (String line : lines) {
            float tx = (float) (b.x() - fm.stringWidth(line) / 2.0);
            g.drawString(line, tx, (float) (ty + fm.getAscent()));
            if (removed) {
                double sy = ty + fm.getAscent() * 0.62;
                g.setStroke(new BasicStroke(2f));
                g.draw(new Line2D.Double(tx - 2, sy, tx + fm.stringWidth(line) + 2, sy));
            }
            ty += fm.getHeight();
        }
        if (!n.note().isEmpty()) {
            g.setFont(Palette.font(12, false));
            g.setColor(removed ? Palette.GREYS[1] : Palette.MUTED);
            g.drawString(n.note(), (float) (b.x() - small.stringWidth(n.note()) / 2.0), (float) (ty + small.getAscent()));
        }
    }

    /** A box with pointed ends, for forks and joins (a diamond would not hold the name). */
    private static java.awt.Shape diamondish(double x, double y, double w, double h) {
        Path2D p = new Path2D.Double();
        double tip = Math.min(18, w / 6);
        p.moveTo(x, y + h / 2);
        p.lineTo(x + tip, y);
        p.lineTo(x + w - tip, y);
        p.lineTo(x + w, y + h / 2);
        p.lineTo(x + w - tip, y + h);
        p.lineTo(x + tip, y + h);
        p.closePath();
        return p;
    }

    @Override
    public List<String> series() {
        return vertices.stream().map(v -> nodes.get(v).label()).toList();
    }
}
