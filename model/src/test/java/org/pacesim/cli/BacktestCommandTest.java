package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.report.BacktestReport;

/**
 * {@code pace backtest} end to end: the files it writes, counts below 5 shown as {@code <5} unless asked otherwise,
 * no child's date in any output, and bad input refused with a message and exit code 2.
 */
class BacktestCommandTest {
    static final String TEMPLATE = "src/test/resources/fit/known-durations.yaml";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @TempDir
    static Path dir;
    static Path records;

    /** The exit code, standard output and standard error. */
    record Ran(int code, String out, String err) {}

    static Ran pace(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Pace.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Ran(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void makeRecords() {
        records = dir.resolve("records.csv");
        assertEquals(0, pace("run", TEMPLATE, "-r", "1", "-q", "--out", dir.resolve("run").toString(), "--records",
                records.toString()).code());
    }

    private static Ran backtest(String out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("backtest", TEMPLATE, records.toString(), "-r", "40",
                "-o", dir.resolve(out).toString()));
        args.addAll(List.of(more));
        return pace(args.toArray(String[]::new));
    }

    @Test
    void writesTheCsvAndASelfContainedPageWithSmallCountsSuppressed() throws Exception {
        Ran r = backtest("bt", "--at", "2025-01-01");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Coverage: "), r.out());
        List<String> csv = Files.readAllLines(dir.resolve("bt/backtest.csv"));
        assertEquals(BacktestReport.HEADER, csv.get(0));
        long suppressed = 0;
        for (String line : csv.subList(1, csv.size())) {
            String observed = line.split(",", -1)[4];
            assertFalse(observed.matches("[1-4]"), "a count below 5 shown: " + line);
            if (observed.equals("<5")) suppressed++;
        }
        assertTrue(suppressed > 0, "the last, part quarter has small counts");
        String html = Files.readString(dir.resolve("bt/backtest.html"));
        assertTrue(html.contains("<svg"), "the chart is inline");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http"), "nothing loaded from the network");
        // the only dates shown are the back-test date and the quarters' first days, never a child's
        for (String text : List.of(r.out(), html, String.join("\n", csv))) {
            var m = DATE.matcher(text);
            while (m.find()) {
                String d = m.group();
                assertTrue(d.equals("2025-01-01") || d.matches("\\d{4}-(01|04|07|10)-01"), "a date shown: " + d);
            }
        }
    }

    @Test
    void noSuppressionShowsTheSmallCounts() throws Exception {
        assertEquals(0, backtest("plain", "--at", "2025-01-01", "--no-suppression").code());
        String csv = Files.readString(dir.resolve("plain/backtest.csv"));
        assertFalse(csv.contains("<5"));
    }

    @Test
    void badDatesAreRefusedWithAMessageAndExitCode2() {
        for (String at : List.of("2026-06-01", "2023-06-01", "31/02/2025")) {
            Ran r = backtest("bad-" + at.replace('/', '-'), "--at", at);
            assertEquals(2, r.code(), at + ": " + r.err());
            assertTrue(r.err().contains("--at"), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            assertFalse(Files.exists(dir.resolve("bad-" + at.replace('/', '-'))), "no folder for bad input");
        }
    }

    @Test
    void aDateWhenNoChildWasOnItsWayIsRefused() throws Exception {
        Path done = Files.writeString(dir.resolve("done.csv"), """
                child,arrival,assessed,lodged,granted
                C1,2024-01-10,2024-03-01,2024-03-01,2024-06-01
                C2,2024-02-10,2024-04-01,,
                C3,2024-08-10,,,
                """);
        Ran r = pace("backtest", TEMPLATE, done.toString(), "--at", "2024-07-01", "-o", dir.resolve("none").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no child of the records was still on its way"), r.err());
    }

    @Test
    void anExistingResultsFolderIsNeverOverwritten() throws Exception {
        Path taken = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(taken.resolve("keep.txt"), "earlier results");
        Ran r = backtest("taken", "--at", "2025-01-01");
        assertEquals(2, r.code(), r.err());
        assertEquals("earlier results", Files.readString(taken.resolve("keep.txt")));
        assertFalse(Files.exists(taken.resolve("backtest.csv")));
    }
}
