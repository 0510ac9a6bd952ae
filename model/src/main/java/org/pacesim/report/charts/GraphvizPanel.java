package org.pacesim.report.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

/** A panel showing a Graphviz drawing: its own SVG in the SVG figure, its PNG rendering, scaled, in the PNG. */
final class GraphvizPanel implements Panel {
    private final Graphviz.Drawing drawing;
    private final byte[] png;
    private final List<String> series;

    GraphvizPanel(Graphviz.Drawing drawing, byte[] png, List<String> series) {
        this.drawing = drawing;
        this.png = png;
        this.series = series;
    }

    /** How far a small drawing may be enlarged: beyond this its text would be larger than the figure's titles. */
    private static final double MAX_ZOOM = 1.25;

    /** The scale at which the drawing fits a panel of this size (1: its natural size in points as pixels). */
    static double scale(Graphviz.Drawing d, int width, int height) {
        return Math.min(width / d.width(), height / d.height());
    }

    @Override
    public int[] svgBox(int width, int height) {
        double s = Math.min(scale(drawing, width, height), MAX_ZOOM);
        int w = (int) Math.round(drawing.width() * s);
        int h = (int) Math.round(drawing.height() * s);
        return new int[] {(width - w) / 2, (height - h) / 2, w, h};
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int[] box = svgBox(width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, box[0], box[1], box[2], box[3], null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public String svg() {
        return drawing.svg();
    }

    @Override
    public List<String> series() {
        return series;
    }
}
