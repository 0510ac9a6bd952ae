package org.pacesim.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Working-day arithmetic across weekends, holidays, closures and year ends, both ways, before and after the start. */
class WorkingCalendarTest {
    private static final HolidayCalendar SCOTLAND;

    static {
        try {
            SCOTLAND = ScotlandCalendarTest.scotland();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static WorkingCalendar from(LocalDate start, List<Closure> closures) {
        return new WorkingCalendar(start, SCOTLAND, closures, 3 * 366, 20 * 366);
    }

    @Test
    void aPlainWeek() {
        WorkingCalendar c = from(LocalDate.of(2026, 1, 5), List.of()); // a Monday
        assertEquals(5.0, c.addWorkingDays(0, 5), 0.0, "Monday + 5 working days = 00:00 Saturday");
        assertEquals(7.5, c.addWorkingDays(4.5, 1), 1e-12, "midday Friday + 1 = midday Monday");
        assertEquals(8.0, c.addWorkingDays(5.0, 1), 0.0, "from Saturday, one working day ends with Monday");
        assertEquals(5.0, c.workingDaysBetween(0, 7), 0.0);
        assertEquals(0.0, c.workingDaysBetween(5, 7), 0.0, "a weekend has no working time");
    }

    @Test
    void christmasAndNewYearInScotland() {
        // Wednesday 24 December 2025: working; 25, 26 holidays; 27, 28 weekend; 29, 30, 31 working; 1, 2 January
        // holidays; 3, 4 weekend; Monday 5 January working.
        WorkingCalendar c = from(LocalDate.of(2025, 12, 24), List.of());
        assertEquals(1.0, c.addWorkingDays(0, 1), 0.0, "one working day from 00:00 on the 24th: the end of the 24th");
        assertEquals(5.0, c.addWorkingDays(1.0, 0.5) - 0.5, 0.0, "from the 25th, half a day: midday on the 29th");
        assertEquals(LocalDate.of(2026, 1, 6), c.date(c.addWorkingDays(0, 5)), "24, 29, 30, 31 and 5 January");
        assertEquals(5.0, c.workingDaysBetween(0, c.dayOf(LocalDate.of(2026, 1, 6))), 0.0);
    }

    @Test
    void aFestiveClosureStopsTheClockUntilItEnds() {
        Closure festive = new Closure("festive", java.time.MonthDay.of(12, 24), java.time.MonthDay.of(1, 3), null, null);
        WorkingCalendar c = from(LocalDate.of(2025, 12, 22), List.of(festive)); // Monday
        assertEquals(2.0, c.workingDaysBetween(0, c.dayOf(LocalDate.of(2026, 1, 5))), 0.0, "22nd and 23rd only");
        assertEquals(LocalDate.of(2026, 1, 5), c.date(c.addWorkingDays(0, 2.5)), "half of Monday 5 January");
        assertFalse(c.isWorkingDay(LocalDate.of(2025, 12, 29)));
        assertTrue(c.isWorkingDay(LocalDate.of(2026, 1, 5)));
    }

    @Test
    void workingTimeBeforeTheStartIsNegative() {
        WorkingCalendar c = from(LocalDate.of(2026, 1, 5), List.of());
        // The week before Monday 5 January 2026: 29, 30, 31 December work; 1 and 2 January are holidays.
        assertEquals(-3.0, c.workingTime(-7), 0.0, "the week before the start");
        assertEquals(-4.0, c.addWorkingDays(-7, 3), 0.0, "29, 30, 31 December: 00:00 on 1 January");
        assertEquals(1.0, c.addWorkingDays(-3, 1), 0.0, "from Friday 2 January (a holiday): the end of Monday 5th");
    }

    @Test
    void addingAndCountingAreInverses() {
        WorkingCalendar c = from(LocalDate.of(2026, 4, 1), List.of());
        Random r = new Random(20130101);
        for (int i = 0; i < 100_000; i++) {
            double t = r.nextDouble() * 4000 - 900;
            double k = r.nextDouble() * 300;
            double s = c.addWorkingDays(t, k);
            assertEquals(k, c.workingDaysBetween(t, s), 1e-9, "t " + t + ", k " + k);
            assertTrue(s >= t);
            // Earliest: a moment before s, fewer than k working days have passed.
            if (k > 0) assertTrue(c.workingDaysBetween(t, s - 1e-6) < k);
        }
    }
}
