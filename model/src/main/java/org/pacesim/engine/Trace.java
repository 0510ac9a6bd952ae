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
     * @param seat  the child's seat: a small number, from 0 up to the most children in the system at once, that no
     *              other child in the system has; when a child's journey ends, a later arrival takes its seat (the
     *              most recently freed first). Branches share their root's. An observer can keep its state of each
     *              child in arrays indexed by seat, which stay as small as the system and are found without a
     *              look-up; what it kept for a seat's earlier child is stale once a new child sits there
     * @param stage the stage's index, as in the model's layout (for ARRIVE: the arrival source's index, in the
     *              scenario's order)
     * @param step  what happened
     */
    void step(double time, long child, int seat, int stage, Step step);
}
