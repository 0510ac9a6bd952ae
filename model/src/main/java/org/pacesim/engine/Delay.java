package org.pacesim.engine;

import java.util.function.DoubleUnaryOperator;

import org.pacesim.random.Sampler;
import org.pacesim.scenario.StageSpec;

import umontreal.ssj.rng.RandomStream;

/**
 * A delay: a sampled duration, until a milestone plus an offset, or until the child reaches an age drawn for it; no
 * capacity limit.
 */
final class Delay extends StageNode {
    private Sampler duration;           // null for the until form; the age waited for in the age form
    private int untilMilestone;
    private double untilPlus;
    private boolean untilAge;
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

    /** A delay until the child reaches the age {@code age} draws for it (or at once if it is older). */
    Delay(Replication replication, int index, Sampler age, RandomStream stream) {
        this(replication, index, age, null, -1, 0, stream);
        this.untilAge = true;
    }

    @Override
    void accept(Child c) {
        double d;
        if (untilAge) {
            // An age already passed (or a child without one) means: go on at once.
            double at = c.root.birth + duration.sample();
            d = Double.isNaN(at) ? 0 : Math.max(0, at - replication.now());
        } else if (duration != null) {
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
        untilAge = u != null && u.age();
        duration = untilAge ? samplers.duration(d.until().age(), stream, 1.0)
                : d.duration() == null ? null : samplers.duration(d.duration(), stream, d.scale());
        untilMilestone = u == null ? -1 : u.milestone();
        untilPlus = u == null ? 0 : u.plus();
    }

    @Override
    void resume(Child c, double elapsed) {
        if (duration == null || untilAge) accept(c); // the until forms count from a time already known
        else c.schedule(residual.applyAsDouble(elapsed));
    }
}
