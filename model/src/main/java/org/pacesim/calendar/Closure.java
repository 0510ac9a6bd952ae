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

    /** Whether the date falls in the closure. */
    public boolean contains(LocalDate d) {
        if (fromDate != null) return !d.isBefore(fromDate) && !d.isAfter(toDate);
        MonthDay md = MonthDay.from(d);
        boolean wraps = to.isBefore(from);
        return wraps ? !md.isBefore(from) || !md.isAfter(to) : !md.isBefore(from) && !md.isAfter(to);
    }
}
