package org.pacesim.engine;

import java.util.ArrayDeque;

import org.pacesim.random.Sampler;
import org.pacesim.scenario.StageSpec;

import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Event;

/**
 * A meeting: sits on a calendar and hears at most {@code capacity} cases per sitting, first come first heard,
 * among cases that arrived at least {@code papers_due} before the sitting. A decision takes effect at the sitting,
 * or after a sampled decision delay.
 */
final class Meeting extends StageNode {
    private StageSpec.Meeting spec;
    private Sampler decisionDelay;         // null: decision at the sitting
    private final RandomStream decisions;  // the decision delays' stream, under any rules
    private final ArrayDeque<Child> queue = new ArrayDeque<>();
    private double[] dates;                // explicit sitting days (listed, or from a calendar rule), else empty
    private int nextDate;
    private long placesInWindow;
    private long heardInWindow;
    private final Sitting sitting = new Sitting();

    Meeting(Replication replication, int index, StageSpec.Meeting spec, double[] dates, Sampler decisionDelay,
            RandomStream decisions) {
        super(replication, index);
        this.spec = spec;
        this.dates = dates;
        this.decisionDelay = decisionDelay;
        this.decisions = decisions;
        sitting.setPriority(EventOrder.SITTING);
        sitFrom(0);
    }

    /** Schedules the first sitting at or after day {@code t} (none when the calendar has no more). */
    private void sitFrom(double t) {
        boolean listed = spec.rule() != null || dates.length > 0;
        double first;
        if (listed) {
            nextDate = 0;
            while (nextDate < dates.length && dates[nextDate] < t) nextDate++;
            if (nextDate == dates.length) return; // a calendar with no sitting left in the run
            first = dates[nextDate++];
        } else {
            first = t <= spec.first() ? spec.first() : spec.first() + Math.ceil((t - spec.first()) / spec.every()) * spec.every();
        }
        sitting.schedule(first - t);
    }

    /**
     * Takes up new rules: capacity and papers due apply from the next sitting, a decision delay from the next
     * decision; a new calendar replaces the sittings still to come by its own from now on. Cases waiting stay in
     * the queue, in their order.
     */
    @Override
    void takeUp(CompiledStage to, Samplers samplers) {
        StageSpec.Meeting m = (StageSpec.Meeting) to.spec();
        double[] next = ((CompiledStage.Sits) to.part()).sittings();
        boolean sameSittings = m.every() == spec.every() && m.first() == spec.first()
                && java.util.Objects.equals(m.rule(), spec.rule()) && java.util.Arrays.equals(next, dates);
        spec = m;
        dates = next;
        decisionDelay = m.decisionDelay() == null ? null : samplers.duration(m.decisionDelay(), decisions, m.scale());
        if (sameSittings) return;
        sitting.cancel();
        sitFrom(replication.now());
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
