package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import org.pacesim.engine.Model;
import org.pacesim.scenario.Scenario;

/**
 * Simulates one shard's share of every request and keeps what was asked and what was run, in order, for the
 * shard folder. The command runs as it always does on the replications returned; its results are not written,
 * as they are a shard's, not the run's.
 */
public final class ShardRun implements Replications {
    private final Shard shard;
    private final List<Request> requests = new ArrayList<>();

    /**
     * One request of the command and this shard's replications of it.
     *
     * @param scenario  the scenario asked for, as run (the request holds nothing that runs, so reports read it)
     * @param first     the first replication asked for
     * @param n         replications asked for
     * @param detail    what was gathered beyond the figures
     * @param completed this shard's replications, in order
     * @param runaway   why the request stopped in this shard, or null
     */
    public record Request(Scenario scenario, int first, int n, Detail detail, List<ScenarioRun.Completed> completed,
                          Runaway runaway) {}

    /**
     * A request whose replications ran away in this shard, kept so that a merge stops the same request the same
     * way (a command that carries on past a runaway, as an uncertainty design does, carries on in the merge too).
     *
     * @param message     why it stopped
     * @param replication the replication that ran away (the first in order, as in one process)
     */
    public record Runaway(String message, int replication) {}

    /** A run of one shard. */
    public ShardRun(Shard shard) {
        this.shard = shard;
    }

    @Override
    public List<ScenarioRun.Completed> run(Model model, int first, int n, int threads, IntConsumer progress,
                                           Detail detail) {
        return run(model, first, n, threads, progress, detail, 0);
    }

    @Override
    public Replications atPoint(int point, int replicationsPerPoint) {
        long offset = (long) point * replicationsPerPoint;
        return (model, first, n, threads, progress, detail) -> run(model, first, n, threads, progress, detail, offset);
    }

    private List<ScenarioRun.Completed> run(Model model, int first, int n, int threads, IntConsumer progress,
                                            Detail detail, long offset) {
        int[] mine = shard.of(first, n, offset);
        try {
            List<ScenarioRun.Completed> done = ScenarioRun.run(model, mine, threads, progress, detail);
            requests.add(new Request(model.scenario(), first, n, detail, done, null));
            return done;
        } catch (ScenarioRun.RunawayException e) {
            List<ScenarioRun.Completed> done = e.completed().stream().map(r -> new ScenarioRun.Completed(r, null))
                    .toList();
            int at = mine[Math.min(done.size(), mine.length - 1)];
            requests.add(new Request(model.scenario(), first, n, detail, done, new Runaway(e.getMessage(), at)));
            throw e;
        }
    }

    /** The shard. */
    public Shard shard() {
        return shard;
    }

    /** The requests so far, in the order made. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }
}
