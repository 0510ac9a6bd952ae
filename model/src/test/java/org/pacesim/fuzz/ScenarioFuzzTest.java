package org.pacesim.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.pacesim.engine.Model;
import org.pacesim.engine.Replication;
import org.pacesim.graph.FlowModel;
import org.pacesim.graph.SystemGraph;
import org.pacesim.random.StreamBank;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.RunSettings;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mutates the shipped scenario files (deleting, duplicating, misspelling and retyping keys and values) and checks
 * that the tool either runs the result or reports a validation error: never an uncaught exception, never a hang
 * (each case has 20 seconds). The seed is fixed, so a failure repeats; jqwik shrinks it to a small mutation.
 *
 * <p>Each case loads, checks and compiles the mutated file, computes its expected flows, and runs one replication
 * of at most a year (so that a valid mutant with a long horizon costs milliseconds, not minutes).
 */
class ScenarioFuzzTest {
    private static final String[] TOKENS = {"0", "-1", "0.5", "1e9", "2y", "-3w", "abc", "\"\"", "[]", "{}", "[1, 2]",
        "{a: 1}", "~", "true", "NaN", "1/day", "150/year", "unlimited", "1d", "0d", "999999999999", "panel", "ppm",
        "exit", "delay", "meeting", "{lognormal: {median: 2w, p90: 1w}}", "{uniform: [3w, 1w]}", "'x: y'"};
    private static Path dir;
    private static List<String> names;
    private static final ExecutorService POOL = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-case");
        t.setDaemon(true);
        return t;
    });

    /** One mutation of one line. */
    record Mutation(int kind, int line, int token, int column) {}

    @BeforeContainer
    static void copyScenarios() throws IOException {
        dir = Files.createTempDirectory("pace-fuzz");
        names = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("../scenarios"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
                names.add(p.getFileName().toString());
            }
        }
        // Data files the scenarios name (a caseload CSV, calendars) sit in folders beside them.
        try (Stream<Path> s = Files.walk(Path.of("../scenarios"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path rel = Path.of("../scenarios").relativize(p);
                if (rel.getNameCount() < 2) continue;
                Files.createDirectories(dir.resolve(rel).getParent());
                Files.copy(p, dir.resolve(rel));
            }
        }
    }

    @AfterContainer
    static void stop() {
        POOL.shutdownNow();
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, TOKENS.length - 1),
                Arbitraries.integers().between(0, 200)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    // How many mutants: jqwik's jqwik.tries.default, which the build sets from the Maven property fuzz.tries
    // (1,000 in `mvn verify`; 10,000 with -Pfull-fuzz). The seed is fixed, so a given count is the same mutants.
    @Property(seed = "20130101", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void aMutatedScenarioRunsOrIsReported(@ForAll("mutations") List<Mutation> mutations,
                                          @ForAll("fileIndex") int file) throws Exception {
        String text = mutate(Files.readString(dir.resolve(names.get(file))), mutations);
        Path mutant = dir.resolve("mutant-of-" + names.get(file));
        Files.writeString(mutant, text);
        Future<?> f = POOL.submit(() -> runOrReport(mutant));
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("no answer within 20 s for:\n" + text);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("uncaught " + e.getCause() + " for " + mutations + " of " + names.get(file)
                    + ":\n" + text, e.getCause());
        }
    }

    @Provide
    Arbitrary<Integer> fileIndex() {
        return Arbitraries.integers().between(0, names.size() - 1);
    }

    private static void runOrReport(Path file) {
        try {
            Scenario s = ScenarioLoader.load(file);
            RunSettings r = s.run();
            double horizon = Math.min(r.horizon(), Durations.YEAR);
            s = s.withRun(new RunSettings(horizon, 0, 13 * Durations.WEEK, 1, r.seed(), 2000, r.start()));
            SystemGraph g = SystemGraph.of(s);
            new FlowModel(g);
            new Replication(Model.compile(g), new StreamBank(r.seed()), 0, null).run();
        } catch (InvalidInputException e) {
            if (e.problems().isEmpty()) throw new AssertionError("a validation error without a message");
        }
    }

    /** Applies line-level mutations: delete, duplicate, misspell a key, retype a value, swap, or cut a line. */
    static String mutate(String text, List<Mutation> ms) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (Mutation m : ms) {
            if (lines.isEmpty()) break;
            int i = m.line() % lines.size();
            String l = lines.get(i);
            switch (m.kind()) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, l);
                case 2 -> { // misspell the first key on the line
                    int colon = l.indexOf(':');
                    int start = l.length() - l.stripLeading().length();
                    if (colon > start + 1) {
                        int at = start + m.column() % (colon - start);
                        lines.set(i, l.substring(0, at) + (char) ('a' + m.token() % 26) + l.substring(at + 1));
                    }
                }
                case 3 -> { // retype the value after the first ': '
                    int colon = l.indexOf(": ");
                    if (colon >= 0) lines.set(i, l.substring(0, colon + 2) + TOKENS[m.token()]);
                }
                case 4 -> { // swap with the next line
                    if (i + 1 < lines.size()) {
                        lines.set(i, lines.get(i + 1));
                        lines.set(i + 1, l);
                    }
                }
                default -> lines.set(i, l.substring(0, m.column() % (l.length() + 1))); // cut the line short
            }
        }
        return String.join("\n", lines);
    }

    static {
        // surface I/O problems of the harness itself plainly
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            throw new UncheckedIOException(new IOException(e));
        });
    }
}
