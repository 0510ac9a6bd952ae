package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.pacesim.engine.ChildObserver;
import org.pacesim.engine.Model;
import org.pacesim.engine.Replication;
import org.pacesim.random.StreamBank;
import org.pacesim.stats.ReplicationDetail;
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
        return runAll(range(first, n), threads, progress, r -> new Replication(model, bank, r, null).run(), res -> res);
    }

    /**
     * A replication's results with the detail that charts need.
     *
     * @param result the figures every run reports
     * @param detail curves, time per stage and (replication 0) sample journeys
     */
    public record Completed(ReplicationResult result, ReplicationDetail detail) {}

    /**
     * Runs replications first..first+n-1 as {@link #run(Model, int, int, int, IntConsumer)} does, following each
     * through the engine's trace and observer hooks to gather the detail charts need. The results are identical to
     * a run without the detail: the hooks only watch.
     */
    public static List<Completed> runWithDetail(Model model, int first, int n, int threads, IntConsumer progress) {
        return runWithDetail(model, range(first, n), threads, progress, true);
    }

    /**
     * Runs the given replications (each on its own substream, as in a run of them all), gathering as much detail
     * as {@code detail} asks; results come back in the order given. A shard of a run on a cluster
     * runs every n-th replication this way.
     */
    public static List<Completed> run(Model model, int[] replications, int threads, IntConsumer progress,
                                      Detail detail) {
        if (detail.any()) return runWithDetail(model, replications, threads, progress, detail == Detail.RUN_CHARTS);
        StreamBank bank = new StreamBank(model.scenario().run().seed());
        return runAll(replications, threads, progress, r -> new Completed(new Replication(model, bank, r, null).run(),
                null), Completed::result);
    }

    private static List<Completed> runWithDetail(Model model, int[] replications, int threads, IntConsumer progress,
                                                 boolean months) {
        StreamBank bank = new StreamBank(model.scenario().run().seed());
        return runAll(replications, threads, progress, r -> {
            DetailRecorder recorder = new DetailRecorder(model, r, months);
            ReplicationResult res = new Replication(model, bank, r, recorder).observe(recorder).run();
            return new Completed(res, res.runaway() == null ? recorder.finish(res) : null);
        }, Completed::result);
    }

    /**
     * Runs replications 0..n-1 as {@link #run(Model, int, int, int, IntConsumer)} does, each watched by an observer
     * of its own, and returns what {@code finish} makes of each observer, in replication order: for analyses that
     * need each replication's children rather than its summary figures (a back-test's counts per quarter).
     *
     * @param watch  a new observer for replication r
     * @param finish what to keep of an observer once its replication has run
     * @throws RunawayException when a replication's queue passed the scenario's bound
     */
    public static <W extends ChildObserver, T> List<T> runObserved(Model model, int n, int threads, IntFunction<W> watch,
                                                                   Function<W, T> finish) {
        StreamBank bank = new StreamBank(model.scenario().run().seed());
        List<Watched<W>> done = runAll(range(0, n), threads, null, r -> {
            W w = watch.apply(r);
            return new Watched<>(new Replication(model, bank, r, null).observe(w).run(), w);
        }, Watched::result);
        return done.stream().map(w -> finish.apply(w.observer())).toList();
    }

    /** A replication's results and the observer that watched it. */
    private record Watched<W>(ReplicationResult result, W observer) {}

    /** The replication numbers first..first+n-1. */
    private static int[] range(int first, int n) {
        return IntStream.range(first, first + n).toArray();
    }

    private static <T> List<T> runAll(int[] replications, int threads, IntConsumer progress, IntFunction<T> one,
                                      Function<T, ReplicationResult> resultOf) {
        int n = replications.length;
        if (threads <= 1) {
            List<T> out = new ArrayList<>(n);
            for (int r : replications) {
                T res = one.apply(r);
                if (resultOf.apply(res).runaway() != null) {
                    throw new RunawayException(resultOf.apply(res).runaway(), results(out, resultOf));
                }
                out.add(res);
                if (progress != null) progress.accept(out.size());
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
            List<Future<T>> futures = new ArrayList<>(n);
            for (int rep : replications) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) return null;
                    T res = one.apply(rep);
                    if (resultOf.apply(res).runaway() != null) stop.set(true);
                    if (progress != null) progress.accept(done.incrementAndGet());
                    return res;
                }));
            }
            List<T> out = new ArrayList<>(n);
            for (Future<T> f : futures) {
                T res = f.get();
                if (res == null || resultOf.apply(res).runaway() != null) {
                    String why = res != null ? resultOf.apply(res).runaway() : firstRunaway(futures, resultOf);
                    throw new RunawayException(why, results(out, resultOf));
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

    private static <T> List<ReplicationResult> results(List<T> done, Function<T, ReplicationResult> resultOf) {
        return done.stream().map(resultOf).toList();
    }

    private static <T> String firstRunaway(List<Future<T>> futures, Function<T, ReplicationResult> resultOf)
            throws InterruptedException, ExecutionException {
        for (Future<T> f : futures) {
            T r = f.get();
            if (r != null && resultOf.apply(r).runaway() != null) return resultOf.apply(r).runaway();
        }
        return "a queue ran away";
    }
}
