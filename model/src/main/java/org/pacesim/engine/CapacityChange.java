package org.pacesim.engine;

import umontreal.ssj.simevents.Event;

/**
 * Steps a resource's capacity through its schedule. Work in progress is never pre-empted: when capacity drops,
 * children being served finish and their servers are not refilled until busy is below the new capacity; when it
 * rises, children waiting start at once.
 */
final class CapacityChange extends Event {
    private final Replication replication;
    private final ResourcePool pool;
    private int step;

    CapacityChange(Replication replication, ResourcePool pool) {
        super(replication.simulator());
        this.replication = replication;
        this.pool = pool;
        setPriority(EventOrder.CAPACITY);
    }

    @Override
    public void actions() {
        double[] at = pool.spec.changeAt();
        pool.setCapacity(pool.spec.changeTo()[step++]);
        Child next;
        while (pool.hasFreeServer() && (next = pool.next()) != null) {
            replication.stats(next.stage).stopWaiting();
            ((Service) replication.node(next.stage)).start(next);
        }
        if (step < at.length) schedule(at[step] - sim.time());
    }
}
