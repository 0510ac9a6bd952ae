package org.pacesim.engine;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

import org.pacesim.random.Sampler;
import org.pacesim.random.StreamBank;
import org.pacesim.random.StreamKey;
import org.pacesim.random.StreamKey.Purpose;
import org.pacesim.scenario.StageSpec;

import umontreal.ssj.rng.RandomStream;

/** Builds each stage's behaviour for one replication, with the streams and samplers it draws from. */
final class StageNodes {
    private StageNodes() {}

    /**
     * The behaviour of {@code stage} in {@code replication}.
     *
     * @param number   the replication's number (the substream of every stream)
     * @param caseload whether the run starts with today's caseload (which needs the remainders of durations)
     */
    static StageNode of(Replication replication, CompiledStage stage, StreamBank bank, int number, Samplers samplers,
                        ResourcePool[] pools, boolean caseload) {
        int i = stage.index();
        Function<Purpose, RandomStream> stream = purpose -> bank.stream(StreamKey.stage(stage.name(), purpose), number);
        StageSpec s = stage.spec();
        CompiledStage.Part part = stage.part();
        if (part instanceof CompiledStage.Waits w) {
            StageSpec.Delay d = (StageSpec.Delay) s;
            RandomStream durations = stream.apply(Purpose.DURATION);
            if (w.until() != null && w.until().age()) {
                return new Delay(replication, i, samplers.duration(d.until().age(), durations, 1.0), durations);
            }
            Sampler dur = d.duration() == null ? null : samplers.duration(d.duration(), durations, d.scale());
            DoubleUnaryOperator residual = dur == null || !caseload ? null
                    : samplers.residual(d.duration(), stream.apply(Purpose.RESIDUAL), d.scale());
            return w.until() == null ? new Delay(replication, i, dur, residual, -1, 0, durations)
                    : new Delay(replication, i, dur, residual, w.until().milestone(), w.until().plus(), durations);
        }
        if (part instanceof CompiledStage.Served sv) {
            StageSpec.Service spec = (StageSpec.Service) s;
            DoubleUnaryOperator residual = !caseload ? null
                    : samplers.residual(spec.duration(), stream.apply(Purpose.RESIDUAL), spec.scale());
            RandomStream durations = stream.apply(Purpose.DURATION);
            Sampler duration = samplers.duration(spec.duration(), durations, spec.scale());
            return new Service(replication, i, pools[sv.resource()], duration, residual, durations);
        }
        if (part instanceof CompiledStage.Sits sits) {
            StageSpec.Meeting m = (StageSpec.Meeting) s;
            RandomStream decisions = stream.apply(Purpose.DECISION);
            Sampler decision = m.decisionDelay() == null ? null
                    : samplers.duration(m.decisionDelay(), decisions, m.scale());
            return new Meeting(replication, i, m, sits.sittings(), decision, decisions);
        }
        if (part instanceof CompiledStage.Splits f) return new Fork(replication, i, f.branches());
        if (part instanceof CompiledStage.Joins) return new Join(replication, i);
        return new Exit(replication, i, ((CompiledStage.Leaves) part).outcome());
    }
}
