package org.pacesim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.pacesim.engine.Model;
import org.pacesim.engine.Replication;
import org.pacesim.experiment.Detail;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.random.StreamBank;
import org.pacesim.stats.ReplicationResult;

/**
 * Single-thread speed after JIT warm-up. A round runs the same replications (0..m-1) each time, so every round does
 * identical work; rounds run until the warm-up time has passed, then a fixed number are timed and the median is
 * reported, which is robust to a noisy neighbour on the machine. The engine alone and the product path (what
 * {@code pace run} records besides) take turns round by round, so that their ratio is measured side by side.
 */
final class SteadyState {
    /**
     * What one thread does per second.
     *
     * @param journeysPerSecond children who arrived (and made their journey) per second of wall time
     * @param eventsPerSecond   events executed per second
     * @param replicationsPerRound replications in each timed round
     * @param secondsPerReplication median wall time of one replication
     * @param journeysPerReplication arrivals in one replication (mean over the round)
     * @param journeysPerCpuSecond journeys per second of the thread's CPU time (median): less disturbed than wall
     *                             time by other processes on a shared machine, for comparing two builds
     * @param bytesPerReplication  heap allocated per replication by the timing thread (NaN where the JVM cannot
     *                             tell): the same on any machine at any load, so a change's effect on it shows even
     *                             when timings are too noisy to
     */
    record Throughput(double journeysPerSecond, double eventsPerSecond, int replicationsPerRound,
                      double secondsPerReplication, double journeysPerReplication, double journeysPerCpuSecond,
                      double bytesPerReplication) {
        /** Nanoseconds of wall time per journey. */
        double nanosPerJourney() {
            return 1e9 / journeysPerSecond;
        }
    }

    private SteadyState() {}

    /** What a timed replication does. */
    enum Work {
        /** The engine alone: the replication's summary figures, as {@code pace bench} has always timed. */
        ENGINE,
        /**
         * Everything {@code pace run} does per replication before drawing: the engine watched by the recorders of
         * the detail charts need (curves, time per stage, sample journeys, run-chart points), and the summary
         * across the round's replications.
         */
        PRODUCT
    }

    /**
     * The engine alone and the product path on the same replications, timed in alternate rounds so that a noisy
     * neighbour disturbs both alike.
     *
     * @param engine  the engine alone
     * @param product with everything {@code pace run} records
     */
    record SideBySide(Throughput engine, Throughput product) {
        /** Wall time per replication of the product path over the engine alone. */
        double ratio() {
            return product.secondsPerReplication() / engine.secondsPerReplication();
        }

        /** The same ratio in CPU time of the timing thread, less disturbed by other processes. */
        double cpuRatio() {
            return engine.journeysPerCpuSecond() / product.journeysPerCpuSecond();
        }
    }

    /**
     * Measures a model, the engine alone.
     *
     * @param model        the compiled scenario
     * @param warmupSeconds run rounds at least this long before timing
     * @param roundSeconds aim for rounds about this long
     * @param rounds       timed rounds (the median is reported)
     */
    static Throughput measure(Model model, double warmupSeconds, double roundSeconds, int rounds) {
        return measure(new ScenarioResults.Prepared(model, null), warmupSeconds, roundSeconds, rounds,
                List.of(Work.ENGINE)).get(0);
    }

    /** Measures the engine alone and the product path side by side (see {@link #measure(Model, double, double, int)}). */
    static SideBySide sideBySide(ScenarioResults.Prepared p, double warmupSeconds, double roundSeconds, int rounds) {
        List<Throughput> t = measure(p, warmupSeconds, roundSeconds, rounds, List.of(Work.ENGINE, Work.PRODUCT));
        return new SideBySide(t.get(0), t.get(1));
    }

    /**
     * Times each kind of work on the same replications 0..m-1, m chosen from the engine alone so that a round of it
     * takes about {@code roundSeconds}; the kinds take turns, round by round, in warm-up and in timing.
     */
    private static List<Throughput> measure(ScenarioResults.Prepared p, double warmupSeconds, double roundSeconds,
                                            int rounds, List<Work> works) {
        Model model = p.model();
        StreamBank bank = new StreamBank(model.scenario().run().seed());
        double[] probe = round(p, bank, 1, Work.ENGINE);
        int m = (int) Math.max(1, Math.min(10_000, Math.round(roundSeconds / Math.max(probe[0], 1e-6))));
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            for (Work w : works) {
                double[] r = round(p, bank, m, w);
                // recalibrate while warming up: the first rounds run slower than steady state
                if (w == Work.ENGINE) {
                    m = (int) Math.max(1, Math.min(10_000, Math.round(roundSeconds * m / Math.max(r[0], 1e-6))));
                }
            }
        } while (System.nanoTime() < warmEnd);
        List<Throughput> out = new ArrayList<>();
        double[][] seconds = new double[works.size()][rounds];
        double[][] cpu = new double[works.size()][rounds];
        double arrivals = 0, events = 0;
        double[] bytes = new double[works.size()];
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < works.size(); k++) {
                double[] r = round(p, bank, m, works.get(k));
                seconds[k][i] = r[0];
                arrivals = r[1];
                events = r[2];
                cpu[k][i] = r[3];
                bytes[k] = r[4];
            }
        }
        for (int k = 0; k < works.size(); k++) {
            Arrays.sort(seconds[k]);
            Arrays.sort(cpu[k]);
            double median = seconds[k][rounds / 2];
            out.add(new Throughput(arrivals / median, events / median, m, median / m, arrivals / m,
                    arrivals / cpu[k][rounds / 2], bytes[k] / m));
        }
        return out;
    }

    /** Runs replications 0..m-1 on this thread: {seconds, arrivals, events, CPU seconds}. */
    private static double[] round(ScenarioResults.Prepared p, StreamBank bank, int m, Work work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long arrivals = 0, events = 0;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long bytes0 = allocated();
        long t0 = System.nanoTime();
        if (work == Work.ENGINE) {
            for (int r = 0; r < m; r++) {
                ReplicationResult res = new Replication(p.model(), bank, r, null).run();
                arrivals += res.arrivals();
                events += res.events();
            }
        } else {
            // as pace run -t 1 runs them: the same call, then the same summary
            List<ScenarioRun.Completed> done = ScenarioRun.run(p.model(), IntStream.range(0, m).toArray(), 1, null,
                    Detail.CHARTS);
            ScenarioResults results = ScenarioResults.ofCompleted(p, done, 1, 0);
            for (ReplicationResult res : results.replications()) {
                arrivals += res.arrivals();
                events += res.events();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long bytes = allocated() - bytes0;
        return new double[] {wall, arrivals, events, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9,
                bytes0 < 0 ? Double.NaN : bytes};
    }

    /** Bytes this thread has allocated so far, or -1 where the JVM does not count them. */
    private static long allocated() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                ? t.getThreadAllocatedBytes(Thread.currentThread().getId()) : -1;
    }
}
