package org.pacesim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.pacesim.bench.Bench;
import org.pacesim.bench.BenchTables;
import org.pacesim.bench.FitBench;
import org.pacesim.bench.Workload;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pace bench}: measures how fast scenarios run and prints the figures as Markdown tables. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures how fast the engine runs on this machine.",
                "Child-journeys and events per second on one thread after warm-up, the time per "
                + "replication of the engine alone and with everything 'pace run' records (side by side), the speed-up "
                + "from one thread to all cores (checking results are identical), a whole 'pace run' of a fixed "
                + "number of replications in a new JVM with a capped heap (wall time, peak heap), and how the cost "
                + "grows with the arrival rate.",
                "Without FILE, runs the workloads in bench/ (run from the project folder).",
                "With --fit, times instead the fitting of records (pace fit's statistics) on synthetic children."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "scenario files (default: the workloads in bench/)")
    private List<Path> files = new ArrayList<>();

    @Option(names = {"-r", "--replications"}, paramLabel = "N", defaultValue = "1000",
            description = "replications of the whole-process run (0 skips it; default: ${DEFAULT-VALUE})")
    private int replications;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "512m",
            description = "maximum heap of the whole-process run (default: ${DEFAULT-VALUE})")
    private String heap;

    @Option(names = {"-t", "--threads"}, paramLabel = "T",
            description = "threads of the parallel runs (default: all cores; 1 skips the speed-up)")
    private Integer threads;

    @Option(names = "--scale", paramLabel = "K", split = ",", defaultValue = "1,2,4,8",
            description = "scale factors for the scaling table (default: ${DEFAULT-VALUE}; 1 alone skips it)")
    private List<Integer> scale;

    @Option(names = "--scale-by", paramLabel = "WHAT", defaultValue = "rate",
            description = "what the scale factors multiply: rate (arrival rates, servers and meeting places: more"
                    + " children at once) or horizon (the same system run longer) (default: ${DEFAULT-VALUE})")
    private String scaleBy;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "5",
            description = "seconds of JIT warm-up before timing (default: ${DEFAULT-VALUE})")
    private double warmup;

    @Option(names = "--round", paramLabel = "S", defaultValue = "1",
            description = "seconds per timed round (default: ${DEFAULT-VALUE})")
    private double round;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
            description = "timed rounds; the median is reported (default: ${DEFAULT-VALUE})")
    private int rounds;

    @Option(names = "--hand-loop",
            description = "also time a whole 'pace run FILE -r 100 -t 1' against a minimal hand-written event loop of"
                    + " the same model, each in a new JVM, three times (the reference pathway files only)")
    private boolean handLoop;

    @Option(names = "--fit", paramLabel = "CHILDRENxINTERVALS", arity = "0..1", fallbackValue = "10000x15",
            description = "time the fitting of durations to synthetic records instead: CHILDREN children with"
                    + " spells in INTERVALS intervals (default when given alone: ${FALLBACK-VALUE})")
    private String fit;

    @Override
    public Integer call() throws Exception {
        if (fit != null) return fitBench();
        List<Path> todo = files.isEmpty() ? Bench.DEFAULT_WORKLOADS : files;
        for (Path f : todo) {
            if (!Files.isRegularFile(f)) {
                throw new InvalidInputException(Location.of("command line"), "FILE", "no such file: " + f,
                        files.isEmpty() ? "run pace bench from the project folder, or name a scenario file"
                                : "name a scenario file");
            }
        }
        if (rounds < 1 || round <= 0 || warmup < 0 || replications < 0 || scale.stream().anyMatch(k -> k < 1)) {
            throw new InvalidInputException(Location.of("command line"), "options", "rounds, round and scale factors"
                    + " must be positive; warmup and replications at least 0",
                    "e.g. --rounds 5 --round 1 --scale 1,2,4,8");
        }
        if (!scaleBy.equals("rate") && !scaleBy.equals("horizon")) {
            throw new InvalidInputException(Location.of("command line"), "--scale-by", "'" + scaleBy
                    + "' is neither rate nor horizon", "e.g. --scale-by horizon");
        }
        List<Integer> factors = new ArrayList<>(scale.stream().distinct().sorted().toList());
        if (!factors.contains(1)) factors.add(0, 1);
        Bench.Settings settings = new Bench.Settings(warmup, round, rounds, Options.threads(threads), replications,
                heap, factors, scaleBy.equals("rate") ? Workload.Scaling.RATE : Workload.Scaling.HORIZON, handLoop);
        PrintWriter err = spec.commandLine().getErr();
        List<Bench.Figures> figures = Bench.run(todo, settings, err);
        PrintWriter o = spec.commandLine().getOut();
        o.println();
        o.print(BenchTables.of(figures, settings));
        o.flush();
        return figures.stream().anyMatch(Bench.Figures::failed) ? Pace.FAILED : 0;
    }

    private int fitBench() throws Exception {
        String[] size = fit.toLowerCase(java.util.Locale.ROOT).split("x");
        int children, intervals;
        try {
            children = Integer.parseInt(size[0].replace(",", "").replace("_", ""));
            intervals = size.length == 2 ? Integer.parseInt(size[1]) : -1;
        } catch (NumberFormatException e) {
            children = intervals = -1;
        }
        if (children < 1 || intervals < 1) {
            throw new InvalidInputException(Location.of("command line"), "--fit", "'" + fit
                    + "' is not CHILDRENxINTERVALS with both at least 1", "e.g. --fit 10000x15");
        }
        List<FitBench.Timing> timings = FitBench.run(children, intervals, Options.threads(threads),
                spec.commandLine().getErr());
        PrintWriter o = spec.commandLine().getOut();
        o.println();
        o.print(FitBench.table(timings));
        o.flush();
        return 0;
    }
}
