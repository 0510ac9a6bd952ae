package org.pacesim.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time as people write it. Internally every time is in days (a double); in files a duration is a number of days or
 * a number with a unit ({@code 3d}, {@code 6w}, {@code 4mo}, {@code 2y}) and a rate is a count per unit
 * ({@code 150/year}, {@code 3/week}). A month is 30.4375 days and a year 365.25 days, so that 12 months make a year.
 */
public final class Durations {
    /** Days in a week. */
    public static final double WEEK = 7.0;
    /** Days in an average Gregorian month (365.25 / 12). */
    public static final double MONTH = 30.4375;
    /** Days in an average year. */
    public static final double YEAR = 365.25;

    private static final Pattern DURATION =
            Pattern.compile("^([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([a-z]*)$");
    private static final Pattern RATE =
            Pattern.compile("^([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(?:/|per\\s+)\\s*([a-z]+)$");

    private static final Pattern WORKING_DAYS = Pattern.compile("^([0-9.]+)\\s*(wd|working ?days?)$");

    private Durations() {}

    /** What a duration looks like, for messages. */
    public static final String DURATION_HELP = "a number with a unit: 3d, 6w, 4mo, 2y (only 0 may go without one)";
    /** What a rate looks like, for messages. */
    public static final String RATE_HELP = "a count per unit, e.g. 150/year, 3/week, 0.5/day";

    /**
     * Parses a duration.
     *
     * @param text what was written
     * @return days, or NaN if the text is not a duration
     */
    public static double parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return Double.NaN;
        double unit = unitDays(m.group(2));
        return Double.isNaN(unit) ? Double.NaN : Double.parseDouble(m.group(1)) * unit;
    }

    /**
     * Parses a rate.
     *
     * @param text what was written
     * @return events per day, or NaN if the text is not a rate
     */
    public static double parseRate(String text) {
        Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return Double.NaN;
        double unit = unitDays(m.group(2));
        return Double.isNaN(unit) || m.group(2).isEmpty() ? Double.NaN : Double.parseDouble(m.group(1)) / unit;
    }

    /** Whether a duration is written as a bare number, without a unit. */
    public static boolean isBare(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        return m.matches() && m.group(2).isEmpty();
    }

    /** Whether a unit is working days, which need a calendar. */
    public static boolean isWorkingDays(String text) {
        return WORKING_DAYS.matcher(text.trim().toLowerCase(Locale.ROOT)).matches();
    }

    /** The number of working days written, e.g. 70 for {@code 70wd}, or NaN if the text is not working days. */
    static double workingDays(String text) {
        Matcher m = WORKING_DAYS.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return Double.NaN;
        try {
            return Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) { // e.g. 1.2.3wd
            return Double.NaN;
        }
    }

    private static double unitDays(String unit) {
        switch (unit) {
            case "": case "d": case "day": case "days": return 1;
            case "w": case "wk": case "wks": case "week": case "weeks": return WEEK;
            case "mo": case "month": case "months": return MONTH;
            case "y": case "yr": case "yrs": case "year": case "years": return YEAR;
            default: return Double.NaN;
        }
    }

    /** Days as weeks, for display. */
    public static double weeks(double days) {
        return days / WEEK;
    }

    /** A duration written back in the unit that reads best (for generated text and change summaries). */
    public static String format(double days) {
        if (days == 0) return "0d";
        if (days % YEAR == 0) return fmt(days / YEAR) + "y";
        if (days % WEEK == 0) return fmt(days / WEEK) + "w";
        return fmt(days) + "d";
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.4g", x);
    }
}
