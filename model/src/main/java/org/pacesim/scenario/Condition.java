package org.pacesim.scenario;

import java.util.List;

/**
 * A condition on a child's attributes, e.g. {@code age_band == "under1"} or {@code age_band in [under1, age1to4]},
 * and on its age in years at the moment it is judged ({@code age < 5}), clauses joined by {@code and}. Negations are
 * resolved against the attribute's levels when read, so a condition is a list of (attribute, allowed levels) and at
 * most one range of ages.
 *
 * @param text    as written, for messages and reports
 * @param clauses all must hold
 * @param age     the ages (in days) for which it holds, or null when it does not look at the age
 */
public record Condition(String text, List<Clause> clauses, AgeRange age) {

    /** A condition on attributes alone. */
    public Condition(String text, List<Clause> clauses) {
        this(text, clauses, null);
    }

    /**
     * One attribute and the levels for which the clause holds.
     *
     * @param attribute the attribute's name
     * @param levels    the allowed levels, sorted (so that equal conditions compare equal)
     */
    public record Clause(String attribute, List<String> levels) {}

    /**
     * The ages a condition holds for: from {@code from} (inclusive) to {@code to} (exclusive), in days since birth.
     * An age is continuous, so {@code age <= 4} and {@code age < 4} hold for the same children but for an instant.
     *
     * @param from lower end, or negative infinity
     * @param to   upper end, or infinity
     */
    public record AgeRange(double from, double to) {
        /** Whether a child of {@code age} days is in the range. */
        public boolean holds(double age) {
            return age >= from && age < to;
        }
    }

    /** Whether two conditions select the same children (same clauses, whatever the text). */
    public boolean sameAs(Condition other) {
        return other != null && clauses.equals(other.clauses) && java.util.Objects.equals(age, other.age);
    }
}
