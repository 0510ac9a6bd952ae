package org.pacesim.engine;

import org.pacesim.random.Sampler;

/** A delay: a sampled duration, or until a milestone plus an offset; no capacity limit. */
final class Delay extends StageNode {
    private final Sampler duration;     // null for the until form
    private final int untilMilestone;
    private final double untilPlus;

    Delay(Replication replication, int index, Sampler duration, int untilMilestone, double untilPlus) {
        super(replication, index);
        this.duration = duration;
        this.untilMilestone = untilMilestone;
        this.untilPlus = untilPlus;
    }

    @Override
    void accept(Child c) {
        double d;
        if (duration != null) {
            d = duration.sample();
        } else {
            // A milestone never reached, or a time already passed, means: go on at once.
            double at = c.milestones[untilMilestone] + untilPlus;
            d = Double.isNaN(at) ? 0 : Math.max(0, at - replication.now());
        }
        c.schedule(d);
    }
}
