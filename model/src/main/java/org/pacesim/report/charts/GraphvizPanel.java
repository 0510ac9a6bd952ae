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

    /** The scale at which the drawing fits a panel of this size (1: its natural size in points as pixels). */
    static double scale(Graphviz.Drawing d, int width, int height) {
        return Math.min(width / d.width(), height / d.height());
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            double s = Math.min((double) width / image.getWidth(), (double) height / image.getHeight());
            int w = (int) Math.round(image.getWidth() * s);
            int h = (int) Math.round(image.getHeight() * s);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, (width - w) / 2, (height - h) / 2, w, h, null);
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
