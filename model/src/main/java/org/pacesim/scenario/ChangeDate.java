package org.pacesim.scenario;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When a dated change takes effect: a date (which needs {@code run.start}) or a time from the start of the run.
 *
 * @param date the date written ({@code from: 2029-04-01}), or null when a time was written
 * @param days the time written ({@code from: 5y}) in days, or NaN when a date was written
 * @param at   where it was written
 */
public record ChangeDate(LocalDate date, double days, Location at) {
    /** The day of the run it falls on, counted from {@code start} (which must be given for a date). */
    public double day(LocalDate start) {
        return date == null ? days : ChronoUnit.DAYS.between(start, date);
    }

    /** Whether it names the same moment as {@code other} (the same date, or the same time). */
    public boolean sameAs(ChangeDate other) {
        return java.util.Objects.equals(date, other.date) && Double.compare(days, other.days) == 0;
    }

    @Override
    public String toString() {
        return date != null ? date.toString() : Durations.format(days) + " from the start";
    }
}
