package org.pacesim.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart drawn straight as SVG, for pages with many of them (one per fitted stage): step lines,
 * shaded bands and smooth curves against time in weeks, a probability from 0 to 1 up the side, and a legend
 * below. Colours are the project's colour-blind-safe palette.
 */
public final class SmallChart {
    private static final int W = 520;
    private static final int H = 300;
    private static final int LEFT = 46;
    private static final int RIGHT = 12;
    private static final int TOP = 26;
    private static final int BOTTOM = 72;

    private final String title;
    private final String yLabel;
    private final double xMax;          // days
    private final List<String> layers = new ArrayList<>();
    private final List<String[]> legend = new ArrayList<>(); // {colour, dash, text}

    /**
     * An empty chart.
     *
     * @param title  the title above the plot
     * @param yLabel what the vertical axis shows
     * @param xMax   the right end of the time axis, in days
     */
    public SmallChart(String title, String yLabel, double xMax) {
        this.title = title;
        this.yLabel = yLabel;
        this.xMax = xMax > 0 ? xMax : 7;
    }

    /** A step line through (x, y) points (x in days), held flat after each point up to the next; it ends at the last. */
    public SmallChart steps(double[] x, double[] y, Color colour, String label) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > xMax) break;
            d.append(i == 0 ? "M" : "H").append(fmt(px(x[i])));
            if (i == 0) d.append(',').append(fmt(py(y[i])));
            else d.append("V").append(fmt(py(y[i])));
        }
        layers.add("<path d=\"" + d + "\" fill=\"none\" stroke=\"" + hex(colour) + "\" stroke-width=\"2\"/>");
        legend.add(new String[] {hex(colour), "", label});
        return this;
    }

    /** A shaded band between lower and upper step lines at the given x (days). */
    public SmallChart band(double[] x, double[] lower, double[] upper, Color colour, String label) {
        if (x.length == 0) return this;
        StringBuilder d = new StringBuilder("M").append(fmt(px(x[0]))).append(',').append(fmt(py(upper[0])));
        int last = 0;
        for (int i = 1; i < x.length && x[i] <= xMax; i++) {
            d.append("H").append(fmt(px(x[i]))).append("V").append(fmt(py(upper[i])));
            last = i;
        }
        d.append("V").append(fmt(py(lower[last])));
        for (int i = last; i >= 0; i--) {
            d.append("H").append(fmt(px(x[i])));
            if (i > 0) d.append("V").append(fmt(py(lower[i - 1])));
        }
        d.append("Z");
        layers.add(0, "<path d=\"" + d + "\" fill=\"" + hex(colour) + "\" fill-opacity=\"0.22\" stroke=\"none\"/>");
        legend.add(new String[] {hex(colour), "band", label});
        return this;
    }

    /** A smooth curve y(x) sampled at the given x (days), solid or dashed (an SVG dash pattern such as "6 4"). */
    public SmallChart curve(double[] x, double[] y, Color colour, String dash, String label) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(y[i])) continue;
            d.append(d.length() == 0 ? "M" : "L").append(fmt(px(x[i]))).append(',').append(fmt(py(y[i])));
        }
        layers.add("<path d=\"" + d + "\" fill=\"none\" stroke=\"" + hex(colour) + "\" stroke-width=\"2\""
                + (dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>");
        legend.add(new String[] {hex(colour), dash, label});
        return this;
    }

    /** The SVG element, sized to scale with the page, with a title and description for screen readers. */
    public String svg() {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">");
        s.append("<title>").append(Svg.escape(title)).append("</title>");
        s.append("<text x=\"").append(LEFT).append("\" y=\"16\" font-size=\"13\" font-weight=\"bold\">")
                .append(Svg.escape(title)).append("</text>");
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(plotH).append("\" fill=\"#fff\" stroke=\"#bbb\"/>");
        for (int k = 0; k <= 4; k++) {
            double y = k / 4.0;
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"")
                    .append(fmt(py(y))).append("\" y2=\"").append(fmt(py(y))).append("\" stroke=\"#eee\"/>");
            s.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(py(y) + 4))
                    .append("\" text-anchor=\"end\">").append(String.format(Locale.ROOT, "%.2f", y)).append("</text>");
        }
        double step = tick(xMax / 7);
        for (double w = 0; w <= xMax / 7 + 1e-9; w += step) {
            s.append("<text x=\"").append(fmt(px(w * 7))).append("\" y=\"").append(TOP + plotH + 14)
                    .append("\" text-anchor=\"middle\">").append(String.format(Locale.ROOT, "%.0f", w)).append("</text>");
        }
        s.append("<text x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(TOP + plotH + 28)
                .append("\" text-anchor=\"middle\">weeks</text>");
        s.append("<text transform=\"translate(11,").append(TOP + plotH / 2).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(Svg.escape(yLabel)).append("</text>");
        s.append("<svg x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(plotH).append("\" viewBox=\"").append(LEFT).append(' ').append(TOP)
                .append(' ').append(plotW).append(' ').append(plotH).append("\">");
        for (String l : layers) s.append(l);
        s.append("</svg>");
        int y = TOP + plotH + 46;
        int x = LEFT;
        for (String[] l : legend) {
            int width = 40 + 7 * l[2].length(); // 11px text runs about 6.5px a character
            if (x + width > W) {
                x = LEFT;
                y += 15;
            }
            if (l[1].equals("band")) {
                s.append("<rect x=\"").append(x).append("\" y=\"").append(y - 8).append("\" width=\"20\" height=\"10\""
                        + " fill=\"").append(l[0]).append("\" fill-opacity=\"0.22\"/>");
            } else {
                s.append("<line x1=\"").append(x).append("\" x2=\"").append(x + 20).append("\" y1=\"").append(y - 3)
                        .append("\" y2=\"").append(y - 3).append("\" stroke=\"").append(l[0])
                        .append("\" stroke-width=\"2\"").append(l[1].isEmpty() ? "" : " stroke-dasharray=\"" + l[1] + "\"")
                        .append("/>");
            }
            s.append("<text x=\"").append(x + 24).append("\" y=\"").append(y).append("\">").append(Svg.escape(l[2]))
                    .append("</text>");
            x += width;
        }
        return s.append("</svg>").toString();
    }

    private double px(double days) {
        return LEFT + (W - LEFT - RIGHT) * Math.min(days, xMax) / xMax;
    }

    private double py(double p) {
        return TOP + (H - TOP - BOTTOM) * (1 - Math.max(0, Math.min(1, p)));
    }

    /** A round step for about five to eight ticks. */
    private static double tick(double range) {
        double raw = range / 6;
        double pow = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) if (m * pow >= raw) return m * pow;
        return 10 * pow;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
