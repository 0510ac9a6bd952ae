package org.pacesim.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A panel holding one XChart {@link XYChart}, styled alike everywhere, with two things XChart lacks: labelled
 * rows (for charts with one row per scenario, child or lever, whose labels are drawn as text beside the plot) and
 * drawings over the plot in data coordinates (labels on bars, milestone markers).
 */
final class Plot implements Panel {
    private final XYChart chart;
    private final List<String> series = new ArrayList<>();
    private final List<BiConsumer<Graphics2D, XYChart>> overlays = new ArrayList<>();
    private List<String> rows = List.of();
    private Set<Integer> boldRows = Set.of();
    private int labelWidth;
    private int hidden;
    private List<String> heading = List.of();

    Plot(String xTitle, String yTitle) {
        chart = new XYChart(Figure.WIDTH, Figure.HEIGHT);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleVisible(false);
        s.setLegendVisible(false);
        s.setPlotGridLinesColor(Palette.GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setPlotGridVerticalLinesVisible(false);
        s.setAxisTickLabelsFont(Palette.font(Palette.LABEL, false));
        s.setAxisTickLabelsColor(Palette.TEXT);
        s.setAxisTitleFont(Palette.font(Palette.LABEL, false));
        s.setChartFontColor(Palette.MUTED);
        s.setAxisTickMarksColor(Palette.MUTED);
        s.setAxisTitlePadding(10);
        s.setChartPadding(8);
        s.setPlotContentSize(1.0);
        s.setMarkerSize(0);
        s.setAntiAlias(true);
        s.setXAxisTitleVisible(!xTitle.isEmpty());
        s.setYAxisTitleVisible(!yTitle.isEmpty());
    }

    XYChart chart() {
        return chart;
    }

    XYStyler styler() {
        return chart.getStyler();
    }

    /** Axis ranges (plot content fills them exactly). */
    Plot range(double xMin, double xMax, double yMin, double yMax) {
        styler().setXAxisMin(xMin);
        styler().setXAxisMax(xMax);
        styler().setYAxisMin(yMin);
        styler().setYAxisMax(yMax);
        return this;
    }

    /** A line (the points thinned first, see {@link Thin}). */
    XYSeries line(String name, double[] x, double[] y, Palette.Line style) {
        Thin.Points p = Thin.of(x, y);
        XYSeries s = chart.addSeries(name, p.x(), p.y());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(style.color());
        s.setLineStyle(style.stroke());
        series.add(name);
        return s;
    }

    /** Points without a line (observed values over a band), as filled circles {@code size} pixels across. */
    XYSeries points(String name, double[] x, double[] y, Color color, int size) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        styler().setMarkerSize(size);
        series.add(name);
        return s;
    }

    /** The area between two curves on the same x (a band), filled. */
    XYSeries band(String name, double[] x, double[] low, double[] high, Color fill) {
        Thin.Points lo = Thin.of(x, low);
        Thin.Points hi = Thin.of(x, high);
        int n = lo.x().length + hi.x().length;
        double[] px = new double[n + 1];
        double[] py = new double[n + 1];
        int k = 0;
        for (int i = 0; i < lo.x().length; i++, k++) {
            px[k] = lo.x()[i];
            py[k] = lo.y()[i];
        }
        for (int i = hi.x().length - 1; i >= 0; i--, k++) {
            px[k] = hi.x()[i];
            py[k] = hi.y()[i];
        }
        px[n] = px[0];
        py[n] = py[0];
        return polygon(name, px, py, fill, null);
    }

    /** A filled rectangle in data coordinates (a bar, a box, a segment). */
    XYSeries rect(String name, double x0, double x1, double y0, double y1, Color fill, Color outline) {
        return polygon(name, new double[] {x0, x1, x1, x0, x0}, new double[] {y0, y0, y1, y1, y0}, fill, outline);
    }

