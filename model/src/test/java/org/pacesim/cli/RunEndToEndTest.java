package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pace run} from the command line to the files on disk. */
class RunEndToEndTest {
    private static final String SCENARIO = "src/test/resources/engine/small-la.yaml";

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {}

    private static Outcome pace(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Pace.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void writesTheResultsFolderAndAReadableSummary() throws Exception {
        Path out = dir.resolve("run");
        Outcome o = pace("run", SCENARIO, "-r", "4", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        try (var files = Files.list(out)) {
            assertEquals(List.of("charts", "outcomes.csv", "report.html", "run.json", "stages.csv", "summary.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("scenario,measure,statistic,mean,ci_low,ci_high,replications", summary.get(0));
        assertTrue(summary.stream().anyMatch(l -> l.contains(",time_to_permanence,median,")));
        assertTrue(summary.stream().anyMatch(l -> l.contains(",aim3,within_target,")));
        assertEquals("scenario,stage,statistic,mean,ci_low,ci_high,replications",
                Files.readAllLines(out.resolve("stages.csv")).get(0));
        assertEquals("scenario,outcome,order,per_year_mean,ci_low,ci_high,replications",
                Files.readAllLines(out.resolve("outcomes.csv")).get(0));
        String json = Files.readString(out.resolve("run.json"));
        assertTrue(json.contains("\"seed\" : 20130101"), json);
        assertTrue(json.contains("\"sha256\""), json);
        assertTrue(o.out().contains("time_to_permanence"), o.out());
        assertTrue(o.out().contains("Results written to"), o.out());
    }

    @Test
    void theSameRunWithOneOrTwoThreadsWritesIdenticalCsvFiles() throws Exception {
        Path a = dir.resolve("one");
        Path b = dir.resolve("two");
        assertEquals(0, pace("run", SCENARIO, "-r", "6", "-t", "1", "-q", "--out", a.toString()).code());
        assertEquals(0, pace("run", SCENARIO, "-r", "6", "-t", "2", "-q", "--out", b.toString()).code());
        for (String f : List.of("summary.csv", "stages.csv", "outcomes.csv")) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
    }

    @Test
    void anEarlierResultsFolderIsNeverOverwritten() throws Exception {
        Path out = dir.resolve("run");
        assertEquals(0, pace("run", SCENARIO, "-r", "2", "-q", "--out", out.toString()).code());
        String before = Files.readString(out.resolve("summary.csv"));
        Outcome again = pace("run", SCENARIO, "-r", "3", "-q", "--out", out.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("never overwritten"), again.err());
        assertFalse(again.err().contains("Exception"), again.err());
        assertEquals(before, Files.readString(out.resolve("summary.csv")));
    }

    @Test
    void anExperimentWritesItsFolderWithComparisonAndFindings() throws Exception {
        Path out = dir.resolve("exp");
        Outcome o = pace("experiment", "src/test/resources/experiment/experiment.yaml", "-r", "6", "--out",
                out.toString());
        assertEquals(0, o.code(), o.err());
        try (var files = Files.list(out)) {
            assertEquals(List.of("charts", "comparison.csv", "findings.md", "outcomes.csv", "replications.csv",
                    "report.html", "run.json", "stages.csv", "summary.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("scenario,baseline,measure,statistic,difference,ci_low,ci_high,replications,baseline_mean,"
                + "scenario_mean", Files.readAllLines(out.resolve("comparison.csv")).get(0));
        List<String> reps = Files.readAllLines(out.resolve("replications.csv"));
        assertEquals("scenario,replication,measure,statistic,value", reps.get(0));
        // 3 scenarios x 6 replications x (time_to_permanence: 8 statistics + aim2..4: 9 each), then stage figures
        assertEquals(1 + 3 * 6 * (8 + 3 * 9), reps.stream().filter(r -> !r.contains(",stage:")).count());
        // every figure comparison.csv compares is in replications.csv, for both sides
        java.util.Set<String> written = new java.util.HashSet<>();
        for (String r : reps.subList(1, reps.size())) {
            String[] c = r.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            written.add(c[0] + "|" + c[2] + "|" + c[3]);
        }
        List<String> compared = Files.readAllLines(out.resolve("comparison.csv"));
        assertTrue(compared.stream().anyMatch(r -> r.contains(",stage:")), "comparison.csv has stage rows");
        for (String r : compared.subList(1, compared.size())) {
            String[] c = r.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            assertTrue(written.contains(c[0] + "|" + c[2] + "|" + c[3]), "replications.csv lacks " + r);
            assertTrue(written.contains(c[1] + "|" + c[2] + "|" + c[3]), "replications.csv lacks the baseline of " + r);
            for (String cell : c) assertFalse(cell.equals("-0"), r);
        }
        String findings = Files.readString(out.resolve("findings.md"));
        assertTrue(findings.contains("**Form E in half the time**: "), findings);
        assertTrue(findings.contains("Common random numbers: "), findings);
        // The terminal shows the key figures and where the rest is, not the whole of findings.md.
        assertTrue(o.out().contains("test experiment: key figures"), o.out());
        assertTrue(o.out().contains("Findings: " + out.resolve("findings.md")), o.out());
        assertFalse(o.out().contains("## What each intervention does"), o.out());
    }

    @Test
    void quietStillSaysWhereTheResultsAre() throws Exception {
        Path out = dir.resolve("quiet");
        Outcome o = pace("experiment", "src/test/resources/experiment/experiment.yaml", "-r", "2", "--no-crn-check",
                "-q", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(out.toString(), o.out().strip());
    }

    @Test
    void compareTakesTheFirstFileAsTheBaseline() throws Exception {
        Path out = dir.resolve("cmp");
        Outcome o = pace("compare", SCENARIO, "src/test/resources/experiment/faster-form-e.yaml", "-r", "4",
                "--no-crn-check", "-q", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        List<String> rows = Files.readAllLines(out.resolve("comparison.csv"));
        assertTrue(rows.stream().skip(1).allMatch(r -> r.startsWith("Form E in half the time,\"Small LA")), rows.get(1));
    }

    @Test
    void overloadIsReportedBeforeTheRun() throws Exception {
        Path f = Files.writeString(dir.resolve("over.yaml"), """
                name: overloaded
                run: {horizon: 2y, replications: 2, seed: 1}
                arrivals: [{name: in, rate: 2/week, to: adm}]
                resources: {adm: {capacity: 1}}
                stages:
                  adm: {kind: service, resource: adm, duration: 4d, next: out}
                  out: {kind: exit, outcome: done}
                """);
        Outcome o = pace("run", f.toString(), "-q", "--out", dir.resolve("o").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("warning: adm: offered load 1.14 of capacity"), o.err());
    }

    /** A scenario of today's caseload alone has no cohort: the charts of a cohort say so, the rest are drawn. */
    @Test
    void aCaseloadOnlyScenarioRunsAndSaysWhichChartsItCouldNotDraw() throws Exception {
        Files.writeString(dir.resolve("today.csv"), "child,stage,days_in_stage,days_since_accommodation\n"
                + "A,advice,3,40\nB,advice,0,30\nC,advice,1,20\nD,advice,2,60\nE,advice,5,90\nF,advice,0,10\n");
        Path f = Files.writeString(dir.resolve("today.yaml"), """
                name: today's caseload alone
                run: {horizon: 1y, warmup: 0d, replications: 3, seed: 1}
                caseload: {file: today.csv}
                resources: {solicitor: {capacity: 2}}
                stages:
                  advice: {kind: service, resource: solicitor, duration: 2w, next: done}
                  done: {kind: exit, outcome: permanence}
                measures:
                  quick: {from: arrival, to: permanence, target: 10w}
                """);
        Path out = dir.resolve("o");
        Outcome o = pace("run", f.toString(), "-q", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.exists(out.resolve("charts/queues.svg")), "the queues are the caseload's too");
        String report = Files.readString(out.resolve("report.html"));
        for (String chart : List.of("cumulative", "where_time_goes", "timelines")) {
            assertTrue(report.contains("Not drawn: " + chart + ": no child entered during the observation window"),
                    chart + " in " + report);
        }
        assertTrue(report.contains("Not drawn: distribution: no child of the cohort"), report);
        assertTrue(report.contains("Not drawn: aims: no child of the cohort was counted"), report);
    }
}
