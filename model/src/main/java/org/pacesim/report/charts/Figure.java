package org.pacesim.report.charts;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;

/**
 * One chart as it is saved and shown: a title that states the finding, a subtitle naming the scenarios and the
 * replications, one or more panels, a legend and a note on how to read it. The same drawing code makes the PNG
 * (1600 x 900) and the SVG, so the two never differ.
 */
public final class Figure {
    /** Width of every figure in pixels. */
    public static final int WIDTH = 1600;
    /** Height of every figure in pixels. */
    public static final int HEIGHT = 900;
    private static final int MARGIN = 28;
    /** Room left at the end of wrapped lines: a browser's fonts can set text a little wider than Java's. */
    private static final int SLACK = 48;
    /** Width of the area for panels when there is no legend column. */
    static final int BODY_WIDTH = WIDTH - MARGIN - MARGIN / 2;

    private final String name;
    private final String title;
    private final String subtitle;
    private final List<Placed> panels = new ArrayList<>();
    private Legend legend;
    private boolean legendBelow;
    private int legendWidth = 330;
    private String note = "";
    private String caption = "";
    private final List<String> extraSeries = new ArrayList<>();

    /** A panel and where it goes, as fractions of the area left for panels. */
    private record Placed(Panel panel, double x, double y, double w, double h) {}

    /**
     * A figure.
     *
     * @param name     file name without extension, e.g. {@code cumulative}
     * @param title    the finding, in a sentence
     * @param subtitle the scenarios and replications it is drawn from
     */
    Figure(String name, String title, String subtitle) {
        this.name = name;
        this.title = title;
        this.subtitle = subtitle;
    }

    Figure panel(Panel p) {
        return panel(p, 0, 0, 1, 1);
    }

    Figure panel(Panel p, double x, double y, double w, double h) {
        panels.add(new Placed(p, x, y, w, h));
        return this;
    }

    /** A legend in a column at the right. */
    Figure legend(Legend l, int width) {
        this.legend = l;
        this.legendWidth = width;
        this.legendBelow = false;
        return this;
    }

    /** A legend in rows under the title. */
    Figure legendOnTop(Legend l) {
        this.legend = l;
        this.legendBelow = true;
        return this;
    }

    /** A line at the foot on how to read the figure. */
    Figure note(String text) {
        this.note = text;
        return this;
    }

    /** A longer explanation for the report (not drawn). */
    Figure caption(String text) {
        this.caption = text;
        return this;
    }

    /** Names a series drawn outside the panels (for the description). */
    Figure series(String s) {
        extraSeries.add(s);
        return this;
    }

    /** File name without extension. */
    public String name() {
        return name;
    }

    /** The title: the finding. */
    public String title() {
        return title;
    }

    /** The subtitle. */
    public String subtitle() {
        return subtitle;
    }

    /** The line at the foot on how to read the figure. */
    String note() {
        return note;
    }

    /** How to read the figure, for the report. */
    public String caption() {
        return caption.isEmpty() ? note : caption;
    }

    /** Every series drawn, panel by panel. */
    public List<String> series() {
        List<String> all = new ArrayList<>();
        for (Placed p : panels) for (String s : p.panel().series()) if (!all.contains(s)) all.add(s);
        for (String s : extraSeries) if (!all.contains(s)) all.add(s);
        return all;
    }

    /** The legend's entries (empty without a legend). */
    List<Legend.Entry> legendEntries() {
        return legend == null ? List.of() : legend.entries();
    }

    /** The panels, without the legend, title and notes around them. */
    List<Panel> panels() {
        return panels.stream().map(Placed::panel).toList();
    }

    /** Draws the figure. */
    void paint(Graphics2D g) {
        paint(g, null);
    }

