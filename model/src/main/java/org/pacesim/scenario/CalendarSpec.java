package org.pacesim.scenario;

import java.util.List;

import org.pacesim.calendar.Closure;
import org.pacesim.calendar.HolidayCalendar;

/**
 * A scenario's calendar: the public holidays of a calendar file and the named closures that apply (e.g. a council's
 * festive closure). Working days are weekdays that are neither; with {@code run.start} but no calendar, every
 * weekday is a working day.
 *
 * @param file     the calendar file as named in the scenario
 * @param holidays its holidays and closures
 * @param closures the closures that apply to this scenario
 * @param at       where {@code calendar:} was written
 */
public record CalendarSpec(String file, HolidayCalendar holidays, List<Closure> closures, Location at) {}
