package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.pacesim.engine.Model;
import org.pacesim.engine.Replication;
import org.pacesim.random.StreamBank;
import org.pacesim.stats.ReplicationResult;

/**
 * Runs the replications of one model on a pool of threads. Replication r always uses substream r, whatever thread
 * runs it, and results are returned in replication order, so the outcome is bit-identical for any thread count.
 */
public final class ScenarioRun {
    private ScenarioRun() {}

    /**
     * A replication stopped early because a queue ran away. Carries the replications that did finish before it
     * (a prefix 0..k-1 in replication order), so that they can be kept as partial results.
     */
    public static final class RunawayException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<ReplicationResult> completed;

        RunawayException(String message, List<ReplicationResult> completed) {
            super(message);
            this.completed = List.copyOf(completed);
        }

        /** The replications completed before the first that ran away, in order. */
        public List<ReplicationResult> completed() {
            return completed;
        }
    }

    /**
     * Runs replications 0..n-1.
     *
     * @param model    the compiled scenario
     * @param n        replications
     * @param threads  worker threads (at least 1)
     * @param progress told the number of replications done after each one finishes (any thread), or null
     * @return results in replication order
     * @throws RunawayException when a replication's queue passed the scenario's bound (the others are cancelled)
     */
    public static List<ReplicationResult> run(Model model, int n, int threads, IntConsumer progress) {
        return run(model, 0, n, threads, progress);
    }

    /**
     * Runs replications first..first+n-1 (substreams of the same numbers). Starting further along gives
     * replications independent of those of another run of the same seed, for measuring what common random
     * numbers gain.
     */
    public static List<ReplicationResult> run(Model model, int first, int n, int threads, IntConsumer progress) {
        StreamBank bank = new StreamBank(model.scenario().run().seed());
        if (threads <= 1) {
            List<ReplicationResult> out = new ArrayList<>(n);
            for (int r = first; r < first + n; r++) {
                ReplicationResult res = new Replication(model, bank, r, null).run();
                if (res.runaway() != null) throw new RunawayException(res.runaway(), out);
                out.add(res);
                if (progress != null) progress.accept(r - first + 1);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "replication");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Future<ReplicationResult>> futures = new ArrayList<>(n);
            for (int r = first; r < first + n; r++) {
                final int rep = r;
                futures.add(pool.submit(() -> {
                    if (stop.get()) return null;
                    ReplicationResult res = new Replication(model, bank, rep, null).run();
                    if (res.runaway() != null) stop.set(true);
                    if (progress != null) progress.accept(done.incrementAndGet());
                    return res;
                }));
            }
            List<ReplicationResult> out = new ArrayList<>(n);
            for (Future<ReplicationResult> f : futures) {
                ReplicationResult res = f.get();
                if (res == null || res.runaway() != null) {
                    String why = res != null ? res.runaway() : firstRunaway(futures);
                    throw new RunawayException(why, out);
                }
                out.add(res);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String firstRunaway(List<Future<ReplicationResult>> futures) throws InterruptedException,
            ExecutionException {
        for (Future<ReplicationResult> f : futures) {
            ReplicationResult r = f.get();
            if (r != null && r.runaway() != null) return r.runaway();
        }
        return "a queue ran away";
    }
}
