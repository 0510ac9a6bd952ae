package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pacesim.scenario.Inputs.resource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line as a user meets it: exit code 0 when all is well and 2 for invalid input, problems on stderr as
 * {@code file:line:col: path: what} with a fix, never a Java stack trace, and nothing written for a bad file.
 */
class PaceCliTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Result pace(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Pace.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertNoStackTrace(Result r) {
        String both = r.out() + r.err();
        assertAll(r.toString(),
                () -> assertFalse(both.contains("Exception"), "mentions an exception"),
                () -> assertFalse(both.contains("\tat "), "prints stack frames"),
                () -> assertFalse(both.contains("at org.pacesim."), "prints stack frames"));
    }

    private static void assertContains(Result r, String text) {
        assertTrue(r.out().contains(text) || r.err().contains(text), () -> "expected '" + text + "' in\n" + r);
    }

    private static void assertMatches(String regex, String text) {
        assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(text).find(),
                () -> "expected /" + regex + "/ in\n" + text);
    }

    private boolean isEmptyDir(Path p) throws Exception {
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    // ---------------------------------------------------------------- validate

    @Test
    void validateOfAFileWithMistakesExitsTwoAndPointsAtEachOneWithItsFix() {
        Path file = resource("invalid/fields/three-problems.yaml");
        Result r = pace("validate", file.toString());
        assertEquals(Pace.INVALID, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertContains(r, file + ":19:7: stages.assessment.next: probabilities add up to 0.9, not 1");
        assertContains(r, file + ":23:15: stages.legal_advice.resource: unknown resource 'legl'");
        assertContains(r, "    fix: did you mean 'legal'?");
        assertContains(r, file + ":28:12: stages.panel.every: the duration must be greater than zero (got -4w)");
        assertContains(r, "1 of 1 file had problems.");
        assertNoStackTrace(r);
    }

    @Test
    void validateOfAPathwayThatCannotRunExitsTwo() {
        Path file = resource("invalid/graph/unreachable-stage.yaml");
        Result r = pace("validate", file.toString());
        assertEquals(Pace.INVALID, r.code(), r::toString);
        assertContains(r, file + ":8:3: stages.review: stage 'review' is never reached");
        assertNoStackTrace(r);
    }

    @Test
    void validateOfFilesThatCannotBeReadExitsTwoNamingEach() throws Exception {
        Path missing = dir.resolve("baseline-la.yaml");
        Path notUtf8 = Files.write(dir.resolve("utf16.yaml"), new byte[] {(byte) 0xFF, (byte) 0xFE, 'n', 0});
        Result r = pace("validate", missing.toString(), dir.toString(), notUtf8.toString());
        assertEquals(Pace.INVALID, r.code(), r::toString);
        assertContains(r, missing + ": no such file");
        assertContains(r, dir + ": this is a directory, not a file");
        assertContains(r, notUtf8 + ":1:1: the file is not UTF-8 text (byte 0xFF at offset 0)");
        assertContains(r, "3 of 3 files had problems.");
        assertNoStackTrace(r);
    }

    @Test
    void validateOfAGoodAndABadFileDescribesTheGoodOneAndStillExitsTwo() {
        Path good = resource("valid/base.yaml");
        Path bad = resource("invalid/yaml/syntax-error.yaml");
        Result r = pace("validate", good.toString(), bad.toString());
        assertEquals(Pace.INVALID, r.code(), r::toString);
        assertTrue(r.out().startsWith(good + ": Validation base"), r::toString);
        assertContains(r, bad + ":3:19: a ':' where YAML does not expect one");
        assertContains(r, "1 of 2 files had problems.");
        assertFalse(r.out().contains("is valid.") || r.out().contains("are valid."), r::toString);
        assertNoStackTrace(r);
    }

    @Test
    void validateOfAValidFileExitsZeroWithDurationsInWeeksAndOfferedLoads() {
        Path file = resource("valid/base.yaml");
        Result r = pace("validate", file.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertMatches("stage\\s+kind\\s+mean \\(w\\)\\s+median \\(w\\)\\s+p90 \\(w\\)\\s+entries/yr", r.out());
        // lognormal with median 12w and p90 24w: mean 13.9w
        assertMatches("^  form_e\\s+delay\\s+13\\.9\\s+12\\.0\\s+24\\.0\\s+36\\.0$", r.out());
        assertMatches("^  panel\\s+meeting\\s+sits every 4w\\s+40\\.0$", r.out());
        assertContains(r, "resource legal: offered load 0.69 of capacity (2.8 busy on average, 4 servers)");
        assertContains(r, "resource adm: offered load 0.69 of capacity (0.7 busy on average, 1 server)");
        assertContains(r, "meeting panel: offered load 0.61 of capacity (40.0 cases/year, 65.2 places/year)");
        assertFalse(r.out().contains("OVERLOADED"), r::toString);
        assertTrue(r.out().endsWith("The file is valid." + System.lineSeparator()), r::toString);
    }

    @Test
    void validateChecksTheRangesOfAnUncertaintyBlockTheFileHasOrInherits() throws Exception {
        String scenario = Files.readString(resource("valid/base.yaml"));
        int rangeLine = (int) scenario.lines().count() + 4;
        Path bad = Files.writeString(dir.resolve("bad.yaml"), scenario + """
                uncertainty:
                  points: 10
                  vary:
                    resources.legal.capacity: {uniform_int: [0, 4]}
                """);
        Path child = Files.writeString(dir.resolve("child.yaml"), "name: child\nextends: bad.yaml\n");
        Result r = pace("validate", bad.toString(), child.toString());
        assertEquals(Pace.INVALID, r.code(), r::toString);
        // the child inherits the block: its problem is where the range was written, in the parent
        assertEquals(2, r.err().split(Pattern.quote(bad + ":" + rangeLine + ":"), -1).length - 1, r::toString);
        assertMatches("^" + Pattern.quote(bad + ":" + rangeLine + ":") + "\\d+: .*capacity.*bottom of its range",
                r.err());
        assertContains(r, "2 of 2 files had problems.");
        assertNoStackTrace(r);

        Path good = Files.writeString(dir.resolve("good.yaml"), scenario.replace("legal: {capacity: 4}",
                "legal: {capacity: 4}   # A") + """
                uncertainty:
                  points: 10
                  vary:
                    resources.adm.capacity: {uniform_int: [1, 3]}
                  from_tags: {A: 25%}
                """);
        Result ok = pace("validate", good.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertContains(ok, "uncertainty: 2 values vary over 10 points");
        assertTrue(ok.out().endsWith("The file is valid." + System.lineSeparator()), ok::toString);
    }

    // ---------------------------------------------------------------- run

    @Test
    void runOfAFileWithMistakesExitsTwoAndWritesNoResults() throws Exception {
        Path file = resource("invalid/fields/unknown-resource.yaml");
        Path out = dir.resolve("results");
        Result r = pace("run", "--out", out.toString(), file.toString());
        assertEquals(Pace.INVALID, r.code(), r::toString);
        assertContains(r, file + ":22:15: stages.legal_advice.resource: unknown resource 'legl'");
        assertContains(r, "1 problem; nothing was run.");
        assertFalse(Files.exists(out), "no results folder");
        assertTrue(isEmptyDir(dir), "nothing staged beside it either");
        assertNoStackTrace(r);
    }

    @Test
    void runOfAPathwayThatCannotRunExitsTwoBeforeAnnouncingARunOrMakingAFolder() throws Exception {
        Path file = resource("invalid/graph/no-route-applies.yaml");
        Path out = dir.resolve("studies").resolve("no-route");
        Result r = pace("run", "--out", out.toString(), file.toString());
        assertEquals(Pace.INVALID, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertContains(r, file + ":9:3: stages.assessment.next: children with age_band = older reach 'assessment'"
                + " but no route applies to them");
        assertTrue(isEmptyDir(dir), r::toString);
        assertNoStackTrace(r);
    }

    @Test
    void runOfAMissingFileExitsTwo() {
        Path file = dir.resolve("remove-ratifying-lar.yaml");
        Result r = pace("run", "--out", dir.resolve("out").toString(), file.toString());
        assertEquals(Pace.INVALID, r.code(), r::toString);
        assertContains(r, file + ": no such file");
        assertFalse(Files.exists(dir.resolve("out")));
        assertNoStackTrace(r);
    }

    @Test
    void aMistypedFileNameOnTheCommandLineGetsTheLikelyName() {
        Result r = pace("validate", "../scenarios/baseline-l.yaml");
        assertEquals(Pace.INVALID, r.code(), r::toString);
        assertContains(r, "../scenarios/baseline-l.yaml: no such file");
        assertContains(r, "did you mean '../scenarios/baseline-la.yaml'?");
    }

    /** A scenario without the baseline's milestones: its targets are not computable, never NaN and never 'no'. */
    @Test
    void calibrateSaysWhichTargetsCannotBeComputedAndCountsOnlyTheOthers() {
        Result r = pace("calibrate", resource("engine/small-la.yaml").toString(), "-r", "2", "-t", "1");
        assertEquals(0, r.code(), r::toString);
        assertFalse(r.out().contains("NaN"), r::toString);
        for (String target : new String[] {"T1", "T2", "T3a", "T3b", "T5", "T6"}) {
            assertMatches("^\\| " + target + " \\|[^\\n]*\\| not computable: no child of the cohort reached [^\\n]*\\| - \\|$",
                    r.out());
        }
        assertMatches("^0 of 1 target met \\(2 replications\\); 9 not computable\\.$", r.out());
    }

    // ---------------------------------------------------------------- usage

    @ParameterizedTest(name = "{0} --help")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            run      | Runs a scenario and writes its results folder.   | --out=DIR
            validate | Checks scenario files without running them.      | (mean, median, p90 in weeks)
            graph    | Prints a scenario's system graph as Graphviz DOT or Mermaid | --format
            """)
    void helpOfEachCommandExitsZeroAndDescribesIt(String command, String summary, String detail) {
        Result r = pace(command, "--help");
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        assertTrue(r.out().startsWith("Usage: pace " + command + " "), r::toString);
        assertContains(r, summary);
        assertContains(r, detail);
    }

    /**
     * picocli formats descriptions with {@code String.format}: an unescaped % (as in "95% CI") makes it print WARN
     * lines on System.err and fall back to the raw text, which shows the doubled %% meant for formatting.
     */
    @Test
    void helpOfEveryCommandHasNoPicocliWarningAndNoDoubledPercent() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            java.util.Set<String> commands = new picocli.CommandLine(new Pace()).getSubcommands().keySet();
            assertTrue(commands.containsAll(java.util.List.of("run", "compare", "sensitivity", "calibrate")), commands::toString);
            for (String command : commands) {
                Result r = pace(command, "--help");
                assertFalse(r.out().contains("%%") || r.err().contains("%%"), r::toString);
                assertFalse(r.err().contains("WARN"), r::toString);
            }
        } finally {
            System.setErr(stderr);
        }
        String warnings = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(warnings.contains("WARN"), warnings);
    }

    @Test
    void topLevelHelpListsEveryCommandWithItsWholeSummary() {
        Result r = pace("--help");
        assertEquals(0, r.code(), r::toString);
        assertMatches("^  run\\s+Runs a scenario and writes its results folder\\.$", r.out());
        assertMatches("^  validate\\s+Checks scenario files without running them\\.$", r.out());
        assertMatches("^  graph\\s+Prints a scenario's system graph", r.out());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCodeTwo() {
        Result r = pace("validate", "--strict", "x.yaml");
        assertEquals(Pace.INVALID, r.code(), r::toString);
        assertTrue(r.err().startsWith("Unknown option: '--strict'"), r::toString);
        assertContains(r, "Usage: pace validate");
        assertNoStackTrace(r);
    }
}
