/**
 * Dates: Scotland's holidays by rule ({@code HolidayRule}, {@code HolidayCalendar}), closures ({@code Closure}),
 * working days counted both ways ({@code WorkingCalendar}), sittings on calendar rules such as "first Tuesday of
 * the month" ({@code SittingRule}), and dates as people write them ({@code Dates}). Uses no other package of the
 * project; the scenario and everything after it may use it.
 */
package org.pacesim.calendar;
