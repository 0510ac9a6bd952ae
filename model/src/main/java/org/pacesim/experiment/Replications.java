package org.pacesim.experiment;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.pacesim.engine.Model;

/**
 * Where the replications of a run come from: simulated here, simulated here for one shard only
 * ({@link ShardRun}), or read back from the folders shards wrote ({@link MergedReplications}). A command asks for
 * them scenario by scenario, in an order fixed by its inputs and never by results, so the k-th request of one
 * shard is the k-th request of every other shard and of the merge.
 */
@FunctionalInterface
public interface Replications {
    /** Simulates every replication asked for, in this process. */
    Replications SIMULATE = (model, first, n, threads, progress, detail) ->
            ScenarioRun.run(model, IntStream.range(first, first + n).toArray(), threads, progress, detail);

    /**
     * Replications first..first+n-1 of a model, in replication order (a source that holds only some of them, such
     * as one shard, returns those it holds).
     *
     * @param threads  worker threads
     * @param progress told the number done after each one, or null
     * @param detail   what to gather beyond the figures
     * @throws ScenarioRun.RunawayException when a replication's queue passed the scenario's bound
     */
    List<ScenarioRun.Completed> run(Model model, int first, int n, int threads, IntConsumer progress, Detail detail);

    /**
     * The source for one point of a design run at many points (an uncertainty design): shards share its
     * (point, replication) units in turn, so that each shard has work even with more shards than replications.
     * Replication r still uses substream r at every point.
     *
     * @param point              the point, from 0
     * @param replicationsPerPoint replications run at each point
     */
    default Replications atPoint(int point, int replicationsPerPoint) {
        return this;
    }
}
