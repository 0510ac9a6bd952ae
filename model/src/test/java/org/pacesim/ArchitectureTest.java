package org.pacesim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rules of the code base that a compiler does not check: data flows one way (file -> scenario -> graph ->
 * engine -> results -> reports), and no global SSJ state is used (every clock-bound object is built with the
 * replication's simulator; streams are made only by the stream bank).
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/pacesim");

    /** A package may import only packages of lower or equal rank. */
    private static final Map<String, Integer> RANK = Map.of(
            "scenario", 0, "random", 1, "graph", 2, "stats", 3, "records", 3, "engine", 4, "experiment", 5, "report", 6, "bench", 6, "cli", 7);

    /** A class extending SSJ's Event (not a type bound such as {@code <E extends Event>}). */
    private static final Pattern EVENT_SUBCLASS = Pattern.compile("class \\w+ extends Event\\b");

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.pacesim\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void noPackageReachesBackUpTheChain() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : sources()) {
            String pkg = MAIN.relativize(f).getName(0).toString();
            if (!RANK.containsKey(pkg)) continue;
            Matcher m = IMPORT.matcher(Files.readString(f));
            while (m.find()) {
                Integer target = RANK.get(m.group(1));
                if (target != null && target > RANK.get(pkg)) violations.add(f + " imports " + m.group(1));
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * The estimators of {@code pace fit} know nothing of files, scenarios or the engine, so the statistics can be
     * tested and reused on their own; what reads records and scenarios for them may share their package.
     */
    @Test
    void theFitEstimatorsImportNothingElseOfTheProject() throws IOException {
        Set<String> estimators = Set.of("Spell", "Estimate", "Family", "Parametric", "CensoredLikelihood",
                "DurationFit", "KaplanMeier", "CompetingRisks", "ArrivalRate");
        List<String> violations = new ArrayList<>();
        for (String name : estimators) {
            Path f = MAIN.resolve("fit").resolve(name + ".java");
            Matcher m = IMPORT.matcher(Files.readString(f));
            while (m.find()) violations.add(f + " imports " + m.group(1));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noGlobalSsjStateAndStreamsOnlyFromTheBank() throws IOException {
        Map<String, Pattern> banned = Map.of(
                "the static Sim facade", Pattern.compile("\\bSim\\.[a-z]"),
                "an Event bound to the default simulator", Pattern.compile("new Event\\(\\s*\\)"),
                "an Accumulate bound to the default simulator", Pattern.compile("new Accumulate\\(\\s*\\)"),
                "a list bound to the default simulator", Pattern.compile("new (LinkedListStat|ListWithStat)<[^>]*>\\(\\s*\\)"),
                "a stream made outside the stream bank", Pattern.compile("new MRG32k3a\\("));
        List<String> violations = new ArrayList<>();
        for (Path f : sources()) {
            String text = Files.readString(f);
            if (EVENT_SUBCLASS.matcher(text).find() && !Pattern.compile("super\\(\\s*[^)\\s]").matcher(text).find()) {
                violations.add(f + ": an Event subclass must pass its simulator to super(...)");
            }
            for (Map.Entry<String, Pattern> b : banned.entrySet()) {
                if (b.getValue().matcher(text).find() && !(f.endsWith("StreamBank.java") && b.getKey().contains("stream"))) {
                    violations.add(f + ": " + b.getKey());
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