    /**
     * Draws the figure; for an SVG, panels with an SVG drawing of their own are left blank and their places
     * collected in {@code embedded} as {x, y, width, height, panel index}.
     */
    private void paint(Graphics2D g, List<int[]> embedded) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int y = paintHeader(g);
        int bottom = HEIGHT - paintNote(g) - 6;
        int right = WIDTH - MARGIN;
        if (legend != null && !legend.isEmpty()) {
            if (legendBelow) {
                y += legend.paintRow(g, MARGIN, y, WIDTH - 2 * MARGIN) + 4;
            } else {
                legend.paintColumn(g, WIDTH - MARGIN - legendWidth + 16, y + 10, legendWidth - 16);
                right -= legendWidth;
            }
        }
        int bodyW = right - MARGIN / 2;
        int bodyH = bottom - y;
        for (int i = 0; i < panels.size(); i++) {
            Placed p = panels.get(i);
            int px = MARGIN / 2 + (int) Math.round(p.x() * bodyW);
            int py = y + (int) Math.round(p.y() * bodyH);
            int pw = (int) Math.round(p.w() * bodyW);
            int ph = (int) Math.round(p.h() * bodyH);
            if (embedded != null && p.panel().svg() != null) {
                int[] box = p.panel().svgBox(pw, ph);
                embedded.add(new int[] {px + box[0], py + box[1], box[2], box[3], i});
                continue;
            }
            // state saved and restored by hand, not by create()/dispose() (see Plot#paint)
            java.awt.geom.AffineTransform transform = g.getTransform();
            java.awt.Shape clip = g.getClip();
            g.translate(px, py);
            g.clipRect(0, 0, pw, ph);
            p.panel().paint(g, pw, ph);
            g.setTransform(transform);
            g.setClip(clip);
        }
    }

    private int paintHeader(Graphics2D g) {
        int size = Palette.TITLE;
        List<String> lines;
        FontMetrics fm;
        while (true) {
            g.setFont(Palette.font(size, true));
            fm = g.getFontMetrics();
            lines = Text.wrap(title, fm, WIDTH - 2 * MARGIN - SLACK);
            if (lines.size() <= 2 || size <= 24) break;
            size -= 2;
        }
        int y = MARGIN;
        g.setColor(Palette.TEXT);
        for (String line : lines) {
            g.drawString(line, MARGIN, y + fm.getAscent());
            y += fm.getHeight();
        }
        g.setFont(Palette.font(Palette.SUBTITLE, false));
        fm = g.getFontMetrics();
        g.setColor(Palette.MUTED);
        for (String line : Text.wrap(subtitle, fm, WIDTH - 2 * MARGIN - SLACK)) {
            g.drawString(line, MARGIN, y + fm.getAscent() + 4);
            y += fm.getHeight();
        }
        return y + 14;
    }

    private int paintNote(Graphics2D g) {
        if (note.isEmpty()) return MARGIN / 2;
        g.setFont(Palette.font(Palette.SMALL, false));
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = Text.wrap(note, fm, WIDTH - 2 * MARGIN - SLACK);
        int h = lines.size() * fm.getHeight() + MARGIN / 2;
        int y = HEIGHT - h;
        g.setColor(Palette.MUTED);
        for (String line : lines) {
            g.drawString(line, MARGIN, y + fm.getAscent());
            y += fm.getHeight();
        }
        return h;
    }

    /** The figure as a PNG file's bytes. */
    public byte[] png() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        paint(g);
        g.dispose();
        return Png.encode(image);
    }

    /** The figure as a standalone SVG document (text kept as text where the drawing code wrote text). */
    public String svg() {
        VectorGraphics2D g = new VectorGraphics2D();
        List<int[]> embedded = new ArrayList<>();
        paint(g, embedded);
        String prefix = name.replaceAll("[^A-Za-z0-9_-]", "-") + "-";
        String svg = SvgWriter.write(g, WIDTH, HEIGHT, prefix);
        for (int[] e : embedded) {
            svg = Svg.embed(svg, panels.get(e[4]).panel().svg(), e[0], e[1], e[2], e[3], prefix + "g" + e[4] + "-");
        }
        return Svg.finish(svg, prefix, title, subtitle, series());
    }
}
