package org.pacesim.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * Colours, lines and type shared by every chart. Colours are the Okabe-Ito palette, which people with the common
 * forms of colour blindness can tell apart; where a chart needs more series than it has colours, lines are also
 * dashed, so no distinction rests on colour alone. Type is large enough to read on a projector at the back of a
 * workshop room.
 */
public final class Palette {
    private Palette() {}

    /** Okabe-Ito black: the baseline. */
    public static final Color BLACK = new Color(0x000000);
    /** Okabe-Ito orange. */
    public static final Color ORANGE = new Color(0xE69F00);
    /** Okabe-Ito sky blue. */
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    /** Okabe-Ito bluish green. */
    public static final Color GREEN = new Color(0x009E73);
    /** Okabe-Ito yellow. */
    public static final Color YELLOW = new Color(0xF0E442);
    /** Okabe-Ito blue. */
    public static final Color BLUE = new Color(0x0072B2);
    /** Okabe-Ito vermillion. */
    public static final Color VERMILLION = new Color(0xD55E00);
    /** Okabe-Ito reddish purple. */
    public static final Color PURPLE = new Color(0xCC79A7);

    /** The colours for series after the baseline, most distinct first (yellow, faint on white, last). */
    static final Color[] CYCLE = {BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY_BLUE, YELLOW};

    /** Body text. */
    static final Color TEXT = new Color(0x222222);
    /** Secondary text: subtitles, notes, axis titles. */
    static final Color MUTED = new Color(0x555555);
    /** Grid lines and frames. */
    static final Color GRID = new Color(0xDDDDDD);
    /** Stages that get no colour of their own. */
    static final Color[] GREYS = {new Color(0xBBBBBB), new Color(0x8C8C8C)};

    /** Type sizes (pixels at 1600 x 900). */
    static final int TITLE = 32;
    static final int SUBTITLE = 21;
    static final int LABEL = 20;
    static final int SMALL = 17;

    static Font font(int size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
    }

    /** The colour mixed towards white by {@code amount} (0: unchanged, 1: white). */
    static Color tint(Color c, double amount) {
        return new Color(mix(c.getRed(), amount), mix(c.getGreen(), amount), mix(c.getBlue(), amount));
    }

    private static int mix(int v, double amount) {
        return (int) Math.round(v + (255 - v) * amount);
    }

    /** The colour with an opacity (0..255). */
    static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /**
     * How one scenario is drawn wherever scenarios are told apart by line: the baseline black and thicker, the
     * others through the colours, solid and then dashed.
     *
     * @param color  line colour
     * @param stroke line
     */
    record Line(Color color, BasicStroke stroke) {}

    /** The line of a scenario drawn without a colour of its own, among many: thin and grey, under the others. */
    static final Line OTHER = new Line(GREYS[0], new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));

    /** The line of scenario {@code i} (0 is the baseline). */
    static Line scenario(int i) {
        if (i == 0) return new Line(BLACK, new BasicStroke(4.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        int k = i - 1;
        Color c = CYCLE[k % CYCLE.length];
        boolean dashed = (k / CYCLE.length) % 2 == 1;
        return new Line(c, dashed
                ? new BasicStroke(3.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {12f, 7f}, 0f)
                : new BasicStroke(3.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
    }
}
