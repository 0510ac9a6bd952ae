package org.pacesim.scenario;

import java.util.List;

/**
 * A pool of identical servers (solicitors, the ADM, court days) shared by the service stages that name it.
 *
 * @param name          the resource's name
 * @param capacity      servers, at least 1
 * @param priorityBy    attribute whose levels set the queue order, or null for plain FIFO
 * @param priorityOrder levels of that attribute served first to last; unlisted levels come last; FIFO within a level
 * @param at            where it was declared
 * @param schedule      periods with another capacity (needs run.start), in file order
 */
public record ResourceSpec(String name, int capacity, String priorityBy, List<String> priorityOrder, Location at,
                           List<Period> schedule) {
    /**
     * A period with another capacity: every year between two month-days, or once between two dates, or whenever
     * a named closure of the calendar applies.
     *
     * @param when     the period (as a closure: its name is the closure's, or empty)
     * @param capacity servers during the period (0 allowed: a post left vacant)
     * @param at       where it was written
     */
    /** The mean capacity over [0, horizon) from the start date (the capacity, without a schedule). */
    public double meanCapacity(java.time.LocalDate start, double horizon) {
        if (schedule.isEmpty() || start == null) return capacity;
        double sum = 0;
        int days = (int) Math.ceil(horizon);
        for (int d = 0; d < days; d++) sum += capacityOn(start.plusDays(d));
        return sum / Math.max(days, 1);
    }

    /** The capacity on a date: that of the period it falls in, else the usual one. */
    public int capacityOn(java.time.LocalDate date) {
        for (Period p : schedule) if (p.when().contains(date)) return p.capacity();
        return capacity;
    }

    public record Period(org.pacesim.calendar.Closure when, int capacity, Location at) {}
}
