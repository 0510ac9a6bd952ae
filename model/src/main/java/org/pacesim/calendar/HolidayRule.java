package org.pacesim.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;

/**
 * How a public holiday falls in a given year. Rules rather than lists of dates, so that a calendar file covers any
 * run length; one-off holidays (a coronation, a state funeral) are rules that hold in one year only.
 */
public sealed interface HolidayRule {

    /** The rule written as "first Monday of May" (first to fourth, or last), or null if the text is not one. */
    static NthWeekday nthWeekday(String name, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "^(first|second|third|fourth|last) ([a-z]+) of ([a-z]+)$")
                .matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) return null;
        int ordinal = switch (m.group(1)) {
            case "first" -> 1;
            case "second" -> 2;
            case "third" -> 3;
            case "fourth" -> 4;
            default -> -1;
        };
        DayOfWeek day = null;
        for (DayOfWeek d : DayOfWeek.values()) if (d.name().equalsIgnoreCase(m.group(2))) day = d;
        Month month = null;
        for (Month mo : Month.values()) if (mo.name().equalsIgnoreCase(m.group(3))) month = mo;
        return day == null || month == null ? null : new NthWeekday(name, ordinal, day, month);
    }


    /** The holiday's name, for messages and reports. */
    String name();

    /**
     * The date the rule gives in {@code year} before any substitution, or null when it does not fall that year.
     */
    LocalDate in(int year);

    /**
     * A fixed date every year (Christmas Day). With {@code substitute}, a date on a weekend or on another holiday
     * moves to the next weekday that is not a holiday, as bank holidays do in Scotland.
     *
     * @param name       name
     * @param date       month and day
     * @param substitute whether it moves off weekends and other holidays
     */
    record Fixed(String name, MonthDay date, boolean substitute) implements HolidayRule {
        @Override
        public LocalDate in(int year) {
            return date.atYear(year);
        }
    }

    /**
     * A day relative to Easter Sunday (Good Friday is -2, Easter Monday +1).
     *
     * @param name   name
     * @param offset days after Easter Sunday
     */
    record Easter(String name, int offset) implements HolidayRule {
        @Override
        public LocalDate in(int year) {
            return easterSunday(year).plusDays(offset);
        }
    }

    /**
     * The n-th (or last) weekday of a month, e.g. the first Monday of May.
     *
     * @param name    name
     * @param ordinal 1 to 4, or -1 for the last
     * @param day     the weekday
     * @param month   the month
     */
    record NthWeekday(String name, int ordinal, DayOfWeek day, Month month) implements HolidayRule {
        @Override
        public LocalDate in(int year) {
            LocalDate first = LocalDate.of(year, month, 1);
            return ordinal < 0 ? first.with(TemporalAdjusters.lastInMonth(day))
                    : first.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
        }
    }

    /**
     * A holiday on one date only.
     *
     * @param name name
     * @param date the date
     */
    record OneOff(String name, LocalDate date) implements HolidayRule {
        @Override
        public LocalDate in(int year) {
            return date.getYear() == year ? date : null;
        }
    }

    /**
     * A rule moved in some years by proclamation (the early May bank holiday of 2020 to VE Day, the spring bank
     * holiday of 2022 to the Jubilee weekend).
     *
     * @param rule  the usual rule
     * @param moved the date in the years it moved
     */
    record Moved(HolidayRule rule, java.util.Map<Integer, LocalDate> moved) implements HolidayRule {
        @Override
        public String name() {
            return rule.name();
        }

        @Override
        public LocalDate in(int year) {
            return moved.containsKey(year) ? moved.get(year) : rule.in(year);
        }
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm, as given by Meeus). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
