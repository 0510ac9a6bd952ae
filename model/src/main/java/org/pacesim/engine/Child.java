package org.pacesim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import umontreal.ssj.simevents.Event;

/**
 * A child: the entity that moves through the stages. A child is also its own SSJ event: at any moment it waits for
 * at most one timed thing (a delay, a service, a decision, an {@code after} delay between stages), so one event
 * object per child suffices and no event is allocated per step. Within a fork each branch is a separate
 * {@code Child} that shares its root's milestones.
 */
final class Child extends Event {
    private final Replication replication;
    /** Identifier within the replication (branches share their root's). */
    final long id;
    /** The child this branch belongs to; itself for a root. */
    final Child root;
    /**
     * Attribute profile (see {@link org.pacesim.graph.Profiles}); kept on the root, since a route may set
     * attributes and branches share them.
     */
    int profile;
    /** Level index per attribute; shared by a root and its branches. */
    final int[] levels;
    /** Milestone times in days, NaN when not (yet) reached; shared by a root and its branches. */
    final double[] milestones;
    /** Whether the child arrived in [warmup, horizon). */
    final boolean cohort;
    /** Whether the child was in the system at the start (today's caseload), a cohort of its own. */
    final boolean caseload;
    final double arrival;
    /**
     * When the child was born (days, before its arrival), so that its age at any moment is now minus this; NaN when
     * the scenario gives no ages.
     */
    double birth = Double.NaN;

    /** Current stage index. */
    int stage = -1;
    /** When the current stage was entered. */
    double enteredAt;
    /** Stage to enter when the pending event fires (an {@code after} delay), else -1. */
    int transitTo = -1;
    /** Position in the replication's list of children in the system (roots only). */
    int slot = -1;
    /** Branches still to arrive at the join (roots in a fork). */
    int pendingBranches;
    /** Branches waiting at the join (roots in a fork). */
    List<Child> waitingBranches;

    /** A new child arriving now. */
    Child(Replication replication, long id, int profile, int[] levels, int milestoneCount, boolean cohort,
          boolean caseload, double now) {
        super(replication.simulator());
        this.replication = replication;
        this.id = id;
        this.root = this;
        this.profile = profile;
        this.levels = levels;
        this.milestones = new double[milestoneCount];
        Arrays.fill(milestones, Double.NaN);
        this.cohort = cohort;
        this.caseload = caseload;
        this.arrival = now;
    }

    /** A branch of {@code root} started by a fork. */
    Child(Child root) {
        super(root.replication.simulator());
        this.replication = root.replication;
        this.id = root.id;
        this.root = root;
        this.profile = -1; // branches read their root's
        this.levels = root.levels;
        this.milestones = root.milestones;
        this.cohort = root.cohort;
        this.caseload = root.caseload;
        this.arrival = root.arrival;
    }

    boolean isBranch() {
        return root != this;
    }

    void holdBranch(Child branch) {
        if (waitingBranches == null) waitingBranches = new ArrayList<>();
        waitingBranches.add(branch);
    }

    @Override
    public void actions() {
        replication.fire(this);
    }
}
