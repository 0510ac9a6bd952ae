package org.pacesim.engine;

/**
 * The behaviour of one stage in one replication. The replication does the bookkeeping common to all stages
 * (milestones, statistics, routing); a node does only what its kind means.
 */
abstract class StageNode {
    final Replication replication;
    final int index;

    StageNode(Replication replication, int index) {
        this.replication = replication;
        this.index = index;
    }

    /** A child has entered the stage (bookkeeping done). */
    abstract void accept(Child c);

    /**
     * A child of the caseload is placed here at the start, having already spent {@code elapsed} days in the stage
     * (bookkeeping done). By default it is treated as just arrived; stages with a duration draw the remaining time.
     */
    void resume(Child c, double elapsed) {
        accept(c);
    }

    /** The child's pending event at this stage fired. */
    void timerEnded(Child c) {
        replication.leave(c);
    }

    /**
     * Takes up a stage's rules from a scenario's dated changes, in place: children already here finish, and what is
     * drawn from now on follows {@code to}. Stages without a duration or sittings have nothing to take up (their
     * routes are the replication's).
     */
    void takeUp(CompiledStage to, Samplers samplers) {}

    /** Opens the observation window (nodes with their own statistics override). */
    void openWindow() {}

    /** Closes the observation window. */
    void closeWindow() {}

    /** Utilisation over the window, or NaN when the stage has no capacity. */
    double utilisation() {
        return Double.NaN;
    }
}
