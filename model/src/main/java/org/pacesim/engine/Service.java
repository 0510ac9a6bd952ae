package org.pacesim.engine;

import java.util.function.DoubleUnaryOperator;

import org.pacesim.random.Sampler;
import org.pacesim.scenario.StageSpec;

import umontreal.ssj.rng.RandomStream;

/** A service: one unit of a resource for a sampled duration, waiting in the resource's queue when all are busy. */
final class Service extends StageNode {
    private final ResourcePool pool;
    private Sampler duration;
    private final DoubleUnaryOperator residual;    // null without a caseload
    private final RandomStream stream;             // the durations' stream, under any rules

    Service(Replication replication, int index, ResourcePool pool, Sampler duration, DoubleUnaryOperator residual,
            RandomStream stream) {
        super(replication, index);
        this.stream = stream;
        this.pool = pool;
        this.duration = duration;
        this.residual = residual;
    }

    /**
     * A caseload child takes a free server and finishes the work already begun; with none free it waits. Children
     * are placed longest-in-stage first, so those furthest on are the ones being worked on.
     */
    @Override
    void resume(Child c, double elapsed) {
        if (!pool.hasFreeServer()) {
            accept(c);
            return;
        }
        pool.seize();
        replication.traceStart(c);
        c.schedule(residual.applyAsDouble(elapsed));
    }

    /** Work under way finishes as drawn; work started from now on draws from the new distribution. */
    @Override
    void takeUp(CompiledStage to, Samplers samplers) {
        StageSpec.Service spec = (StageSpec.Service) to.spec();
        duration = samplers.duration(spec.duration(), stream, spec.scale());
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
        // With a capacity schedule the server may be gone (capacity dropped while it worked): then no one starts.
        Child next = pool.hasFreeServer() ? pool.next() : null;
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
