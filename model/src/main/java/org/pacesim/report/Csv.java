package org.pacesim.report;

import java.util.Locale;

/** CSV cell formatting shared by every CSV the project writes: durations in days, NaN as an empty cell. */
final class Csv {
    /**
     * Below this size a number times a million is within 1.3e-4 of the decimal that {@code %.6f} rounds (the
     * product's rounding error and the gap between a double and its shortest decimal are each under 6.2e-5 there),
     * so rounding it half up gives the same six decimals unless it lies within {@link #TIE} of a half.
     */
    private static final double FAST_LIMIT = 1e6;
    /** How close to a half a number times a million must be for its rounding to be left to {@code %.6f}. */
    private static final double TIE = 1e-3;

    private Csv() {}

    /**
     * A number as CSV writes it: a whole number as it is (below 1e15), else six decimals without their trailing
     * zeros (and without a point when nothing follows it); NaN as an empty cell, infinities as Inf and -Inf, and a
     * number that rounds to zero without a sign.
     */
    static String number(double v) {
        if (Double.isNaN(v)) return "";
        return number(new StringBuilder(24), v).toString();
    }

    /**
     * Appends {@link #number(double)} to {@code sb} without making a string of it, for files of many numbers
     * (replications.csv holds millions).
     */
    static StringBuilder number(StringBuilder sb, double v) {
        if (Double.isNaN(v)) return sb;
        if (Double.isInfinite(v)) return sb.append(v > 0 ? "Inf" : "-Inf");
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return sb.append((long) v);
        if (sixDecimals(sb, v)) return sb;
        return sb.append(formatted(v));
    }

    /**
     * Writes |v| rounded to six decimals by integer arithmetic, the fast path of a number that is neither whole nor
     * large; false (nothing written) when the rounding needs {@link #formatted}.
     */
    private static boolean sixDecimals(StringBuilder sb, double v) {
        double a = Math.abs(v);
        if (!(a < FAST_LIMIT)) return false;
        double scaled = a * 1e6;
        double below = Math.floor(scaled);
        double fraction = scaled - below;
        if (Math.abs(fraction - 0.5) < TIE) return false;
        long n = (long) below + (fraction > 0.5 ? 1 : 0);
        if (n == 0) {
            sb.append('0'); // a tiny number rounds to zero, which has no sign
            return true;
        }
        if (v < 0) sb.append('-');
        sb.append(n / 1_000_000);
        int part = (int) (n % 1_000_000);
        if (part == 0) return true;
        int digits = 6;
        while (part % 10 == 0) {
            part /= 10;
            digits--;
        }
        sb.append('.');
        int p = 1;
        for (int i = 1; i < digits; i++) p *= 10;
        for (; p > 1 && part < p; p /= 10) sb.append('0'); // the zeros that lead the decimals
        sb.append(part);
        return true;
    }

    /** Six decimals by {@code String.format}, without trailing zeros: the rule the fast path follows. */
    static String formatted(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        int end = s.length();
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
