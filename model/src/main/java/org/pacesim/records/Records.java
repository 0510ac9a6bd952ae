package org.pacesim.records;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.pacesim.scenario.Location;

/**
 * An authority's records, read and checked against a template scenario: for each child the day it reached each
 * recorded milestone, its attribute levels and its arrival source. Days count from {@link #origin()}; a milestone not
 * reached by {@link #asOf()} is NaN. Holds no names: a child is its pseudonymous id.
 *
 * @param file       the file as messages name it
 * @param origin     day 0: {@code --from} when given, else the earliest arrival
 * @param asOf       the extraction date: every interval still open then is censored at it
 * @param from       when the records start ({@code --from}), or null: a child already mid-stage then is left-truncated
 * @param milestones the milestone columns present, {@code arrival} first, then in the scenario's order
 * @param attributes the attribute columns present, in the scenario's order
 * @param hasSource  whether the file has a {@code source} column
 * @param children   one per data row, in file order
 */
public record Records(String file, LocalDate origin, LocalDate asOf, LocalDate from, List<String> milestones,
                      List<String> attributes, boolean hasSource, List<Child> children) {

    /**
     * One child's row.
     *
     * @param id     the pseudonymous id
     * @param at     the row's place in the file
     * @param days   per recorded milestone (as {@link Records#milestones()}), days since the origin, NaN when blank
     * @param levels attribute levels given, by attribute (blank cells left out)
     * @param source the arrival source, or null when not given
     */
    public record Child(String id, Location at, double[] days, Map<String, String> levels, String source) {
        /** The day a milestone was reached, or NaN. */
        public double day(int milestone) {
            return days[milestone];
        }
    }

    /** Copies the lists. */
    public Records {
        milestones = List.copyOf(milestones);
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The extraction day, in days since the origin. */
    public double asOfDay() {
        return days(asOf);
    }

    /** The day the records start, in days since the origin: 0 without {@code --from}. */
    public double fromDay() {
        return from == null ? 0 : days(from);
    }

    /** Days from the origin to {@code date}. */
    public double days(LocalDate date) {
        return date.toEpochDay() - origin.toEpochDay();
    }

    /** The index of a milestone column, or -1. */
    public int milestone(String name) {
        return milestones.indexOf(name);
    }

    /**
     * The records as they would have been extracted at the start of {@code date}: the children who had arrived
     * before it, with every milestone dated on or after it blanked, and the as-of date the day before. A fit of these
     * sees only the past. Attribute levels and sources are kept as recorded (a level set along the pathway after
     * {@code date} cannot be told from one set before it).
     */
    public Records knownAt(LocalDate date) {
        double cut = days(date);
        List<Child> known = new java.util.ArrayList<>();
        for (Child c : children) {
            if (!(c.day(0) < cut)) continue;
            double[] d = c.days().clone();
            for (int m = 0; m < d.length; m++) if (d[m] >= cut) d[m] = Double.NaN;
            known.add(new Child(c.id(), c.at(), d, c.levels(), c.source()));
        }
        return new Records(file, origin, date.minusDays(1), from, milestones, attributes, hasSource, known);
    }

    /** Years of arrivals observed: from the origin (or --from) to the as-of date. */
    public double yearsObserved() {
        return (asOfDay() - fromDay()) / 365.25;
    }
}
