package org.pacesim.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A legend drawn by the figure rather than by XChart, so that it can sit beside the panels it serves (and its
 * text stays text in the SVG).
 */
final class Legend {
    /** What an entry's sample looks like. */
    enum Kind { LINE, BOX, MARKER }

    /**
     * One entry.
     *
     * @param label  the text
     * @param kind   line, filled box or marker
     * @param color  colour
     * @param stroke line (for LINE), or null
     * @param marker marker shape (for MARKER), or null
     */
    record Entry(String label, Kind kind, Color color, BasicStroke stroke, Markers.Shape marker) {}

    private final String heading;
    private final List<Entry> entries = new ArrayList<>();

    Legend(String heading) {
        this.heading = heading;
    }

    Legend line(String label, Palette.Line line) {
        entries.add(new Entry(label, Kind.LINE, line.color(), line.stroke(), null));
        return this;
    }

    Legend box(String label, Color color) {
        entries.add(new Entry(label, Kind.BOX, color, null, null));
        return this;
    }

    Legend marker(String label, Markers.Shape shape) {
        return marker(label, shape, Palette.BLACK);
    }

    Legend marker(String label, Markers.Shape shape, Color color) {
        entries.add(new Entry(label, Kind.MARKER, color, null, shape));
        return this;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Paints as a column from the top of the area; returns the height used. */
    int paintColumn(Graphics2D g, int x, int y, int width) {
        g.setFont(Palette.font(Palette.SMALL, false));
        FontMetrics fm = g.getFontMetrics();
        int row = Math.max(fm.getHeight() + 6, 28);
        int top = y;
        if (heading != null && !heading.isEmpty()) {
            g.setFont(Palette.font(Palette.SMALL, true));
            g.setColor(Palette.MUTED);
            g.drawString(heading, x, y + fm.getAscent());
            y += row;
            g.setFont(Palette.font(Palette.SMALL, false));
        }
        for (Entry e : entries) {
            paintSample(g, e, x, y + row / 2 - 3, 40);
            g.setColor(Palette.TEXT);
            for (String line : Text.wrap(e.label(), fm, width - 52)) {
                g.drawString(line, x + 52, y + fm.getAscent());
                y += fm.getHeight();
            }
            y += row - fm.getHeight();
        }
        return y - top;
    }

    /** Paints as rows of entries across the area; returns the height used. */
    int paintRow(Graphics2D g, int x, int y, int width) {
        g.setFont(Palette.font(Palette.SMALL, false));
        FontMetrics fm = g.getFontMetrics();
        int row = fm.getHeight() + 8;
        int cx = x;
        int cy = y;
        if (heading != null && !heading.isEmpty()) {
            g.setFont(Palette.font(Palette.SMALL, true));
            g.setColor(Palette.MUTED);
            g.drawString(heading, cx, cy + fm.getAscent());
            cx += g.getFontMetrics().stringWidth(heading) + 18;
            g.setFont(Palette.font(Palette.SMALL, false));
        }
        for (Entry e : entries) {
            int w = 52 + fm.stringWidth(e.label()) + 26;
            if (cx + w > x + width && cx > x) {
                cx = x;
                cy += row;
            }
            paintSample(g, e, cx, cy + row / 2 - 3, 40);
            g.setColor(Palette.TEXT);
            g.drawString(e.label(), cx + 52, cy + fm.getAscent());
            cx += w;
        }
        return cy + row - y;
    }

    private static void paintSample(Graphics2D g, Entry e, int x, int yMid, int w) {
        switch (e.kind()) {
            case LINE -> {
                g.setColor(e.color());
                g.setStroke(e.stroke());
                g.draw(new Line2D.Double(x, yMid, x + w, yMid));
                g.setStroke(new BasicStroke(1f));
            }
            case BOX -> {
                g.setColor(e.color());
                g.fill(new Rectangle2D.Double(x + 4, yMid - 9, w - 8, 18));
                g.setColor(Palette.tint(Palette.MUTED, 0.4));
                g.draw(new Rectangle2D.Double(x + 4, yMid - 9, w - 8, 18));
            }
            default -> Markers.paint(g, e.marker(), x + w / 2.0, yMid, 14, e.color());
        }
    }
}
