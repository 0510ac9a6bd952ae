package org.pacesim.report.charts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;

/**
 * Finishing touches to a figure's SVG: the XML declaration, a title and a description naming the series (for
 * screen readers and tests), another program's drawing placed inside it, and the form an HTML page takes inline.
 */
public final class Svg {
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"([^\"]*)\"");

    private Svg() {}

    /** The standalone document: declaration, accessible name and description, then the drawing. */
    static String finish(String svg, String prefix, String title, String subtitle, List<String> series) {
        String head = "<title id=\"" + prefix + "title\">" + escape(title) + "</title><desc id=\"" + prefix + "desc\">"
                + escape(subtitle) + ". Series: " + escape(String.join("; ", series)) + "</desc>\n";
        int open = svg.indexOf('>', svg.indexOf("<svg")) + 1;
        String tag = svg.substring(0, open).replaceFirst("<svg", "<svg role=\"img\" aria-labelledby=\"" + prefix
                + "title " + prefix + "desc\"");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + tag + "\n" + head + svg.substring(open).stripLeading();
    }

    /**
     * Places another SVG document (a Graphviz drawing) in the box (x, y, w, h) of {@code svg}, scaled to fit and
     * centred, as a nested {@code <svg>} element; its ids get {@code prefix}, so that they cannot clash with others
     * on the same web page.
     */
    static String embed(String svg, String other, int x, int y, int w, int h, String prefix) {
        String o = other.replaceAll("(?s)<\\?xml[^>]*>", "").replaceAll("(?s)<!DOCTYPE[^>]*>", "")
                .replaceAll("(?s)<!--.*?-->", "");
        o = o.replace("id=\"", "id=\"" + prefix).replace("url(#", "url(#" + prefix).replace("href=\"#", "href=\"#" + prefix);
        int open = o.indexOf("<svg");
        int openEnd = o.indexOf('>', open) + 1;
        int close = o.lastIndexOf("</svg>");
        Matcher vb = VIEW_BOX.matcher(o.substring(open, openEnd));
        String viewBox = vb.find() ? vb.group(1) : "0 0 " + w + " " + h;
        String nested = "<svg x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\""
                + viewBox + "\" preserveAspectRatio=\"xMidYMid meet\">" + o.substring(openEnd, close) + "</svg>";
        int end = svg.lastIndexOf("</svg>");
        return svg.substring(0, end) + nested + "\n" + svg.substring(end);
    }

    /** The document without its XML declaration, ready to place in an HTML page. */
    public static String inline(String svg) {
        return svg.replaceFirst("(?s)^<\\?xml[^>]*>\\s*", "");
    }

    /** Text made safe for XML. */
    static String escape(String s) {
        return StringEscapeUtils.escapeXml10(s);
    }
}
