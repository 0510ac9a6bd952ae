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
import org.pacesim.report.FitFiles;

/**
 * {@code pace fit} from the command line: records written by {@code pace run --records} from a scenario with known
 * durations are fitted; the fitted scenario validates; fit.csv has its columns; no child's date reaches any output;
 * small counts are suppressed; bad records are refused before anything is written.
 */
class FitCommandTest {
    private static final String TEMPLATE = RunRecordsTest.SCENARIO;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @TempDir
    static Path dir;

    static Path records;
    static Outcome fitted;

    private record Outcome(int code, String out, String err) {}

    private static Outcome pace(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Pace.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void fitTheKnownScenario() {
        records = dir.resolve("records.csv");
        assertEquals(0, pace("run", TEMPLATE, "-r", "1", "-q", "--out", dir.resolve("run").toString(), "--records",
                records.toString()).code());
        fitted = pace("fit", TEMPLATE, records.toString(), "--out", dir.resolve("fit").toString(), "-r", "4");
        assertEquals(0, fitted.code(), fitted.err());
    }

    @Test
    void theFittedScenarioValidatesAndSaysWhatWasFittedFromWhat() throws Exception {
        Path yaml = dir.resolve("fit/fitted.yaml");
        Outcome v = pace("validate", yaml.toString());
        assertEquals(0, v.code(), v.out() + v.err());
        String text = Files.readString(yaml);
        assertTrue(text.contains("extends: ../../"), text);
        assertTrue(text.contains("set: {path: stages.court.duration, value: {"), text);
        assertTrue(text.contains("why: \"") && text.contains("fitted from lodged to granted"), text);
        assertTrue(text.contains("route: {stage: assess, outcome: home, p: "), text);
        assertTrue(fitted.out().contains("Written to"), fitted.out());
        assertTrue(fitted.out().contains("assessed") && fitted.out().contains("simulated"), fitted.out());
    }

    @Test
    void fitCsvHasItsColumnsAndOneRowPerParameter() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("fit/fit.csv"));
        assertEquals(FitFiles.CSV_HEADER, lines.get(0));
        assertEquals("item,quantity,family,parameter,value,ci_low,ci_high,n,events,censored,aic,km_gap", lines.get(0));
        for (String l : lines) assertEquals(12, l.split(",", -1).length, l);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("assess,duration,lognormal,median,")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("assess,route share,aalen-johansen,court,")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("accommodated,arrival rate,poisson,per_year,")));
    }

    @Test
    void noChildsDateAppearsInAnyOutput() throws Exception {
        List<String> dates = DATE.matcher(Files.readString(records).lines().filter(l -> !l.startsWith("#"))
                .reduce("", (a, b) -> a + "\n" + b)).results().map(java.util.regex.MatchResult::group).distinct().toList();
        assertTrue(dates.size() > 100, "dates in the records: " + dates.size());
        for (String out : List.of("fitted.yaml", "fit.csv", "fit.html")) {
            String text = Files.readString(dir.resolve("fit").resolve(out));
            for (String d : dates) assertFalse(text.contains(d), out + " shows " + d);
        }
        for (String d : dates) assertFalse(fitted.out().contains(d), "the terminal shows " + d);
    }

    @Test
    void theHtmlIsSelfContainedWithAChartPerStage() throws Exception {
        String html = Files.readString(dir.resolve("fit/fit.html"));
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("<script"), "external");
        assertTrue(html.contains("<title>assess</title>") && html.contains("<title>court</title>"), "a chart per stage");
        assertTrue(html.contains("<title>arrival to granted</title>"), "observed against simulated");
    }

    @Test
    void smallCountsAreSuppressedUnlessAskedNotTo() throws Exception {
        List<String> rows = Files.readAllLines(records).stream().filter(l -> !l.startsWith("#")).limit(9).toList();
        Path thin = Files.write(dir.resolve("thin.csv"), rows);
        Outcome o = pace("fit", TEMPLATE, thin.toString(), "--out", dir.resolve("thin").toString(), "-r", "2");
        assertEquals(0, o.code(), o.err());
        String csv = Files.readString(dir.resolve("thin/fit.csv"));
        assertTrue(csv.contains(",<5,"), csv);
        String yaml = Files.readString(dir.resolve("thin/fitted.yaml"));
        assertTrue(yaml.contains("stages.court.duration kept from the template"), yaml);
        assertEquals(0, pace("validate", dir.resolve("thin/fitted.yaml").toString()).code());
        Outcome open = pace("fit", TEMPLATE, thin.toString(), "--out", dir.resolve("open").toString(), "-r", "2",
                "--no-suppression");
        assertEquals(0, open.code(), open.err());
        assertFalse(Files.readString(dir.resolve("open/fit.csv")).contains("<5"));
    }

    @Test
    void badRecordsAreRefusedWithTheirLinesAndNothingIsWritten() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "child,arrival,assessed\nC1,2024-01-01,2023-12-01\n"
                + "C1,2024-02-30,\n");
        Outcome o = pace("fit", TEMPLATE, bad.toString(), "--out", dir.resolve("bad").toString());
        assertEquals(Pace.INVALID, o.code());
        assertTrue(o.err().contains("bad.csv:2:15: records: assessed (2023-12-01) is before arrival"), o.err());
        assertTrue(o.err().contains("bad.csv:3:1: records: child 'C1' appears again"), o.err());
        assertTrue(o.err().contains("February 2024 has no day 30"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(dir.resolve("bad")));
    }

    @Test
    void recordsStartingLaterLeftTruncateTheStaysAlreadyUnderWay() throws Exception {
        Outcome o = pace("fit", TEMPLATE, records.toString(), "--from", "2024-07-01", "--as-of", "31/12/2025",
                "--out", dir.resolve("from").toString(), "-r", "2");
        assertEquals(0, o.code(), o.err());
        String yaml = Files.readString(dir.resolve("from/fitted.yaml"));
        assertTrue(yaml.contains("arrivals from 2024-07-01"), yaml);
        assertTrue(yaml.contains(", truncated="), yaml);
        assertEquals(0, pace("validate", dir.resolve("from/fitted.yaml").toString()).code());
    }
}
