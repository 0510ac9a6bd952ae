package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dated changes end to end: a change from the start writes exactly the CSV files of the same change without a date,
 * a change from after the end of the run exactly those of the parent, and a bad date is refused at its line.
 */
class DatedChangeFilesTest {
    private static final Path PARENT = Path.of("src/test/resources/engine/small-la.yaml").toAbsolutePath();
    private static final String[] CSVS = {"summary.csv", "stages.csv", "outcomes.csv"};

    @TempDir
    Path dir;

    private Path file(String name, String changes) throws Exception {
        return Files.writeString(dir.resolve(name + ".yaml"), "name: Small LA\nextends: " + PARENT + "\n"
                + "run: {start: 2024-01-01}\n" + (changes.isEmpty() ? "" : "changes:\n" + changes));
    }

    private static int pace(StringWriter err, String... args) {
        return Pace.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    private Path run(Path scenario) {
        Path out = dir.resolve("out-" + scenario.getFileName());
        StringWriter err = new StringWriter();
        assertEquals(0, pace(err, "run", scenario.toString(), "-r", "3", "-t", "1", "-q", "--out", out.toString()),
                err.toString());
        return out;
    }

    private static void assertSameCsvs(Path a, Path b) throws Exception {
        for (String csv : CSVS) assertArrayEquals(Files.readAllBytes(a.resolve(csv)), Files.readAllBytes(b.resolve(csv)), csv);
    }

    @Test
    void aChangeFromTheStartWritesTheUndatedChangesFiles() throws Exception {
        String change = "  - {remove: ratifying_lar, why: test%s}\n";
        Path undated = run(file("undated", change.formatted("")));
        assertSameCsvs(undated, run(file("from-start", change.formatted(", from: 2024-01-01"))));
        assertSameCsvs(undated, run(file("from-day-0", change.formatted(", from: 0d"))));
    }

    @Test
    void aChangeFromAfterTheRunWritesTheParentsFiles() throws Exception {
        Path parent = run(file("parent", ""));
        Path late = run(file("late", "  - {remove: ratifying_lar, from: 2060-01-01, why: test}\n"));
        assertSameCsvs(parent, late);
        Path middle = run(file("middle", "  - {remove: ratifying_lar, from: 2029-01-01, why: test}\n"));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(parent.resolve("summary.csv")),
                Files.readAllBytes(middle.resolve("summary.csv"))), "a change in the middle of the run changes it");
    }

    @Test
    void anExperimentsDateWithoutAStartIsReportedOnceAtItsLine() throws Exception {
        Path a = Files.writeString(dir.resolve("a.yaml"), "name: a\nextends: " + PARENT
                + "\nchanges:\n  - {remove: ratifying_lar, why: test}\n");
        Path b = Files.writeString(dir.resolve("b.yaml"), "name: b\nextends: " + PARENT
                + "\nchanges:\n  - {scale: {stage: form_e, duration: 0.5}, why: test}\n");
        Path experiment = Files.writeString(dir.resolve("experiment.yaml"), "name: dated\nbaseline: " + PARENT
                + "\nscenarios: [" + a + ", " + b + "]\nchanges_from: 2029-01-01\n");
        StringWriter err = new StringWriter();
        assertEquals(2, pace(err, "experiment", experiment.toString(), "-r", "2", "--out", dir.resolve("x").toString()));
        String e = err.toString();
        assertTrue(e.contains("experiment.yaml:4:15") && e.contains("the run has no start date"), e);
        assertEquals(e.indexOf("no start date"), e.lastIndexOf("no start date"), "listed once, not once per scenario");
    }

    @Test
    void validateSaysWhenAChangeTakesEffect() throws Exception {
        StringWriter out = new StringWriter();
        Path middle = file("middle", "  - {remove: ratifying_lar, from: 2029-01-01, why: test}\n");
        assertEquals(0, Pace.execute(new String[] {"validate", middle.toString()}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true)));
        assertTrue(out.toString().contains("removed stage ratifying_lar (1 route redirected) from 2029-01-01"),
                out.toString());
    }

    @Test
    void badDatesAreRefusedAtTheirLine() throws Exception {
        StringWriter err = new StringWriter();
        Path early = file("early", "  - {remove: ratifying_lar, why: test,\n     from: 2023-06-01}\n");
        assertEquals(2, pace(err, "validate", early.toString()));
        assertTrue(err.toString().contains("early.yaml:6:12") && err.toString().contains("before the run starts"),
                err.toString());
        Path noStart = Files.writeString(dir.resolve("no-start.yaml"), "name: x\nextends: " + PARENT
                + "\nchanges:\n  - {remove: ratifying_lar, from: 2029-01-01, why: test}\n");
        err = new StringWriter();
        assertEquals(2, pace(err, "validate", noStart.toString()));
        assertTrue(err.toString().contains("no-start.yaml:4:35") && err.toString().contains("the run has no start date"),
                err.toString());
        Path two = file("two", "  - {remove: ratifying_lar, from: 2y, why: test}\n  - {scale: {stage: form_e, duration: 0.5},"
                + " from: 3y, why: test}\n");
        err = new StringWriter();
        assertEquals(2, pace(err, "validate", two.toString()));
        assertTrue(err.toString().contains("two.yaml:5:") && err.toString().contains("take effect on one date"),
                err.toString());
        Path run = file("set-run", "  - {set: {path: run.horizon, value: 5y}, from: 2y, why: test}\n");
        err = new StringWriter();
        assertEquals(2, pace(err, "validate", run.toString()));
        assertTrue(err.toString().contains("cannot set 'run.horizon'"), err.toString());
        Path kind = file("kind", "  - {set: {path: stages.form_e, value: {kind: service, resource: adm, duration: 2w,"
                + " next: panel}}, from: 2y, why: test}\n");
        err = new StringWriter();
        assertEquals(2, pace(err, "validate", kind.toString()));
        assertTrue(err.toString().contains("would become a service"), err.toString());
        Path bad = file("bad", "  - {remove: ratifying_lar, from: soon, why: test}\n");
        err = new StringWriter();
        assertEquals(2, pace(err, "validate", bad.toString()));
        assertTrue(err.toString().contains("'soon' is not a duration"), err.toString());
    }
}
