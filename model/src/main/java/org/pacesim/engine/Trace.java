package org.pacesim.engine;

/**
 * Receives every step of every child of one replication, in time order, when asked for (event-log tests, child
 * timelines). Replications run without one by default, at no cost.
 */
@FunctionalInterface
public interface Trace {
    /** What happened. */
    enum Step {
        /** Arrived in the system. */
        ARRIVE,
        /** Entered a stage. */
        ENTER,
        /** Started being worked on (a resource was free, or the meeting heard the case). */
        START,
        /** Left a stage. */
        LEAVE,
        /** Reached an exit. */
        EXIT
    }

    /**
     * @param time  days since the start of the run
     * @param child the child's id (branches share it)
     * @param stage the stage's index, as in the model's layout (for ARRIVE: the arrival source's index, in the
     *              scenario's order)
     * @param step  what happened
     */
    void step(double time, long child, int stage, Step step);
}
