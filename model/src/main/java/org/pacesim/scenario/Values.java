package org.pacesim.scenario;

import java.nio.file.Path;
import java.util.Locale;

/** Reading single values (durations, numbers, probabilities) from raw nodes, reporting problems. */
final class Values {
    /** How far shares or probabilities may be from adding up to 1 (rounding in what people write). */
    static final double SUM_TOLERANCE = 1e-6;

    private Values() {}

    /** A sum rounded to six places, so that a message shows 0.99 rather than 0.9899999999999999. */
    static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }

    static double duration(YamlNode n, String path, Problems problems, boolean positive) {
        if (!(n instanceof YamlNode.Scalar s) || s.text() == null) {
            problems.add(n.at(), path, "expected a duration, found " + n.describe(), Durations.DURATION_HELP);
            return Double.NaN;
        }
        if (Durations.isWorkingDays(s.text())) {
            problems.add(n.at(), path, "working days ('" + s.text() + "') are not taken here",
                    "working days are for stage durations, decision delays, 'after' delays and measure targets in a "
                    + "scenario with run.start; here give calendar time (5 working days ~ 7d)");
            return Double.NaN;
        }
        double d = Durations.parseDuration(s.text());
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            String rate = Double.isNaN(Durations.parseRate(s.text())) ? "" : " (that is a rate, not a duration)";
            problems.add(n.at(), path, "'" + s.text() + "' is not a duration" + rate, Durations.DURATION_HELP);
            return Double.NaN;
        }
        if (d < 0 || positive && d == 0) {
            problems.add(n.at(), path, "the duration must be " + (positive ? "greater than zero" : "zero or more")
                    + " (got " + s.text() + ")", "write a " + (positive ? "positive" : "non-negative") + " duration");
            return Double.NaN;
        }
        // A bare number was read as days, silently: "duration: 6" meant weeks as often as days. Only 0 is the same
        // in every unit.
        if (d != 0 && Durations.isBare(s.text())) {
            String x = s.text().trim();
            problems.add(n.at(), path, "'" + x + "' has no unit", "write " + x + "d or " + x + "w (days or weeks;"
                    + " also mo and y)");
            return Double.NaN;
        }
        return d;
    }

    /**
     * A data file named in a scenario, relative to the file the name was written in (so that a parent's caseload
     * or calendar is found wherever the child that extends it lives), else to {@code fallback}.
     */
    static Path dataFile(YamlNode nameNode, String name, Path fallback) {
        Path dir = null;
        try {
            String written = nameNode.at().file();
            if (written != null && !written.isEmpty()) dir = Path.of(written).toAbsolutePath().getParent();
        } catch (java.nio.file.InvalidPathException e) {
            dir = null; // e.g. a value given on the command line: no file to be relative to
        }
        return (dir == null || !java.nio.file.Files.isDirectory(dir) ? fallback : dir).resolve(name);
    }

    /**
     * Reports a data file that cannot be read at the key that names it, naming it as written there rather than as
     * resolved.
     */
    static void unreadable(Fields f, String key, CsvTable.Unreadable e, Path resolved, String written, String what) {
        String near = java.nio.file.Files.exists(resolved) ? null : Names.file(written, resolved);
        f.bad(key, e.getMessage().replace("'" + resolved + "'", "'" + written + "'"), near != null ? near
                : e.fix() + ": " + what + ", relative to this scenario file");
    }

    /** An ISO date (2026-04-01), or null after reporting a problem. */
    static java.time.LocalDate date(YamlNode n, String path, Problems problems) {
        String text = n instanceof YamlNode.Scalar s ? s.text() : null;
        try {
            if (text != null) return java.time.LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            // reported below
        }
        problems.add(n.at(), path, "expected a date, found " + (text == null ? n.describe() : "'" + text + "'"),
                "write the date as year-month-day, e.g. 2026-04-01");
        return null;
    }

    static double number(YamlNode n, String path, Problems problems, double min, double max, String fix) {
        Double v = parseNumber(n);
        if (v == null) {
            problems.add(n.at(), path, "expected a number, found " + n.describe(), fix);
            return Double.NaN;
        }
        if (v < min || v > max || v.isNaN()) {
            problems.add(n.at(), path, "must be between " + fmt(min) + " and " + fmt(max) + " (got " + fmt(v) + ")", fix);
            return Double.NaN;
        }
        return v;
    }

    static long whole(YamlNode n, String path, Problems problems, long min, long max, String fix, long dflt) {
        Double v = parseNumber(n);
        if (v == null || v != Math.rint(v)) {
            problems.add(n.at(), path, "expected a whole number, found " + n.describe(), fix);
            return dflt;
        }
        if (v < min || v > max) {
            problems.add(n.at(), path, "must be a whole number from " + min + " to " + max + " (got " + fmt(v) + ")",
                    fix);
            return dflt;
        }
        return v.longValue();
    }

    /** A probability in [0, 1]; accepts {@code 38%}. */
    static double probability(YamlNode n, String path, Problems problems) {
        Double v = null;
        if (n instanceof YamlNode.Scalar s && s.text() != null && s.text().trim().endsWith("%")) {
            try {
                v = Double.parseDouble(s.text().trim().replace("%", "").trim()) / 100;
            } catch (NumberFormatException e) {
                v = null;
            }
        } else {
            v = parseNumber(n);
        }
        if (v == null || v.isNaN()) {
            problems.add(n.at(), path, "expected a probability, found " + n.describe(), "write a number from 0 to 1, e.g. 0.38");
            return Double.NaN;
        }
        if (v < 0 || v > 1) {
            problems.add(n.at(), path, "a probability must be between 0 and 1 (got " + fmt(v) + ")",
                    "write a number from 0 to 1, e.g. 0.38 (not 38)");
            return Double.NaN;
        }
        return v;
    }

    static Double parseNumber(YamlNode n) {
        if (!(n instanceof YamlNode.Scalar s) || s.text() == null || s.quoted()) return null;
        try {
            return Double.parseDouble(s.text().trim().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
    }
}
