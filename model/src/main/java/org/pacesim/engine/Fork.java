package org.pacesim.engine;

/**
 * A fork: starts one branch per listed stage for the same child. The child itself stays "in" the fork until its
 * join releases it, so the fork's time in stage is the length of the parallel section.
 */
final class Fork extends StageNode {
    private final int[] branches;

    Fork(Replication replication, int index, int[] branches) {
        super(replication, index);
        this.branches = branches;
    }

    @Override
    void accept(Child c) {
        c.pendingBranches = branches.length;
        for (int b : branches) replication.enter(new Child(c), b);
    }
}
