package org.pacesim.scenario;

/**
 * An interval between two milestones, reported as a distribution over the cohort.
 *
 * @param name        the measure's name
 * @param description what it means, for reports (may be empty)
 * @param from        the starting milestone
 * @param to          the ending milestone
 * @param target      target in days (share within target is reported), or NaN
 * @param when        only children meeting this condition (on their attributes when they leave) count, or null
 * @param at          where it was declared
 */
public record MeasureSpec(String name, String description, String from, String to, double target, Condition when,
                          Location at) {
    /** The measure that is always defined when a scenario has a permanence exit. */
    public static final String TIME_TO_PERMANENCE = "time_to_permanence";

    /** Whether a target was given. */
    public boolean hasTarget() {
        return !Double.isNaN(target);
    }
}
