package org.pacesim.bench;

import java.util.Arrays;
import java.util.List;

import org.pacesim.engine.Model;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.stats.ReplicationResult;

/**
 * The speed-up from one thread to several on the same replications, run as {@code pace run} runs them, and a check
 * that both give bit-identical results. Each timing is repeated and the median kept.
 */
final class Speedup {
    /**
     * @param replications replications in each timed run
     * @param threads      threads of the parallel run
     * @param oneThread    median seconds on one thread
     * @param parallel     median seconds on {@code threads} threads
     * @param identical    whether every replication's results were bit-identical
     */
    record Result(int replications, int threads, double oneThread, double parallel, boolean identical) {
        double ratio() {
            return oneThread / parallel;
        }
    }

    private Speedup() {}

    /**
     * @param model        a model already warmed up (see {@link SteadyState})
     * @param replications replications per run (a multiple of the thread count keeps the cores evenly loaded)
     * @param threads      threads of the parallel run
     * @param repeats      timed runs of each kind
     */
    static Result measure(Model model, int replications, int threads, int repeats) {
        double[] one = new double[repeats];
        double[] many = new double[repeats];
        boolean identical = true;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            List<ReplicationResult> a = ScenarioRun.run(model, replications, 1, null);
            one[i] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            List<ReplicationResult> b = ScenarioRun.run(model, replications, threads, null);
            many[i] = (System.nanoTime() - t0) / 1e9;
            identical &= same(a, b);
        }
        Arrays.sort(one);
        Arrays.sort(many);
        return new Result(replications, threads, one[repeats / 2], many[repeats / 2], identical);
    }

    static boolean same(List<ReplicationResult> a, List<ReplicationResult> b) {
        if (a.size() != b.size()) return false;
        for (int r = 0; r < a.size(); r++) {
            ReplicationResult x = a.get(r), y = b.get(r);
            if (!Arrays.deepEquals(x.measures(), y.measures()) || !Arrays.deepEquals(x.stages(), y.stages())
                    || !Arrays.equals(x.outcomes(), y.outcomes()) || x.events() != y.events()
                    || x.arrivals() != y.arrivals()) {
                return false;
            }
        }
        return true;
    }
}
