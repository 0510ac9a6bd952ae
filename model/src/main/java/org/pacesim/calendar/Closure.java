package org.pacesim.calendar;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A named period when an office or court does not work (a council's festive closure, a court's summer recess):
 * every year between two month-days (which may wrap over the year end), or once between two dates.
 *
 * @param name     the name a scenario uses to apply it
 * @param from     first day, every year (null for a one-off)
 * @param to       last day, every year (inclusive)
 * @param fromDate first day of a one-off closure (null for a recurring one)
 * @param toDate   last day of a one-off closure (inclusive)
 */
public record Closure(String name, MonthDay from, MonthDay to, LocalDate fromDate, LocalDate toDate) {

    /**
     * A period from its first and last days as written: month-days ({@code 07-15}, every year) or dates
     * ({@code 2027-03-01}, once).
     *
     * @throws IllegalArgumentException with a message for the user when the text is not a period
     */
    public static Closure parse(String name, String from, String to) {
        String a = from.trim();
        String b = to.trim();
        try {
            if (a.length() == 5 && b.length() == 5) {
                return new Closure(name, MonthDay.parse("--" + a), MonthDay.parse("--" + b), null, null);
            }
            LocalDate x = LocalDate.parse(a);
            LocalDate y = LocalDate.parse(b);
            if (y.isBefore(x)) {
                throw new IllegalArgumentException("the period ends (" + y + ") before it starts (" + x + ")");
            }
            return new Closure(name, null, null, x, y);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + from + "' to '" + to + "' is not a period");
        }
    }

    /** Whether the date falls in the closure. */
    public boolean contains(LocalDate d) {
        if (fromDate != null) return !d.isBefore(fromDate) && !d.isAfter(toDate);
        MonthDay md = MonthDay.from(d);
        boolean wraps = to.isBefore(from);
        return wraps ? !md.isBefore(from) || !md.isAfter(to) : !md.isBefore(from) && !md.isAfter(to);
    }
}
