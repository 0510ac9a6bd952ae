package org.pacesim.engine;

/** An exit: the child leaves the system with an outcome. */
final class Exit extends StageNode {
    private final int outcome;

    Exit(Replication replication, int index, int outcome) {
        super(replication, index);
        this.outcome = outcome;
    }

    @Override
    void accept(Child c) {
        replication.exit(c, outcome);
    }
}
