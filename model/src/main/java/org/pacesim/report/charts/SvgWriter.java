package org.pacesim.report.charts;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.commands.AffineTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawStringCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Group;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetClipCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetCompositeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetPaintCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetTransformCommand;

/**
 * Writes the drawing recorded by a {@link VectorGraphics2D} as compact SVG. VectorGraphics2D's own SVG output goes
 * through a DOM and an XML transformer, which is slow for a program run once, writes every segment of a line as an
 * element of its own, and lets the translation of a disposed copy of the graphics leak into later drawing. This
 * writer replays the recorded commands with their state (transform, clip, colour, stroke, font), writes every shape
 * in page coordinates to a tenth of a pixel, joins consecutive shapes of the same style into one path, and keeps
 * text drawn with {@code drawString} as text.
 */
final class SvgWriter {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private final StringBuilder defs = new StringBuilder();
    private final Map<String, String> clipIds = new LinkedHashMap<>();
    private final String prefix;
    private final Deque<State> stack = new ArrayDeque<>();
    private State state = new State();
    // the path being gathered: shapes of one style under one clip are joined into it
    private String pathStyle;
    private String pathClip;
    private final StringBuilder pathData = new StringBuilder();
    private String openClip;
    private Shape lastClip;
    private String lastClipId;

    /** The drawing state the commands change. */
    private static final class State implements Cloneable {
        AffineTransform transform = new AffineTransform();
        Shape clip;                 // in page coordinates, or null
        Color color = Color.BLACK;
        Stroke stroke = new BasicStroke(1f);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        float alpha = 1f;

        State copy() {
            State s = new State();
            s.transform = new AffineTransform(transform);
            s.clip = clip;
            s.color = color;
            s.stroke = stroke;
            s.font = font;
            s.alpha = alpha;
            return s;
        }
    }

