package org.pacesim.bench;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.List;

import org.pacesim.engine.Model;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.stats.ReplicationResult;

/**
 * What a run keeps on the heap: the live heap after a full collection while the results of its replications are
 * held, less the live heap before the run. Only per-replication summaries are kept (no per-child records), so this
 * grows by a few kilobytes per replication and the rest of a replication's memory is garbage once it ends. A
 * collector's log cannot show this: the heap in use after a young collection also holds dead children promoted to
 * the old generation and not yet collected.
 */
final class Retention {
    private Retention() {}

    /** Megabytes kept by the results of replications 0..n-1 run on {@code threads} threads. */
    static double keptMb(Model model, int replications, int threads) {
        double before = liveMb();
        List<ReplicationResult> results = ScenarioRun.run(model, replications, threads, null);
        double after = liveMb();
        Reference.reachabilityFence(results);
        return after - before;
    }

    private static double liveMb() {
        System.gc(); // a full collection; a second one clears what finalisation or reference processing freed
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
