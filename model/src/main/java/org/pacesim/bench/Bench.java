package org.pacesim.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pacesim.engine.Model;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.Scenario;

/**
 * The benchmark: for each workload, single-thread speed in steady state (the engine alone, and with everything
 * {@code pace run} records, side by side), the speed-up from one thread to all, a
 * whole {@code pace run} of a fixed number of replications in a fresh JVM with a capped heap, and how the cost grows
 * when the workload is scaled. Speed is measured here, by a command, never by timed tests.
 */
public final class Bench {
    /**
     * The benchmark's workloads, relative to the project folder: the reference pathway (for comparison with other
     * engines) at 1x and 10x, and the national baseline.
     */
    public static final List<Path> DEFAULT_WORKLOADS = List.of(Path.of("bench/reference-pathway.yaml"),
            Path.of("bench/reference-pathway-10x.yaml"), Path.of("scenarios/baseline-scotland.yaml"));

    /**
     * How to run the benchmark.
     *
     * @param warmupSeconds  JIT warm-up before timing
     * @param roundSeconds   length of one timed round
     * @param rounds         timed rounds (median reported)
     * @param threads        threads for the parallel run
     * @param replications   replications of the whole-process run (0: skip it)
     * @param heap           maximum heap of the whole-process run
     * @param scaleFactors   factors for the scaling figures (1 alone: skip them)
     * @param scaleBy        what the factors multiply
     * @param handLoop       time a whole pace run -r 100 -t 1 against {@link HandWrittenLoop}, on the workloads it
     *                       models
     */
    public record Settings(double warmupSeconds, double roundSeconds, int rounds, int threads, int replications,
                           String heap, List<Integer> scaleFactors, Workload.Scaling scaleBy, boolean handLoop) {}

    /** Replications of the comparison with the hand-written loop (the performance target's figure). */
    static final int HAND_LOOP_REPLICATIONS = 100;

    /**
     * Everything measured for one workload.
     *
     * @param workload   what was run
     * @param scenario   its name
     * @param steady     single-thread speed after warm-up: the engine alone and the product path
     * @param speedup    one thread against all, or null with one thread
     * @param process    the whole-process run, or null when skipped
     * @param fixed      the fixed cost of a run (one replication, all outputs), or null when skipped
     * @param keptTenth  MB kept on the heap by the results of a tenth of the replications (in this JVM), or NaN
     * @param kept       MB kept by the results of all of them, or NaN
     * @param scaling    speed at each scale factor (1 first)
     * @param handLoop   pace run against the hand-written loop of the same model, or null when not measured
     */
    public record Figures(Workload workload, String scenario, SteadyState.SideBySide steady, Speedup.Result speedup,
                          WholeProcess.Result process, WholeProcess.FixedCost fixed, double keptTenth, double kept,
                          List<Scaled> scaling, WholeProcess.HandLoop handLoop) {
        /** Whether the parallel results differed from the sequential ones, or the whole-process run failed. */
        public boolean failed() {
            return speedup != null && !speedup.identical() || process != null && process.exitCode() != 0;
        }
    }

    /**
     * The speed at one scale factor.
     *
     * @param factor     arrivals and capacities times this
     * @param throughput single-thread speed
     */
    public record Scaled(int factor, SteadyState.Throughput throughput) {}

    private Bench() {}

    /**
     * Runs the benchmark on each file and prints the tables.
     *
     * @param progress told what is being measured as it goes
     */
    public static List<Figures> run(List<Path> files, Settings settings, PrintWriter progress)
            throws IOException, InterruptedException {
        List<Figures> all = new ArrayList<>();
        for (Path f : files) all.add(one(Workload.of(f), settings, progress));
        return all;
    }

    private static Figures one(Workload w, Settings s, PrintWriter progress) throws IOException, InterruptedException {
        Scenario scenario = w.load();
        ScenarioResults.Prepared prepared = ScenarioResults.Prepared.of(scenario);
        Model model = prepared.model();
        say(progress, w.label() + ": one thread, steady state, the engine alone and with what pace run records");
        SteadyState.SideBySide steady = SteadyState.sideBySide(prepared, s.warmupSeconds(), s.roundSeconds(),
                s.rounds());
        Speedup.Result speedup = null;
        if (s.threads() > 1) {
            int n = replicationsFor(2 * s.roundSeconds(), steady.engine().secondsPerReplication(), s.threads());
            say(progress, w.label() + ": " + n + " replications on 1 and on " + s.threads() + " threads");
            speedup = Speedup.measure(model, n, s.threads(), 3);
        }
        List<Scaled> scaling = new ArrayList<>();
        for (int k : s.scaleFactors()) {
            if (k == 1) {
                scaling.add(new Scaled(1, steady.engine()));
                continue;
            }
            Workload big = w.scaled(k, s.scaleBy());
            say(progress, big.label());
            Model scaled = ScenarioResults.Prepared.of(big.load()).model();
            // a full warm-up again: the heap grows to the larger working set before timing
            scaling.add(new Scaled(k, SteadyState.measure(scaled, s.warmupSeconds(), s.roundSeconds(),
                    s.rounds())));
        }
        WholeProcess.Result process = null;
        WholeProcess.FixedCost fixed = null;
        double keptTenth = Double.NaN, kept = Double.NaN;
        if (s.replications() > 0) {
            int tenth = Math.max(1, s.replications() / 10);
            say(progress, w.label() + ": heap kept by the results of " + tenth + " and of " + s.replications()
                    + " replications");
            keptTenth = Retention.keptMb(model, tenth, s.threads());
            kept = Retention.keptMb(model, s.replications(), s.threads());
            say(progress, w.label() + ": pace run -r " + s.replications() + " in a new JVM with -Xmx" + s.heap());
            process = WholeProcess.run(w.file(), s.replications(), s.heap());
            say(progress, w.label() + ": pace run -r 1 and pace --version, each in a new JVM, three times");
            fixed = WholeProcess.fixedCost(w.file(), s.heap(), 3);
        }
        WholeProcess.HandLoop hand = null;
        int handScale = HandWrittenLoop.scaleOf(w.file());
        if (s.handLoop() && handScale > 0 && w.scale() == 1) {
            say(progress, w.label() + ": pace run -r " + HAND_LOOP_REPLICATIONS + " -t 1 and the hand-written loop,"
                    + " each in a new JVM, three times");
            hand = WholeProcess.versusHandLoop(w.file(), handScale, scenario.run().seed(), HAND_LOOP_REPLICATIONS,
                    s.heap(), 3);
        }
        return new Figures(w, scenario.name(), steady, speedup, process, fixed, keptTenth, kept, scaling, hand);
    }

    /** Enough replications for about {@code seconds} on one thread, a multiple of the thread count. */
    static int replicationsFor(double seconds, double perReplication, int threads) {
        int n = (int) Math.ceil(seconds / Math.max(perReplication, 1e-6));
        n = Math.max(n, 4 * threads);
        return (n + threads - 1) / threads * threads;
    }

    private static void say(PrintWriter progress, String what) {
        if (progress == null) return;
        progress.println("bench: " + what);
        progress.flush();
    }
}