    private SvgWriter(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The SVG document of a drawing.
     *
     * @param g      the graphics the figure was drawn on
     * @param width  page width in pixels
     * @param height page height in pixels
     * @param prefix for element ids, unique per figure (figures share a web page)
     */
    static String write(VectorGraphics2D g, int width, int height, String prefix) {
        SvgWriter w = new SvgWriter(prefix);
        for (Command<?> c : g.getCommands()) w.handle(c);
        w.flushPath();
        w.closeClip();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\">\n"
                + (w.defs.length() == 0 ? "" : "<defs>" + w.defs + "</defs>\n") + w.out + "</svg>\n";
    }

    private void handle(Command<?> c) {
        if (c instanceof Group group) {
            for (Command<?> inner : group.getValue()) handle(inner);
        } else if (c instanceof CreateCommand) {
            stack.push(state);
            state = state.copy();
        } else if (c instanceof DisposeCommand) {
            if (!stack.isEmpty()) state = stack.pop();
        } else if (c instanceof SetTransformCommand t) {
            state.transform = new AffineTransform(t.getValue());
        } else if (c instanceof AffineTransformCommand t) {
            state.transform.concatenate(t.getValue());
        } else if (c instanceof SetClipCommand clip) {
            // a clip is given in the coordinates of its moment; kept in page coordinates
            state.clip = clip.getValue() == null ? null : state.transform.createTransformedShape(clip.getValue());
        } else if (c instanceof SetColorCommand color) {
            state.color = color.getValue();
        } else if (c instanceof SetPaintCommand paint) {
            if (paint.getValue() instanceof Color color) state.color = color;
        } else if (c instanceof SetStrokeCommand stroke) {
            state.stroke = stroke.getValue();
        } else if (c instanceof SetFontCommand font) {
            state.font = font.getValue();
        } else if (c instanceof SetCompositeCommand composite) {
            state.alpha = composite.getValue() instanceof AlphaComposite a ? a.getAlpha() : 1f;
        } else if (c instanceof FillShapeCommand fill) {
            shape(fill.getValue(), true);
        } else if (c instanceof DrawShapeCommand draw) {
            shape(draw.getValue(), false);
        } else if (c instanceof DrawStringCommand text) {
            text(text.getValue(), text.getX(), text.getY());
        }
    }

    private void shape(Shape s, boolean filled) {
        PathIterator it = s.getPathIterator(state.transform);
        String style = filled ? fillStyle(it.getWindingRule()) : strokeStyle();
        if (style == null) return; // invisible
        String clip = clipId();
        if (!style.equals(pathStyle) || !java.util.Objects.equals(clip, pathClip) || !joinable(filled)) flushPath();
        pathStyle = style;
        pathClip = clip;
        double[] p = new double[6];
        while (!it.isDone()) {
            switch (it.currentSegment(p)) {
                case PathIterator.SEG_MOVETO -> point(pathData.append('M'), p, 0);
                case PathIterator.SEG_LINETO -> point(pathData.append('L'), p, 0);
                case PathIterator.SEG_QUADTO -> point(point(pathData.append('Q'), p, 0).append(' '), p, 2);
                case PathIterator.SEG_CUBICTO -> point(point(point(pathData.append('C'), p, 0).append(' '), p, 2)
                        .append(' '), p, 4);
                default -> pathData.append('Z');
            }
            it.next();
        }
    }

    /**
     * Whether the next shape may join the path: lines always can; filled shapes only when opaque, since two
     * overlapping translucent shapes joined into one path would no longer darken where they overlap.
     */
    private boolean joinable(boolean filled) {
        return !filled || state.color.getAlpha() == 255 && state.alpha == 1f;
    }

    private StringBuilder point(StringBuilder sb, double[] p, int i) {
        number(sb, p[i]);
        sb.append(',');
        number(sb, p[i + 1]);
        return sb;
    }

    private void flushPath() {
        if (pathData.length() == 0) return;
        useClip(pathClip);
        out.append("<path style=\"").append(pathStyle).append("\" d=\"").append(pathData).append("\"/>\n");
        pathData.setLength(0);
        pathStyle = null;
    }

    private void text(String text, double x, double y) {
        flushPath();
        useClip(clipId());
        Font f = state.font;
        StringBuilder style = new StringBuilder("fill:").append(colour(state.color));
        opacity(style, "fill-opacity");
        style.append(";font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:");
        number(style, f.getSize2D());
        style.append("px");
        if (f.isBold()) style.append(";font-weight:bold");
        if (f.isItalic()) style.append(";font-style:italic");
        AffineTransform t = state.transform;
        out.append("<text style=\"").append(style).append('"');
        if (t.getType() == AffineTransform.TYPE_IDENTITY || t.getType() == AffineTransform.TYPE_TRANSLATION) {
            number(out.append(" x=\""), x + t.getTranslateX()).append('"');
            number(out.append(" y=\""), y + t.getTranslateY()).append('"');
        } else {
            double[] m = new double[6];
            t.getMatrix(m);
            out.append(" transform=\"matrix(");
            for (int i = 0; i < 6; i++) number(out.append(i == 0 ? "" : " "), m[i]);
            out.append(")\"");
            number(out.append(" x=\""), x).append('"');
            number(out.append(" y=\""), y).append('"');
        }
        out.append('>').append(Svg.escape(text)).append("</text>\n");
    }

    private String fillStyle(int winding) {
        if (state.color.getAlpha() == 0 || state.alpha == 0) return null;
        StringBuilder s = new StringBuilder("fill:").append(colour(state.color));
        opacity(s, "fill-opacity");
        if (winding == PathIterator.WIND_EVEN_ODD) s.append(";fill-rule:evenodd");
        return s.append(";stroke:none").toString();
    }

    private String strokeStyle() {
        if (state.color.getAlpha() == 0 || state.alpha == 0) return null;
        StringBuilder s = new StringBuilder("fill:none;stroke:").append(colour(state.color));
        opacity(s, "stroke-opacity");
        if (state.stroke instanceof BasicStroke b) {
            double scale = Math.sqrt(Math.abs(state.transform.getDeterminant()));
            double width = b.getLineWidth() * scale;
            if (width < 0.05) return null; // outlines drawn a hair wide are meant not to show
            number(s.append(";stroke-width:"), width);
            if (b.getEndCap() == BasicStroke.CAP_ROUND) s.append(";stroke-linecap:round");
            else if (b.getEndCap() == BasicStroke.CAP_SQUARE) s.append(";stroke-linecap:square");
            if (b.getLineJoin() == BasicStroke.JOIN_ROUND) s.append(";stroke-linejoin:round");
            else if (b.getLineJoin() == BasicStroke.JOIN_BEVEL) s.append(";stroke-linejoin:bevel");
            if (b.getDashArray() != null) {
                s.append(";stroke-dasharray:");
                float[] d = b.getDashArray();
                for (int i = 0; i < d.length; i++) number(s.append(i == 0 ? "" : ","), d[i] * scale);
                if (b.getDashPhase() != 0) number(s.append(";stroke-dashoffset:"), b.getDashPhase() * scale);
            }
        }
        return s.toString();
    }

    private void opacity(StringBuilder s, String property) {
        double a = state.color.getAlpha() / 255.0 * state.alpha;
        if (a < 1) {
            s.append(';').append(property).append(':');
            s.append(String.format(java.util.Locale.ROOT, "%.2f", a));
        }
    }

    private static String colour(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The id of the current clip (declared once in the defs), or null when nothing clips. */
    private String clipId() {
        Shape clip = state.clip;
        if (clip == null) return null;
        if (clip == lastClip) return lastClipId;
        StringBuilder d = new StringBuilder();
        PathIterator it = clip.getPathIterator(null);
        double[] p = new double[6];
        while (!it.isDone()) {
            switch (it.currentSegment(p)) {
                case PathIterator.SEG_MOVETO -> point(d.append('M'), p, 0);
                case PathIterator.SEG_LINETO -> point(d.append('L'), p, 0);
                case PathIterator.SEG_QUADTO -> point(point(d.append('Q'), p, 0).append(' '), p, 2);
                case PathIterator.SEG_CUBICTO -> point(point(point(d.append('C'), p, 0).append(' '), p, 2).append(' '), p, 4);
                default -> d.append('Z');
            }
            it.next();
        }
        String key = d.toString();
        String id = clipIds.get(key);
        if (id == null) {
            id = prefix + "clip" + clipIds.size();
            clipIds.put(key, id);
            defs.append("<clipPath id=\"").append(id).append("\"><path d=\"").append(key).append("\"/></clipPath>");
        }
        lastClip = clip;
        lastClipId = id;
        return id;
    }

    /** Opens a group with the clip for what follows, closing the previous one if it differs. */
    private void useClip(String id) {
        if (java.util.Objects.equals(id, openClip)) return;
        closeClip();
        if (id != null) out.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        openClip = id;
    }

    private void closeClip() {
        if (openClip != null) out.append("</g>\n");
        openClip = null;
    }

    /** A coordinate to a tenth of a pixel, without trailing zeros ("12", "12.5", "-0.3"). */
    private static StringBuilder number(StringBuilder sb, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return sb.append('0');
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        sb.append(tenths / 10);
        long d = tenths % 10;
        if (d != 0) sb.append('.').append(d);
        return sb;
    }
}
