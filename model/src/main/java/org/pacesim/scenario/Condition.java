package org.pacesim.scenario;

import java.util.List;

/**
 * A condition on a child's attributes, e.g. {@code age_band == "under1"} or {@code age_band in [under1, age1to4]},
 * clauses joined by {@code and}. Negations are resolved against the attribute's levels when read, so a condition
 * is always a list of (attribute, allowed levels).
 *
 * @param text    as written, for messages and reports
 * @param clauses all must hold
 */
public record Condition(String text, List<Clause> clauses) {

    /**
     * One attribute and the levels for which the clause holds.
     *
     * @param attribute the attribute's name
     * @param levels    the allowed levels, sorted (so that equal conditions compare equal)
     */
    public record Clause(String attribute, List<String> levels) {}

    /** Whether two conditions select the same children (same clauses, whatever the text). */
    public boolean sameAs(Condition other) {
        return other != null && clauses.equals(other.clauses);
    }
}
