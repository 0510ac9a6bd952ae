package org.pacesim.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A meeting on a calendar rule sits on exactly the expected dates over ten years, checked against a plain
 * day-by-day enumeration with java.time.
 */
class SittingRuleTest {
    private static final LocalDate START = LocalDate.of(2026, 4, 1);
    private static final double TEN_YEARS = 3653;

    private static WorkingCalendar scotland() throws Exception {
        return new WorkingCalendar(START, ScotlandCalendarTest.scotland(), List.of(), 0, 12 * 366);
    }

    @Test
    void firstTuesdayOfTheMonthNotInJulyForTenYears() throws Exception {
        WorkingCalendar cal = scotland();
        double[] got = SittingRule.parse("first Tuesday of the month", List.of("july"), null).sittings(cal, 0, TEN_YEARS);
        List<Double> expected = new ArrayList<>();
        for (LocalDate d = START; cal.dayOf(d) < TEN_YEARS; d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.TUESDAY && d.getDayOfMonth() <= 7 && d.getMonth() != Month.JULY) {
                LocalDate sits = d;
                while (!cal.isWorkingDay(sits)) sits = sits.plusDays(1);
                expected.add(cal.dayOf(sits));
            }
        }
        assertEquals(110, got.length, "ten years of eleven sittings");
        assertArrayEquals(expected.stream().mapToDouble(Double::doubleValue).toArray(), got);
    }

    @Test
    void aSittingOnAHolidayMovesToTheNextWorkingDayOrIsSkipped() throws Exception {
        WorkingCalendar cal = scotland();
        // The first Monday of May is a bank holiday in Scotland every year; the first Monday of August too.
        double[] moved = SittingRule.parse("first Monday of the month", List.of(), "next_working_day").sittings(cal, 0, 400);
        assertTrue(contains(moved, cal.dayOf(LocalDate.of(2026, 5, 5))), "4 May 2026 is a holiday: Tuesday 5th");
        assertTrue(contains(moved, cal.dayOf(LocalDate.of(2026, 8, 4))), "3 August 2026 is a holiday: Tuesday 4th");
        double[] skipped = SittingRule.parse("first Monday of the month", List.of(), "skip").sittings(cal, 0, 400);
        // Skipped: 4 May and 3 August 2026, 4 January 2027 (the 2 January substitute day) and 3 May 2027.
        assertEquals(14, moved.length, "first Mondays from April 2026 to May 2027");
        assertEquals(10, skipped.length);
    }

    @Test
    void everySecondThursdayIsFortnightlyFromTheFirstThursday() throws Exception {
        WorkingCalendar cal = scotland();
        double[] got = SittingRule.parse("every second Thursday", List.of(), null).sittings(cal, 0, TEN_YEARS);
        LocalDate first = LocalDate.of(2026, 4, 2);
        for (int i = 0; i < got.length; i++) {
            LocalDate nominal = first.plusWeeks(2L * i);
            LocalDate sits = nominal;
            while (!cal.isWorkingDay(sits)) sits = sits.plusDays(1);
            assertEquals(cal.dayOf(sits), got[i], "sitting " + i + " (" + nominal + ")");
        }
        assertEquals(261, got.length, "3,653 days / 14, rounded up");
    }

    @Test
    void lastFridayAndEveryMondayAndOrdinalsInFigures() throws Exception {
        WorkingCalendar cal = new WorkingCalendar(START, new HolidayCalendar("none", List.of(), java.util.Map.of()),
                List.of(), 0, 12 * 366);
        double[] last = SittingRule.parse("Last FRIDAY of each month", List.of(), null).sittings(cal, 0, 366);
        assertEquals(12, last.length);
        assertEquals(cal.dayOf(LocalDate.of(2026, 4, 24)), last[0]);
        assertEquals(52, SittingRule.parse("every Monday", List.of(), null).sittings(cal, 0, 366).length,
                "Mondays from 6 April 2026 to 30 March 2027");
        assertArrayEquals(SittingRule.parse("third Wednesday of the month", List.of(), null).sittings(cal, 0, 366),
                SittingRule.parse("3rd wed of the month", List.of(), null).sittings(cal, 0, 366));
    }

    @Test
    void wordsItDoesNotReadAreAnsweredWithTheFormsItDoes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SittingRule.parse("fortnightly on Thursdays", List.of(), null));
        assertTrue(e.getMessage().contains("'first Tuesday of the month'"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SittingRule.parse("first Tusday of the month", List.of(), null)).getMessage()
                .contains("'tusday' is not a day of the week"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SittingRule.parse("every Monday", List.of("juli"), null)).getMessage().contains("not a month"));
    }

    private static boolean contains(double[] a, double x) {
        for (double v : a) if (v == x) return true;
        return false;
    }
}
