package org.pacesim.engine;

import java.util.function.DoubleUnaryOperator;

import org.pacesim.random.Sampler;
import org.pacesim.scenario.StageSpec;

import umontreal.ssj.rng.RandomStream;

/** A delay: a sampled duration, or until a milestone plus an offset; no capacity limit. */
final class Delay extends StageNode {
    private Sampler duration;           // null for the until form
    private int untilMilestone;
    private double untilPlus;
    private final DoubleUnaryOperator residual;    // null without a caseload
    private final RandomStream stream;             // the durations' stream, under any rules

    Delay(Replication replication, int index, Sampler duration, DoubleUnaryOperator residual, int untilMilestone,
          double untilPlus, RandomStream stream) {
        super(replication, index);
        this.stream = stream;
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
    void takeUp(CompiledStage to, Samplers samplers) {
        StageSpec.Delay d = (StageSpec.Delay) to.spec();
        CompiledStage.Until u = ((CompiledStage.Waits) to.part()).until();
        duration = d.duration() == null ? null : samplers.duration(d.duration(), stream, d.scale());
        untilMilestone = u == null ? -1 : u.milestone();
        untilPlus = u == null ? 0 : u.plus();
    }

    @Override
    void resume(Child c, double elapsed) {
        if (duration == null) accept(c); // the until form counts from a milestone, already known
        else c.schedule(residual.applyAsDouble(elapsed));
    }
}
