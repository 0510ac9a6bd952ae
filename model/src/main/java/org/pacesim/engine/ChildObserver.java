package org.pacesim.engine;

/**
 * Receives each cohort child's record once, when it reaches an exit or is censored at the end: for analyses
 * that need per-child figures (calibration against published distributions, the milestones of sample children's
 * timelines). Replications run without one by default, keeping memory independent of the number of children.
 */
@FunctionalInterface
public interface ChildObserver {
    /**
     * @param id         the child's id, as in {@link Trace} (so that a trace and an observer can be joined up)
     * @param profile    the child's final attribute profile
     * @param milestones milestone times in days (NaN where not reached), in the order of {@link Model#milestoneNames()};
     *                   the array is reused, copy what you keep
     * @param censored   whether the child was still in the system when the run ended
     */
    void child(long id, int profile, double[] milestones, boolean censored);

    /**
     * Receives each child of today's caseload once, as {@link #child} does the cohort's: when it reaches an exit or
     * is still in the system at the end. Its milestones reached before the run are negative (days before day 0).
     * Ignored unless overridden, so observers of the cohort alone are unaffected.
     */
    default void caseloadChild(long id, int profile, double[] milestones, boolean censored) {}

    /**
     * Receives each child who arrived before the warm-up ended (not in the cohort), as {@link #child} does the
     * cohort's: a site's monthly figures count every child who reached a milestone that month, whenever they arrived.
     * Ignored unless overridden.
     */
    default void earlierChild(long id, int profile, double[] milestones, boolean censored) {}
}
