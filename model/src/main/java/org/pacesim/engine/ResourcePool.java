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
    private int capacity;
    private final TimeAverage busyLevel;
    private final TimeAverage capacityLevel;  // differs from a constant only with a schedule
    double utilisation = Double.NaN;

    @SuppressWarnings("unchecked")
    ResourcePool(Simulator sim, Model.Resource spec) {
        this.spec = spec;
        this.queues = new ArrayDeque[spec.classes()];
        for (int i = 0; i < queues.length; i++) queues[i] = new ArrayDeque<>();
        this.busyLevel = new TimeAverage(sim);
        this.capacity = spec.capacity();
        this.capacityLevel = new TimeAverage(sim);
        capacityLevel.restart(capacity);
    }

    boolean hasFreeServer() {
        return busy < capacity;
    }

    /** A scheduled change of capacity; servers above it finish their work first (no pre-emption). */
    void setCapacity(int c) {
        capacity = c;
        capacityLevel.update(c);
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
        capacityLevel.restart(capacity);
    }

    /** Utilisation: time-average busy over time-average capacity in the window. */
    void closeWindow() {
        utilisation = spec.changeAt().length == 0 ? busyLevel.average() / spec.capacity()
                : busyLevel.average() / capacityLevel.average();
    }
}
