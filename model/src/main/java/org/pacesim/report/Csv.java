package org.pacesim.report;

import java.util.Locale;

/** CSV cell formatting shared by every CSV the project writes: durations in days, NaN as an empty cell. */
final class Csv {
    private Csv() {}

    static String number(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.6f", v);
        int end = s.length(); // trailing zeros off, and the point when nothing follows it (a loop: this is hot)
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        s = s.substring(0, end);
        return s.equals("-0") ? "0" : s; // a tiny negative rounds to zero, which has no sign
    }

    static String text(String s) {
        if (s == null) return "";
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    static String row(String... cells) {
        return String.join(",", cells) + "\n";
    }
}
