package org.pacesim.report.charts;

import java.awt.Graphics2D;
import java.util.List;

/** One drawing area of a {@link Figure}: an XChart plot, or a drawing of its own (the process map). */
interface Panel {
    /** Paints into (0, 0, width, height) of {@code g}. */
    void paint(Graphics2D g, int width, int height);

    /** The names of the data series drawn, for the figure's description and for tests. */
    List<String> series();

    /**
     * An SVG drawing to place in the panel's area of the SVG instead of what {@link #paint} draws, for a drawing
     * made by another program (Graphviz); null for none.
     */
    default String svg() {
        return null;
    }

    /** Where in a panel of this size the {@link #svg()} drawing goes: {x, y, width, height}. */
    default int[] svgBox(int width, int height) {
        return new int[] {0, 0, width, height};
    }
}
