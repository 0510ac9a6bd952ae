package org.pacesim.engine;

import java.util.function.DoubleUnaryOperator;

import org.pacesim.random.Sampler;

/** A delay: a sampled duration, or until a milestone plus an offset; no capacity limit. */
final class Delay extends StageNode {
    private final Sampler duration;     // null for the until form
    private final int untilMilestone;
    private final double untilPlus;
    private final DoubleUnaryOperator residual;    // null without a caseload

    Delay(Replication replication, int index, Sampler duration, DoubleUnaryOperator residual, int untilMilestone,
          double untilPlus) {
        super(replication, index);
        this.residual = residual;
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

    @Override
    void resume(Child c, double elapsed) {
        if (duration == null) accept(c); // the until form counts from a milestone, already known
        else c.schedule(residual.applyAsDouble(elapsed));
    }
}
