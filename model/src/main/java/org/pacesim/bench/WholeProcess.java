package org.pacesim.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@code pace run FILE -r N} in a fresh JVM with a capped heap, exactly as a user would (all cores, default
 * outputs written), and reports its wall time, JVM start and JIT warm-up included. The heap figures come from the
 * child's own garbage-collector log: the largest heap in use when a collection started (the peak), and the largest
 * in use after one (live data plus dead objects of the old generation not yet collected; {@link Retention} measures
 * what is really kept).
 */
final class WholeProcess {
    /** The command line's main class. */
    private static final String PACE = "org.pacesim.cli.Pace";
    /** Charts are drawn without a display. */
    private static final String HEADLESS = "-Djava.awt.headless=true";
    /** "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 25M->3M(256M) 1.234ms" and the like. */
    private static final Pattern GC = Pattern.compile("GC\\(\\d+\\).* (\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");

    /**
     * @param replications replications run
     * @param heap         the -Xmx given
     * @param seconds      wall time of the whole process
     * @param exitCode     the process's exit code (0: it ran and wrote its results within the heap)
     * @param peakHeapMb   largest heap in use at the start of a collection, MB (NaN when none ran)
     * @param afterGcMb    largest heap in use after a collection, MB (NaN when none ran)
     * @param collections  collections logged
     * @param output       the end of what the process printed when it failed, else empty
     */
    record Result(int replications, String heap, double seconds, int exitCode, double peakHeapMb, double afterGcMb,
                  int collections, String output) {}

    private WholeProcess() {}

    /**
     * @param scenario     the scenario file
     * @param replications replications to run
     * @param heap         maximum heap, e.g. {@code 512m}
     */
    static Result run(Path scenario, int replications, String heap) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pace-bench");
        try {
            Path log = dir.resolve("gc.log");
            List<String> cmd = java(heap, List.of("-Xlog:gc:file=" + log, HEADLESS), PACE, "run",
                    scenario.toString(), "-r", Integer.toString(replications), "-q",
                    "--out", dir.resolve("results").toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("output.txt").toFile());
            long t0 = System.nanoTime();
            int code = pb.start().waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] gc = heapFromGcLog(Files.exists(log) ? Files.readAllLines(log) : List.of());
            List<String> printed = Files.readAllLines(dir.resolve("output.txt"));
            String output = code == 0 ? "" : String.join("\n", printed.subList(Math.max(0, printed.size() - 20),
                    printed.size()));
            return new Result(replications, heap, seconds, code, gc[0], gc[1], (int) gc[2], output);
        } finally {
            delete(dir);
        }
    }

    /**
     * The fixed cost of a run: the wall time of {@code pace run FILE -r 1} (one replication, every chart and
     * report.html) and of {@code pace --version} (the JVM's start-up and the command line's), each in a fresh JVM,
     * taking turns; medians.
     *
     * @param run      median seconds of the one-replication run
     * @param startup  median seconds of {@code pace --version}
     * @param repeats  runs of each
     */
    record FixedCost(double run, double startup, int repeats) {
        /** What a run costs beyond starting the JVM. */
        double beyondStartup() {
            return run - startup;
        }
    }

    /** Measures the fixed cost of running {@code scenario} ({@code repeats} runs of each, an odd number). */
    static FixedCost fixedCost(Path scenario, String heap, int repeats) throws IOException, InterruptedException {
        double[] medians = inTurns(repeats,
                dir -> java(heap, List.of(HEADLESS), PACE, "--version"),
                dir -> java(heap, List.of(HEADLESS), PACE, "run", scenario.toString(), "-r", "1", "-q",
                        "--out", dir.resolve("results").toString()));
        return new FixedCost(medians[1], medians[0], repeats);
    }

    /**
     * A whole {@code pace run FILE -r N -t 1} against {@link HandWrittenLoop} running the same model for the same
     * replications, each in a new JVM with the same heap (wall time, JVM start-up included), median of the runs.
     *
     * @param pace    median seconds of pace run
     * @param loop    median seconds of the hand-written loop
     * @param replications replications of each
     * @param repeats runs of each, taking turns
     */
    record HandLoop(double pace, double loop, int replications, int repeats) {
        /** How many times the hand-written loop's time pace run takes. */
        double ratio() {
            return pace / loop;
        }
    }

    /** Times {@code pace run} of {@code scenario} against the hand-written loop at {@code scale}, in turns. */
    static HandLoop versusHandLoop(Path scenario, int scale, long seed, int replications, String heap, int repeats)
            throws IOException, InterruptedException {
        String n = Integer.toString(replications);
        double[] medians = inTurns(repeats,
                dir -> java(heap, List.of(HEADLESS), PACE, "run", scenario.toString(), "-r", n, "-t", "1", "-q",
                        "--out", dir.resolve("results").toString()),
                dir -> java(heap, List.of(), HandWrittenLoop.class.getName(), Integer.toString(scale), n,
                        Long.toString(seed), dir.resolve("hand-loop.csv").toString()));
        return new HandLoop(medians[0], medians[1], replications, repeats);
    }

    /**
     * Runs two commands in turns, {@code repeats} times each, each pair in a fresh folder the commands are given;
     * the median wall time of each (NaN counts as the slowest when a run failed).
     */
    private static double[] inTurns(int repeats, Function<Path, List<String>> first,
                                    Function<Path, List<String>> second) throws IOException, InterruptedException {
        double[] a = new double[repeats];
        double[] b = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            Path dir = Files.createTempDirectory("pace-bench");
            try {
                a[i] = timed(first.apply(dir), dir);
                b[i] = timed(second.apply(dir), dir);
            } finally {
                delete(dir);
            }
        }
        Arrays.sort(a);
        Arrays.sort(b);
        return new double[] {a[repeats / 2], b[repeats / 2]};
    }

    /** A fresh JVM with the given heap and options running {@code mainClass} on this process's class path. */
    private static List<String> java(String heap, List<String> options, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap));
        cmd.addAll(launcherOptions());
        cmd.addAll(options);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * The start-up options of {@code ./pace} this process was started with (the class-data-sharing archive and the
     * compiler's thresholds), so that the fresh JVMs start as a user's {@code ./pace} does; none when it was started
     * without them.
     */
    private static List<String> launcherOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-Xshare")
                        || a.startsWith("-Xlog:cds") || a.startsWith("-XX:Tier4"))
                .toList();
    }

    /** Seconds a command took; NaN when it failed. */
    private static double timed(List<String> cmd, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("timed.txt").toFile());
        long t0 = System.nanoTime();
        int code = pb.start().waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        return code == 0 ? seconds : Double.NaN;
    }

    /** From the lines of a {@code -Xlog:gc} log: {peak MB before a collection, peak MB after one, collections}. */
    static double[] heapFromGcLog(List<String> lines) {
        double peak = Double.NaN, live = Double.NaN;
        int n = 0;
        for (String line : lines) {
            Matcher m = GC.matcher(line);
            if (!m.find()) continue;
            n++;
            double before = mb(m.group(1), m.group(2)), after = mb(m.group(3), m.group(4));
            peak = Double.isNaN(peak) ? before : Math.max(peak, before);
            live = Double.isNaN(live) ? after : Math.max(live, after);
        }
        return new double[] {peak, live, n};
    }

    private static double mb(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
