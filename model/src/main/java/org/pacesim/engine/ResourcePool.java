package org.pacesim.engine;

import java.util.ArrayDeque;

import umontreal.ssj.simevents.Simulator;

/**
 * A resource's servers and its queue, shared by every service stage that names it. FIFO within a priority class;
 * classes (from an attribute, optional) are served in order.
 */
final class ResourcePool {
    final Model.Resource spec;
    private final ArrayDeque<Child>[] queues;
    private int queued;
    int busy;
    private final TimeAverage busyLevel;
    double utilisation = Double.NaN;

    @SuppressWarnings("unchecked")
    ResourcePool(Simulator sim, Model.Resource spec) {
        this.spec = spec;
        this.queues = new ArrayDeque[spec.classes()];
        for (int i = 0; i < queues.length; i++) queues[i] = new ArrayDeque<>();
        this.busyLevel = new TimeAverage(sim);
    }

    boolean hasFreeServer() {
        return busy < spec.capacity();
    }

    void seize() {
        busyLevel.update(++busy);
    }

    void release() {
        busyLevel.update(--busy);
    }

    /** Queues a child; returns the queue length. */
    int enqueue(Child c) {
        int k = spec.priorityAttribute() < 0 ? 0 : spec.rankOfLevel()[c.levels[spec.priorityAttribute()]];
        queues[k].addLast(c);
        return ++queued;
    }

    /** The next child to serve, or null. */
    Child next() {
        if (queued == 0) return null;
        for (ArrayDeque<Child> q : queues) {
            if (!q.isEmpty()) {
                queued--;
                return q.pollFirst();
            }
        }
        return null;
    }

    int queued() {
        return queued;
    }

    void openWindow() {
        busyLevel.restart(busy);
    }

    void closeWindow() {
        utilisation = busyLevel.average() / spec.capacity();
    }
}
