package org.pacesim.engine;

/**
 * A join: holds each branch until all branches of the same child have arrived, then the child goes on as one.
 * A branch's wait here is the time until its last sibling arrives.
 */
final class Join extends StageNode {
    Join(Replication replication, int index) {
        super(replication, index);
    }

    @Override
    void accept(Child branch) {
        Child root = branch.root;
        root.holdBranch(branch);
        replication.stats(index).startWaiting();
        if (--root.pendingBranches > 0) return;
        double now = replication.now();
        StageStats stats = replication.stats(index);
        for (Child b : root.waitingBranches) {
            stats.stopWaiting();
            replication.recordWait(b, now - b.enteredAt);
            replication.recordLeave(b);
        }
        root.waitingBranches = null;
        replication.recordLeave(root);     // the root leaves its fork
        root.stage = index;
        root.enteredAt = now;
        replication.route(root);           // and goes on by the join's routes
    }
}
