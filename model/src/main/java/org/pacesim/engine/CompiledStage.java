package org.pacesim.engine;

import org.pacesim.scenario.StageSpec;

/**
 * A stage compiled for the engine: its spec, with every name it uses resolved to an index once, so that the
 * per-event path does no look-ups by name. One per stage, in pathway order, built by {@link StageCompiler}.
 *
 * @param index           the stage's position in the pathway order (and in the result arrays and the trace)
 * @param spec            the stage as the scenario describes it
 * @param enterMilestones the milestones recorded on entering
 * @param routing         the routes out, or null for exits and forks (which route no one)
 * @param forkAround      the fork whose branches hold this stage (a caseload child placed here has its root
 *                        waiting there), or {@link #NOT_IN_A_BRANCH}
 * @param part            what only a stage of this kind needs
 */
record CompiledStage(int index, StageSpec spec, int[] enterMilestones, Model.Routing routing, int forkAround,
                     Part part) {
    /** The {@link #forkAround} of a stage outside every fork's branches. */
    static final int NOT_IN_A_BRANCH = -1;

    /** The stage's name. */
    String name() {
        return spec.name();
    }

    /** What only a stage of one kind needs, resolved. */
    sealed interface Part permits Waits, Served, Sits, Splits, Joins, Leaves {}

    /**
     * A delay.
     *
     * @param until the milestone to wait for and the offset after it, or null for a sampled duration
     */
    record Waits(Until until) implements Part {}

    /**
     * The {@code until:} form of a delay, resolved.
     *
     * @param milestone the milestone's index (-1 for the age form)
     * @param plus      days after it
     * @param age       whether the delay waits until an age drawn for the child ({@code until: {age: ...}}) instead
     */
    record Until(int milestone, double plus, boolean age) {}

    /**
     * A service.
     *
     * @param resource the resource's index
     */
    record Served(int resource) implements Part {}

    /**
     * A meeting.
     *
     * @param sittings the sitting days: those of its calendar rule over the run, or its listed dates (empty for one
     *                 that sits at an interval)
     */
    record Sits(double[] sittings) implements Part {}

    /**
     * A fork.
     *
     * @param branches the first stage of each branch
     */
    record Splits(int[] branches) implements Part {}

    /** A join. */
    record Joins() implements Part {}

    /**
     * An exit.
     *
     * @param outcome the outcome's index in the result layout
     */
    record Leaves(int outcome) implements Part {}
}
