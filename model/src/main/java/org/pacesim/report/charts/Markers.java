package org.pacesim.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** Marker shapes for milestones, told apart by shape as well as colour. */
final class Markers {
    private Markers() {}

    /** The shapes, in the order they are handed out. */
    enum Shape { DIAMOND, CIRCLE, TRIANGLE, SQUARE, CROSS, TRIANGLE_DOWN, BAR }

    static void paint(Graphics2D g, Shape shape, double x, double y, double size, Color color) {
        double r = size / 2;
        g.setColor(color);
        switch (shape) {
            case CIRCLE -> g.fill(new Ellipse2D.Double(x - r, y - r, size, size));
            case SQUARE -> g.fill(new Rectangle2D.Double(x - r * 0.85, y - r * 0.85, size * 0.85, size * 0.85));
            case TRIANGLE, TRIANGLE_DOWN -> {
                double s = shape == Shape.TRIANGLE ? 1 : -1;
                Path2D p = new Path2D.Double();
                p.moveTo(x, y - s * r);
                p.lineTo(x + r, y + s * r);
                p.lineTo(x - r, y + s * r);
                p.closePath();
                g.fill(p);
            }
            case CROSS -> {
                g.setStroke(new BasicStroke(3f));
                g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
                g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
                g.setStroke(new BasicStroke(1f));
            }
            case BAR -> g.fill(new Rectangle2D.Double(x - 2, y - r, 4, size));
            default -> {
                Path2D p = new Path2D.Double();
                p.moveTo(x, y - r);
                p.lineTo(x + r, y);
                p.lineTo(x, y + r);
                p.lineTo(x - r, y);
                p.closePath();
                g.fill(p);
            }
        }
        // a white rim keeps a marker visible on top of a coloured segment
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1.2f));
        if (shape == Shape.CIRCLE) g.draw(new Ellipse2D.Double(x - r, y - r, size, size));
        g.setStroke(new BasicStroke(1f));
    }
}
