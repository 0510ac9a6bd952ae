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
     * @param detail    whether the detail charts need was gathered
     * @param completed this shard's replications, in order
     */
    public record Request(Scenario scenario, int first, int n, boolean detail, List<ScenarioRun.Completed> completed) {}

    /** A run of one shard. */
    public ShardRun(Shard shard) {
        this.shard = shard;
    }

    @Override
    public List<ScenarioRun.Completed> run(Model model, int first, int n, int threads, IntConsumer progress,
                                           boolean detail) {
        List<ScenarioRun.Completed> done = ScenarioRun.run(model, shard.of(first, n), threads, progress, detail);
        requests.add(new Request(model.scenario(), first, n, detail, done));
        return done;
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
