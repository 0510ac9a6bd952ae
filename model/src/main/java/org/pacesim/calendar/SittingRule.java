package org.pacesim.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a meeting sits, in the words a panel's or a hearing centre's schedule uses: "first Tuesday of the month",
 * "last Friday of the month", "every Thursday", "every second Thursday". Months can be left out ("not in July"), and
 * a sitting that falls on a day that is not a working day (a public holiday, a closure) either moves to the next
 * working day or is skipped.
 *
 * @param ordinal   1 to 4, or -1 for the last, for a monthly rule; 0 for a weekly one
 * @param day       the weekday
 * @param weeks     for a weekly rule, the weeks between sittings (1, 2, 3 or 4)
 * @param notIn     months without sittings
 * @param skip      whether a sitting on a non-working day is skipped (else it moves to the next working day)
 * @param text      the rule as written
 */
public record SittingRule(int ordinal, DayOfWeek day, int weeks, Set<Month> notIn, boolean skip, String text) {

    /** The forms understood, for messages. */
    public static final String FORMS = "'first Tuesday of the month' (first, second, third, fourth or last), "
            + "'every Thursday', 'every second Thursday' (or 'every other', 'every third', 'every 4th')";

    private static final Pattern MONTHLY = Pattern.compile(
            "^(first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+([a-z]+)\\s+(?:of\\s+)?(?:the|each|every)\\s+month$");
    private static final Pattern WEEKLY = Pattern.compile(
            "^every\\s+(?:(other|second|third|fourth|2nd|3rd|4th)\\s+)?([a-z]+)$");

    /**
     * Reads a rule.
     *
     * @param text      e.g. "first Tuesday of the month"
     * @param notIn     month names without sittings (full or three letters)
     * @param ifHoliday {@code next_working_day} (the default when null) or {@code skip}
     * @throws IllegalArgumentException with a message for the user, saying what is understood
     */
    public static SittingRule parse(String text, List<String> notIn, String ifHoliday) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Set<Month> months = EnumSet.noneOf(Month.class);
        for (String m : notIn) months.add(month(m));
        boolean skip;
        if (ifHoliday == null || ifHoliday.equals("next_working_day")) skip = false;
        else if (ifHoliday.equals("skip")) skip = true;
        else throw new IllegalArgumentException("if_holiday is 'next_working_day' or 'skip', not '" + ifHoliday + "'");
        Matcher m = MONTHLY.matcher(t);
        if (m.matches()) {
            int ordinal = switch (m.group(1)) {
                case "first", "1st" -> 1;
                case "second", "2nd" -> 2;
                case "third", "3rd" -> 3;
                case "fourth", "4th" -> 4;
                default -> -1;
            };
            return new SittingRule(ordinal, weekday(m.group(2)), 0, months, skip, text);
        }
        m = WEEKLY.matcher(t);
        if (m.matches()) {
            int weeks = m.group(1) == null ? 1 : switch (m.group(1)) {
                case "other", "second", "2nd" -> 2;
                case "third", "3rd" -> 3;
                default -> 4;
            };
            return new SittingRule(0, weekday(m.group(2)), weeks, months, skip, text);
        }
        throw new IllegalArgumentException("'" + text + "' is not a sitting rule this tool reads; write one of "
                + FORMS);
    }

    /**
     * The sitting days in [from, to) as simulation times (00:00 of each day), in order. A weekly rule counts its
     * weeks from the first such weekday on or after the calendar's start.
     */
    public double[] sittings(WorkingCalendar cal, double from, double to) {
        List<Double> out = new ArrayList<>();
        LocalDate end = cal.date(to);
        LocalDate d = ordinal == 0 ? cal.start().with(TemporalAdjusters.nextOrSame(day))
                : cal.start().withDayOfMonth(1);
        double last = Double.NEGATIVE_INFINITY;
        while (d.isBefore(end.plusDays(1))) {
            LocalDate nominal = ordinal == 0 ? d : ordinal < 0 ? d.with(TemporalAdjusters.lastInMonth(day))
                    : d.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
            d = ordinal == 0 ? d.plusWeeks(weeks) : d.plusMonths(1);
            if (notIn.contains(nominal.getMonth())) continue;
            LocalDate sits = nominal;
            if (!cal.isWorkingDay(sits)) {
                if (skip) continue;
                int guard = 0;
                while (!cal.isWorkingDay(sits) && guard++ < 366) sits = sits.plusDays(1);
            }
            double t = cal.dayOf(sits);
            if (t >= from && t < to && t > last) {
                out.add(t);
                last = t;
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Sittings a year, on average (before holidays move or skip any). */
    public double perYear() {
        double months = 12 - notIn.size();
        return ordinal == 0 ? 365.25 / 7 / weeks * months / 12 : months;
    }

    private static DayOfWeek weekday(String word) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (word.equals(full) || word.equals(full.substring(0, 3)) || word.equals(full + "s")) return d;
        }
        throw new IllegalArgumentException("'" + word + "' is not a day of the week; write e.g. Tuesday");
    }

    /** A month from its full name or first three letters, any case. */
    public static Month month(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (Month m : Month.values()) {
            String full = m.name().toLowerCase(Locale.ROOT);
            if (w.equals(full) || w.equals(full.substring(0, 3))) return m;
        }
        throw new IllegalArgumentException("'" + word + "' is not a month; write e.g. July or jul");
    }
}
