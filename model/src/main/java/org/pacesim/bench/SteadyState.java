package org.pacesim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import org.pacesim.engine.Model;
import org.pacesim.engine.Replication;
import org.pacesim.random.StreamBank;
import org.pacesim.stats.ReplicationResult;

/**
 * Single-thread speed after JIT warm-up. A round runs the same replications (0..m-1) each time, so every round does
 * identical work; rounds run until the warm-up time has passed, then a fixed number are timed and the median is
 * reported, which is robust to a noisy neighbour on the machine.
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
     */
    record Throughput(double journeysPerSecond, double eventsPerSecond, int replicationsPerRound,
                      double secondsPerReplication, double journeysPerReplication, double journeysPerCpuSecond) {
        /** Nanoseconds of wall time per journey. */
        double nanosPerJourney() {
            return 1e9 / journeysPerSecond;
        }
    }

    private SteadyState() {}

    /**
     * Measures a model.
     *
     * @param model        the compiled scenario
     * @param warmupSeconds run rounds at least this long before timing
     * @param roundSeconds aim for rounds about this long
     * @param rounds       timed rounds (the median is reported)
     */
    static Throughput measure(Model model, double warmupSeconds, double roundSeconds, int rounds) {
        StreamBank bank = new StreamBank(model.scenario().run().seed());
        double[] probe = round(model, bank, 1);
        int m = (int) Math.max(1, Math.min(10_000, Math.round(roundSeconds / Math.max(probe[0], 1e-6))));
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            double[] r = round(model, bank, m);
            // recalibrate while warming up: the first rounds run slower than steady state
            m = (int) Math.max(1, Math.min(10_000, Math.round(roundSeconds * m / Math.max(r[0], 1e-6))));
        } while (System.nanoTime() < warmEnd);
        double[] seconds = new double[rounds];
        double[] cpu = new double[rounds];
        double arrivals = 0, events = 0;
        for (int i = 0; i < rounds; i++) {
            double[] r = round(model, bank, m);
            seconds[i] = r[0];
            arrivals = r[1];
            events = r[2];
            cpu[i] = r[3];
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        double median = seconds[rounds / 2];
        return new Throughput(arrivals / median, events / median, m, median / m, arrivals / m,
                arrivals / cpu[rounds / 2]);
    }

    /** Runs replications 0..m-1 on this thread: {seconds, arrivals, events, CPU seconds}. */
    private static double[] round(Model model, StreamBank bank, int m) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long arrivals = 0, events = 0;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int r = 0; r < m; r++) {
            ReplicationResult res = new Replication(model, bank, r, null).run();
            arrivals += res.arrivals();
            events += res.events();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return new double[] {wall, arrivals, events, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9};
    }
}
