package org.pacesim.report.charts;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Words for charts: wrapping to a width, and names and durations as a reader says them. */
final class Text {
    private Text() {}

    /** The text broken into lines no wider than {@code width} (a single long word is left whole). */
    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    /** A name that has no label (an arrival source, a resource, a milestone) as words: "legal_services" reads "Legal services". */
    static String words(String name) {
        return org.pacesim.scenario.Labels.readable(name);
    }

    /**
     * An interval between sittings as it was most likely written: whole months as months ("every 2 months", not
     * the 8.7 weeks they come to), whole weeks as weeks, else days.
     */
    static String every(double days) {
        double months = days / org.pacesim.scenario.Durations.MONTH;
        if (Math.abs(months - Math.rint(months)) < 1e-6 && months >= 1) {
            long m = Math.round(months);
            return m == 1 ? "every month" : "every " + m + " months";
        }
        double weeks = days / org.pacesim.scenario.Durations.WEEK;
        if (Math.abs(weeks - Math.rint(weeks)) < 1e-6) {
            long w = Math.round(weeks);
            return w == 1 ? "every week" : "every " + w + " weeks";
        }
        return String.format(Locale.ROOT, "every %.0f days", days);
    }

    /** A number of days in weeks, e.g. "12.3". */
    static String weeks(double days) {
        return String.format(Locale.ROOT, "%.0f", days / 7);
    }

    /** A share as a whole percentage, e.g. "41%". */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** A short label for a long name: at most {@code max} characters, cut at a word. */
    static String shorten(String s, int max) {
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? s.substring(0, cut) : s.substring(0, max - 1)) + "\u2026";
    }
}