    /** A filled polygon; its name goes into the series list only once, however many pieces a series has. */
    XYSeries polygon(String name, double[] x, double[] y, Color fill, Color outline) {
        String key = name;
        if (chart.getSeriesMap().containsKey(key)) key = name + "\u0000" + (++hidden); // XChart needs unique names
        XYSeries s = chart.addSeries(key, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(fill);
        s.setLineColor(outline == null ? fill : outline);
        s.setLineStyle(new BasicStroke(outline == null ? 0.01f : 1.2f));
        if (!series.contains(name)) series.add(name);
        return s;
    }

    /** A straight segment in data coordinates (whiskers, medians, reference lines). */
    XYSeries segment(String name, double x0, double y0, double x1, double y1, Color color, float width) {
        String key = chart.getSeriesMap().containsKey(name) ? name + "\u0000" + (++hidden) : name;
        XYSeries s = chart.addSeries(key, new double[] {x0, x1}, new double[] {y0, y1});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        if (!series.contains(name)) series.add(name);
        return s;
    }

    /**
     * Rows 0..n-1 from the top, labelled with {@code labels} in a column {@code width} pixels wide to the left of the
     * plot; the y axis then runs from -0.5 (top) to n-0.5 with its own tick labels hidden.
     */
    Plot rows(List<String> labels, int width, Set<Integer> bold) {
        this.rows = labels;
        this.labelWidth = width;
        this.boldRows = new HashSet<>(bold);
        // XChart's y axis grows upwards: row i sits at y = n-1-i, so row 0 is at the top
        styler().setYAxisMin(-0.5);
        styler().setYAxisMax(labels.size() - 0.5);
        styler().setYAxisTicksVisible(false);
        styler().setPlotGridHorizontalLinesVisible(false);
        styler().setPlotGridVerticalLinesVisible(true);
        return this;
    }

    /** The y coordinate of row {@code i} (0 at the top). */
    double row(int i) {
        return rows.size() - 1 - i;
    }

    /** A heading over the plot: the first line bold, the rest plain. */
    Plot heading(String... lines) {
        this.heading = List.of(lines);
        return this;
    }

    /** Draws over the plot after XChart has painted it, in the chart's pixel space. */
    Plot overlay(BiConsumer<Graphics2D, XYChart> o) {
        overlays.add(o);
        return this;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        int top = 0;
        for (int k = 0; k < heading.size(); k++) {
            int room = width - labelWidth - 16;
            int size = k == 0 ? Palette.LABEL : Palette.SMALL;
            g.setFont(Palette.font(size, k == 0));
            // a heading too long for a narrow panel is set smaller before it is cut short
            while (g.getFontMetrics().stringWidth(heading.get(k)) > room && size > Palette.SMALL - 3) {
                g.setFont(Palette.font(--size, k == 0));
            }
            g.setColor(k == 0 ? Palette.TEXT : Palette.MUTED);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(fit(heading.get(k), fm, room), labelWidth + 12, top + fm.getAscent());
            top += fm.getHeight();
        }
        if (top > 0) top += 4;
        // Save and restore the state by hand rather than through create()/dispose(): VectorGraphics2D's SVG output
        // lets a disposed copy's translation leak into later drawing.
        java.awt.geom.AffineTransform transform = g.getTransform();
        java.awt.Shape clip = g.getClip();
        g.translate(labelWidth, top);
        chart.paint(g, width - labelWidth, height - top);
        for (BiConsumer<Graphics2D, XYChart> o : overlays) o.accept(g, chart);
        g.setTransform(transform);
        g.setClip(clip);
        if (rows.isEmpty()) return;
        for (int i = 0; i < rows.size(); i++) {
            double y = top + chart.getScreenYFromChart(row(i));
            g.setFont(Palette.font(Palette.SMALL + 1, boldRows.contains(i)));
            FontMetrics fm = g.getFontMetrics();
            List<String> lines = Text.wrap(rows.get(i), fm, labelWidth - 14);
            double ly = y - lines.size() * fm.getHeight() / 2.0;
            g.setColor(Palette.TEXT);
            for (String line : lines) {
                g.drawString(line, (float) (labelWidth - 10 - fm.stringWidth(line)), (float) (ly + fm.getAscent()));
                ly += fm.getHeight();
            }
        }
    }

    /** The text, cut with an ellipsis if wider than {@code width}. */
    private static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) return text;
        String t = text;
        while (t.length() > 1 && fm.stringWidth(t + "\u2026") > width) t = t.substring(0, t.length() - 1);
        return t.stripTrailing() + "\u2026";
    }

    @Override
    public List<String> series() {
        return series;
    }
}
