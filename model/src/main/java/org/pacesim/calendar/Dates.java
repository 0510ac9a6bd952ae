package org.pacesim.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date as a person or a spreadsheet writes it in a data file: ISO {@code 2024-03-07}, or day first as UK
 * spreadsheets save it, {@code 07/03/2024} or {@code 7/3/2024} (also with {@code .} or {@code -} between the parts).
 * A time of day after the date, as database exports add, is ignored.
 *
 * <p>Anything else is refused rather than guessed: a two-digit year, a month-first date (a "month" above 12), a
 * day that does not exist, or a spreadsheet's serial number for a date. The message says which forms are accepted.
 */
public final class Dates {
    /** The accepted forms, for messages. */
    public static final String FORMS = "write dates as 2024-03-07 or day first as 07/03/2024";

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{2}|\\d{4})");
    private static final Pattern TIME = Pattern.compile("(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z?)$");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.\\d+)?");

    private Dates() {}

    /**
     * The date written in {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong with it (without the accepted forms: see {@link #FORMS})
     */
    public static LocalDate parse(String text) {
        String t = TIME.matcher(text.strip()).replaceFirst("");
        Matcher iso = ISO.matcher(t);
        if (iso.matches()) return date(text, num(iso, 1), num(iso, 2), num(iso, 3));
        Matcher dayFirst = DAY_FIRST.matcher(t);
        if (dayFirst.matches()) {
            if (dayFirst.group(4).length() == 2) {
                throw new IllegalArgumentException("'" + text + "' has a two-digit year, which could be "
                        + "19" + dayFirst.group(4) + " or 20" + dayFirst.group(4));
            }
            int day = num(dayFirst, 1);
            int month = num(dayFirst, 3);
            if (month > 12 && day <= 12) {
                throw new IllegalArgumentException("'" + text + "' reads as month " + month + "; dates are day first "
                        + "(07/03/2024 is 7 March), so this looks like a month-first date");
            }
            return date(text, num(dayFirst, 4), month, day);
        }
        if (SERIAL.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is a spreadsheet's number for a date, not a date: "
                    + "format the column as a date before saving");
        }
        throw new IllegalArgumentException("'" + text + "' is not a date");
    }

    private static LocalDate date(String text, int year, int month, int day) {
        if (month < 1 || month > 12) throw new IllegalArgumentException("'" + text + "' has no month " + month);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "': " + Month.of(month).getDisplayName(TextStyle.FULL,
                    Locale.UK) + " " + year + " has no day " + day, e);
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
