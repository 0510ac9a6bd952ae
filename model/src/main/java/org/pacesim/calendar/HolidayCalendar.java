package org.pacesim.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays by rule, and named closures: what a calendar file describes (e.g. {@code
 * scenarios/calendars/scotland.yaml}). Holidays of a year are worked out once, on first use, and kept; the object is
 * safe to share between replications running in parallel.
 *
 * <p>Substitution follows the practice for UK bank holidays: the holidays without substitution are placed first,
 * then each substituting holiday in the file's order, moved from a weekend, or from a day already a holiday, to the
 * next weekday that is not one (so Christmas on a Saturday is observed on Monday 27th and Boxing Day on Tuesday
 * 28th).
 */
public final class HolidayCalendar {
    private final String name;
    private final List<HolidayRule> rules;
    private final Map<String, Closure> closures;
    private final Map<Integer, Map<LocalDate, String>> years = new ConcurrentHashMap<>();

    /**
     * @param name     the calendar's name
     * @param rules    holiday rules, in the order substitution takes them
     * @param closures named closures
     */
    public HolidayCalendar(String name, List<HolidayRule> rules, Map<String, Closure> closures) {
        this.name = name;
        this.rules = List.copyOf(rules);
        this.closures = Map.copyOf(closures);
    }

    /** The calendar's name. */
    public String name() {
        return name;
    }

    /** The named closures. */
    public Map<String, Closure> closures() {
        return closures;
    }

    /** Whether the date is a public holiday (as observed, after substitution). */
    public boolean isHoliday(LocalDate d) {
        return year(d.getYear()).containsKey(d);
    }

    /** The holiday's name on that date, or null. */
    public String holidayName(LocalDate d) {
        return year(d.getYear()).get(d);
    }

    /** The holidays observed in a year, by date. */
    public Map<LocalDate, String> holidays(int year) {
        return year(year);
    }

    private Map<LocalDate, String> year(int y) {
        return years.computeIfAbsent(y, this::observed);
    }

    private Map<LocalDate, String> observed(int y) {
        Map<LocalDate, String> out = new HashMap<>();
        // A substitute can cross the year end (a holiday on 31 December that falls on a Saturday).
        for (int from = y - 1; from <= y; from++) {
            substituted(from).forEach((d, n) -> {
                if (d.getYear() == y) out.putIfAbsent(d, n);
            });
        }
        return Map.copyOf(out);
    }

    /** The holidays the rules give for {@code y}, after substitution (possibly into the next year). */
    private Map<LocalDate, String> substituted(int y) {
        Map<LocalDate, String> out = new HashMap<>();
        List<HolidayRule.Fixed> substituting = new ArrayList<>();
        for (HolidayRule r : rules) {
            if (r instanceof HolidayRule.Fixed f && f.substitute()) {
                substituting.add(f);
            } else {
                LocalDate d = r.in(y);
                if (d != null) out.putIfAbsent(d, r.name());
            }
        }
        for (HolidayRule.Fixed f : substituting) {
            LocalDate d = f.in(y);
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                    || out.containsKey(d)) {
                d = d.plusDays(1);
            }
            out.put(d, f.name() + (d.equals(f.in(y)) ? "" : " (substitute day)"));
        }
        return out;
    }
}
