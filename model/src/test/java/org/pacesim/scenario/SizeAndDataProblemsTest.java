package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Absurd sizes are refused up front, and data files and experiment files get the same quality of message. */
class SizeAndDataProblemsTest {
    private static final String HEAD = "name: t\n";

    @TempDir
    Path dir;

    private InvalidInputException scenario(String name, String text) throws Exception {
        Path f = Files.writeString(dir.resolve(name), text);
        return assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(f));
    }

    private InvalidInputException experiment(String text) throws Exception {
        Path f = Files.writeString(dir.resolve("e.yaml"), text);
        return assertThrows(InvalidInputException.class, () -> ExperimentLoader.load(f));
    }

    @Test
    void aBillionReplicationsAreRefused() throws Exception {
        InvalidInputException e = scenario("s.yaml", HEAD + "run: {horizon: 1y, replications: 1000000000}\n"
                + "arrivals: [{name: in, rate: 1/day, to: out}]\nstages: {out: {kind: exit, outcome: x}}\n");
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("s.yaml:2:34: run.replications: must be a whole number from 1 to 1000000"),
                e.getMessage());
    }

    @Test
    void aMillionStagesAreRefusedQuicklyForTheirSize() throws Exception {
        StringBuilder sb = new StringBuilder(HEAD + "run: {horizon: 1y}\narrivals: [{name: in, rate: 1/day, to: s0}]\nstages:\n");
        for (int i = 0; i < 1_000_000; i++) sb.append("  s").append(i).append(": {kind: delay, duration: 1d, next: s").append(i + 1).append("}\n");
        Path f = Files.writeString(dir.resolve("big.yaml"), sb);
        InvalidInputException e = assertTimeoutPreemptively(YamlProblemsTest.NO_BLOW_UP,
                () -> assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(f)));
        assertTrue(e.getMessage().contains("big.yaml: the file is larger than 4 MiB"), e.getMessage());
    }

    @Test
    void aHundredThousandStagesUnderTheSizeLimitAreRefusedByCount() throws Exception {
        StringBuilder sb = new StringBuilder(HEAD + "run: {horizon: 1y}\narrivals: [{name: in, rate: 1/day, to: a0}]\nstages:\n");
        for (int i = 0; i < 100_000; i++) sb.append("  a").append(i).append(": {kind: delay, next: a").append(i + 1).append("}\n");
        Path f = Files.writeString(dir.resolve("many.yaml"), sb);
        InvalidInputException e = assertTimeoutPreemptively(YamlProblemsTest.NO_BLOW_UP,
                () -> assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(f)));
        assertTrue(e.getMessage().contains("expands to more than 200000 values"), e.getMessage());
    }

    @Test
    void anEmpiricalCsvWithBadRowsNamesTheCsvFileAndLine() throws Exception {
        Files.writeString(dir.resolve("durations.csv"), "duration\n12\n3w\nabc\n-4\n");
        InvalidInputException e = scenario("s.yaml", HEAD + "run: {horizon: 1y}\n"
                + "arrivals: [{name: in, rate: 1/day, to: a}]\n"
                + "stages:\n  a: {kind: delay, duration: {empirical: {file: durations.csv}}, next: out}\n"
                + "  out: {kind: exit, outcome: x}\n");
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("durations.csv:4:1: stages.a.duration.empirical.file: 'abc' is not a"
                + " non-negative duration"), e.getMessage());
        assertTrue(e.getMessage().contains("durations.csv:5:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("fix: each row holds one duration"), e.getMessage());
    }

    @Test
    void aMissingEmpiricalCsvIsReportedAtTheFileKey() throws Exception {
        InvalidInputException e = scenario("s.yaml", HEAD + "run: {horizon: 1y}\n"
                + "arrivals: [{name: in, rate: 1/day, to: a}]\n"
                + "stages:\n  a: {kind: delay, duration: {empirical: {file: nowhere.csv}}, next: out}\n"
                + "  out: {kind: exit, outcome: x}\n");
        assertTrue(e.getMessage().contains("s.yaml:5:49: stages.a.duration.empirical.file: cannot read 'nowhere.csv'"
                + " (no such file)"), e.getMessage());
    }

    @Test
    void experimentFilesGetTheSameMessages() throws Exception {
        Path base = Files.writeString(dir.resolve("base.yaml"), HEAD + "run: {horizon: 1y}\n"
                + "arrivals: [{name: in, rate: 1/day, to: out}]\nstages: {out: {kind: exit, outcome: x}}\n");
        InvalidInputException e = experiment("""
                name: e
                baseline: base.yaml
                scenarios: [base.yaml, missing.yaml]
                replications: 1000000000
                run: {horizon: 1y, warmup: 2y}
                compair: {}
                """);
        String m = e.getMessage();
        assertTrue(m.contains("e.yaml:6:1: compair: unknown field 'compair'") && m.contains("did you mean 'compare'?"), m);
        assertEquals(1, e.problems().size(), "stray top-level keys are reported first, alone: " + m);
        e = experiment("""
                name: e
                baseline: base.yaml
                scenarios: [base.yaml, missing.yaml]
                replications: 1000000000
                run: {horizon: 1y, warmup: 2y}
                """);
        m = e.getMessage();
        assertTrue(m.contains("e.yaml:3:13: scenarios: 'base.yaml' is listed twice (or is the baseline)"), m);
        assertTrue(m.contains("e.yaml:3:24: scenarios: cannot find the scenario file 'missing.yaml'"), m);
        assertTrue(m.contains("e.yaml:4:15: replications: must be a whole number from 1 to 1000000"), m);
        assertTrue(m.contains("run.warmup: the warm-up must end before the horizon"), m);
        assertEquals(4, e.problems().size(), m);
        assertTrue(base.toFile().exists());
    }
}
