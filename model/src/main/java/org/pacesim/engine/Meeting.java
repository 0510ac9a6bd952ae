package org.pacesim.engine;

import java.util.ArrayDeque;

import org.pacesim.random.Sampler;
import org.pacesim.scenario.StageSpec;

import umontreal.ssj.simevents.Event;

/**
 * A meeting: sits on a calendar and hears at most {@code capacity} cases per sitting, first come first heard,
 * among cases that arrived at least {@code papers_due} before the sitting. A decision takes effect at the sitting,
 * or after a sampled decision delay.
 */
final class Meeting extends StageNode {
    private final StageSpec.Meeting spec;
    private final Sampler decisionDelay;   // null: decision at the sitting
    private final ArrayDeque<Child> queue = new ArrayDeque<>();
    private final double[] dates;          // explicit sitting days (listed, or from a calendar rule), else empty
    private int nextDate;
    private long placesInWindow;
    private long heardInWindow;

    Meeting(Replication replication, int index, StageSpec.Meeting spec, double[] dates, Sampler decisionDelay) {
        super(replication, index);
        this.spec = spec;
        this.dates = dates;
        this.decisionDelay = decisionDelay;
        boolean listed = spec.rule() != null || dates.length > 0;
        if (listed && dates.length == 0) return; // a calendar rule with no sitting in the run
        double first = listed ? dates[0] : spec.first();
        if (listed) nextDate = 1;
        Sitting sitting = new Sitting();
        sitting.setPriority(EventOrder.SITTING);
        sitting.schedule(first);
    }

    @Override
    void accept(Child c) {
        queue.addLast(c); // entry times are non-decreasing along the queue, so the eligible cases are a prefix
        replication.stats(index).startWaiting();
        replication.checkQueue(index, queue.size());
    }

    private void sit() {
        double now = replication.now();
        double due = now - spec.papersDue();
        int eligible = 0;
        for (Child c : queue) {
            if (c.enteredAt > due) break;
            if (++eligible == spec.capacity()) break;
        }
        boolean inWindow = replication.inWindow(now);
        if (inWindow && !spec.unlimited()) placesInWindow += spec.capacity();
        if (inWindow) heardInWindow += eligible;
        StageStats stats = replication.stats(index);
        for (int k = 0; k < eligible; k++) {
            Child c = queue.pollFirst();
            stats.stopWaiting();
            replication.recordWait(c, now - c.enteredAt);
            replication.traceStart(c);
            if (decisionDelay == null) replication.leave(c);
            else c.schedule(decisionDelay.sample());
        }
    }

    private double nextSitting() {
        if (spec.rule() == null && dates.length == 0) return spec.every(); // a meeting that sits at an interval
        if (nextDate >= dates.length) return Double.NaN;
        return dates[nextDate++] - replication.now();
    }

    @Override
    double utilisation() {
        return placesInWindow == 0 ? Double.NaN : (double) heardInWindow / placesInWindow;
    }

    /** One sitting; schedules itself for the next (the SSJ idiom for a recurring event). */
    private final class Sitting extends Event {
        Sitting() {
            super(replication.simulator());
        }

        @Override
        public void actions() {
            sit();
            double gap = nextSitting();
            if (!Double.isNaN(gap)) schedule(gap);
        }
    }
}
