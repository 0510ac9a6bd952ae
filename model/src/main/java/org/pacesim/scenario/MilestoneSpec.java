package org.pacesim.scenario;

/**
 * A named time recorded for each child: its arrival, entering or leaving a stage, or reaching an outcome.
 *
 * @param name  the milestone's name
 * @param event what records it
 * @param stage the stage (for enter and exit), else null
 * @param label for exit: only a leaving by the route with this label counts, else null
 * @param outcome for {@link Event#OUTCOME}: the exit outcome, else null
 * @param last  whether the last occurrence counts (otherwise the first)
 * @param at    where it was declared
 */
public record MilestoneSpec(String name, Event event, String stage, String label, String outcome, boolean last,
                            Location at) {
    /** What records a milestone. */
    public enum Event {
        /** The child's arrival. */
        ARRIVAL,
        /** Entering a stage. */
        ENTER,
        /** Leaving a stage. */
        EXIT,
        /** Reaching an exit with a given outcome. */
        OUTCOME
    }

    /** The built-in milestone {@code arrival}. */
    public static final String ARRIVAL = "arrival";
    /** The built-in milestone {@code permanence} (reaching an exit whose outcome is permanence). */
    public static final String PERMANENCE = "permanence";
}
