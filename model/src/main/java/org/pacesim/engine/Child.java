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
 *
 * <p>A root's object is used again, with its arrays, for a later arrival once its journey has ended (see
 * {@link #begin}, {@link ChildrenInSystem}): what a journey sets is all set there, so a field added to a child is
 * reset there too.
 */
final class Child extends Event {
    private final Replication replication;
    /** Identifier within the replication (branches share their root's). */
    long id;
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
    boolean cohort;
    /** Whether the child was in the system at the start (today's caseload), a cohort of its own. */
    boolean caseload;
    double arrival;
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
    /** Position among the children in the system (roots only; kept by {@link ChildrenInSystem}). */
    int slot = -1;
    /**
     * The object's number among the replication's child objects (see {@link Trace#step}): fixed for the object, so
     * carried over to the later children who reuse it; a branch has its root's.
     */
    final int seat;
    /** Branches still to arrive at the join (roots in a fork). */
    int pendingBranches;
    /** Branches waiting at the join (roots in a fork). */
    List<Child> waitingBranches;

    /** A root child with room for the model's attributes and milestones; {@link #begin} starts its journey. */
    Child(Replication replication, int attributeCount, int milestoneCount, int seat) {
        super(replication.simulator());
        this.replication = replication;
        this.root = this;
        this.seat = seat;
        this.levels = new int[attributeCount];
        this.milestones = new double[milestoneCount];
    }

    /**
     * Starts a journey: a child arriving at {@code now}, {@code age} days old (NaN when children have no age), with
     * these levels (copied) and no milestone reached. The object may have carried an earlier child, whose journey
     * has ended: everything a journey sets is set here.
     */
    Child begin(long id, int profile, int[] levels, boolean cohort, boolean caseload, double now, double age) {
        this.id = id;
        this.profile = profile;
        System.arraycopy(levels, 0, this.levels, 0, this.levels.length);
        Arrays.fill(milestones, Double.NaN);
        this.cohort = cohort;
        this.caseload = caseload;
        this.arrival = now;
        this.birth = now - age;
        this.stage = -1;
        this.enteredAt = 0;
        this.transitTo = -1;
        this.pendingBranches = 0;
        this.waitingBranches = null;
        return this;
    }

    /** A branch of {@code root} started by a fork. */
    Child(Child root) {
        super(root.replication.simulator());
        this.replication = root.replication;
        this.id = root.id;
        this.root = root;
        this.seat = root.seat;
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
