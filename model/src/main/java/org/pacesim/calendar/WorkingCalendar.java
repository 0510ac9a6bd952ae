package org.pacesim.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Simulation time on real dates: day 0.0 is 00:00 on the start date. A working day is a weekday that is neither a
 * public holiday nor inside one of the closures that apply.
 *
 * <p>Working time is continuous: w(t) is the working-day time in [0, t), each working day counting the part of it
 * before t (negative before the start). A duration of k working days begun at t ends at the earliest s with
 * w(s) - w(t) = k, and an interval counts w(b) - w(a) working days. Keeping it continuous lets a lognormal number of
 * working days (9.4 of them) map to calendar time and back exactly, which whole-day counting cannot.
 *
 * <p>The days are tabulated once (a prefix sum over whole days), so both directions cost a look-up or a binary
 * search and no allocation: they are on the simulation's per-event path. Beyond the table, the five-in-seven
 * average of a plain week is used (after the end of every run's follow-up, so it never decides a result).
 */
public final class WorkingCalendar {
    private static final double WEEK_SHARE = 5.0 / 7.0;
    private final LocalDate start;
    private final HolidayCalendar holidays;
    private final List<Closure> closures;
    private final int first;             // day number (relative to start) of the table's first day
    private final boolean[] working;     // per tabulated day
    private final double[] before;       // working days before each tabulated day; length = days + 1

    /**
     * @param start       the date of day 0
     * @param holidays    public holidays
     * @param closures    the closures that apply
     * @param daysBefore  days tabulated before the start (children already in the system have milestones there)
     * @param daysAfter   days tabulated from the start (at least the run's horizon and follow-up)
     */
    public WorkingCalendar(LocalDate start, HolidayCalendar holidays, Collection<Closure> closures, int daysBefore,
                           int daysAfter) {
        this.start = start;
        this.holidays = holidays;
        this.closures = List.copyOf(closures);
        this.first = -daysBefore;
        int n = daysBefore + daysAfter;
        this.working = new boolean[n];
        this.before = new double[n + 1];
        LocalDate d = start.plusDays(first);
        for (int i = 0; i < n; i++, d = d.plusDays(1)) {
            working[i] = isWorkingDay(d);
            before[i + 1] = before[i] + (working[i] ? 1 : 0);
        }
        // Make w(0) = 0: shift so that the start's own prefix is zero.
        double atStart = before[-first];
        for (int i = 0; i <= n; i++) before[i] -= atStart;
    }

    /** The date of day 0. */
    public LocalDate start() {
        return start;
    }

    /** The public holidays. */
    public HolidayCalendar holidays() {
        return holidays;
    }

    /** Whether a date is a working day: a weekday, not a holiday, not in an applying closure. */
    public boolean isWorkingDay(LocalDate d) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) return false;
        if (holidays.isHoliday(d)) return false;
        for (Closure c : closures) if (c.contains(d)) return false;
        return true;
    }

    /** The date of simulation time t (the day it falls in). */
    public LocalDate date(double t) {
        return start.plusDays((long) Math.floor(t));
    }

    /** The simulation time of 00:00 on a date. */
    public double dayOf(LocalDate d) {
        return ChronoUnit.DAYS.between(start, d);
    }

    /** w(t): working days in [0, t), negative for t before the start. */
    public double workingTime(double t) {
        double day = Math.floor(t);
        int i = (int) Math.max(Math.min(day - first, working.length), -1);
        if (i < 0) return before[0] + (t - first) * WEEK_SHARE;
        if (i >= working.length) return before[working.length] + (t - first - working.length) * WEEK_SHARE;
        return before[i] + (working[i] ? t - day : 0);
    }

    /** Working days in [a, b): w(b) - w(a). */
    public double workingDaysBetween(double a, double b) {
        return workingTime(b) - workingTime(a);
    }

    /** The earliest time s at or after t with k working days in [t, s); k at least 0. */
    public double addWorkingDays(double t, double k) {
        if (k <= 0) return t;
        double target = workingTime(t) + k;
        int n = working.length;
        if (target > before[n]) return first + n + (target - before[n]) / WEEK_SHARE;
        if (target <= before[0]) return first + (target - before[0]) / WEEK_SHARE;
        // The first day j whose end reaches the target: before[j] < target <= before[j + 1].
        int lo = Math.max(0, (int) Math.floor(t) - first), hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (before[mid + 1] >= target) hi = mid;
            else lo = mid + 1;
        }
        return first + lo + (target - before[lo]);
    }

    /** The dates from {@code from} to {@code to} (exclusive) that are not working days, for reports and tests. */
    public List<LocalDate> nonWorkingDays(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) if (!isWorkingDay(d)) out.add(d);
        return out;
    }
}
