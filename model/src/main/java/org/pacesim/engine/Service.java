package org.pacesim.engine;

import org.pacesim.random.Sampler;

/** A service: one unit of a resource for a sampled duration, waiting in the resource's queue when all are busy. */
final class Service extends StageNode {
    private final ResourcePool pool;
    private final Sampler duration;

    Service(Replication replication, int index, ResourcePool pool, Sampler duration) {
        super(replication, index);
        this.pool = pool;
        this.duration = duration;
    }

    @Override
    void accept(Child c) {
        if (pool.hasFreeServer()) {
            start(c);
        } else {
            replication.stats(index).startWaiting();
            replication.checkQueue(index, pool.enqueue(c));
        }
    }

    /** Takes a server and starts the work; the duration is drawn now, from this stage's own stream. */
    void start(Child c) {
        pool.seize();
        replication.recordWait(c, replication.now() - c.enteredAt);
        replication.traceStart(c);
        c.schedule(duration.sample());
    }

    @Override
    void timerEnded(Child c) {
        pool.release();
        Child next = pool.next();
        if (next != null) {
            // The freed server goes to the head of the queue before the departing child moves on.
            replication.stats(next.stage).stopWaiting();
            ((Service) replication.node(next.stage)).start(next);
        }
        replication.leave(c);
    }

    @Override
    double utilisation() {
        return pool.utilisation;
    }
}
