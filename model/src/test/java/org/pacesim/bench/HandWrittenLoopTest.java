package org.pacesim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.ReplicationResult;

/**
 * The hand-written loop the benchmark compares {@code pace run} with is the same model: its constants are the
 * reference pathway files', and its per-replication statistics agree with pace's within confidence intervals
 * (fixed seeds; the two draw different random numbers, so only the statistics can agree). And it writes the
 * summary it computes, so the comparison is not with a loop that computes nothing.
 */
class HandWrittenLoopTest {
    private static final Path REFERENCE = Path.of("../bench/reference-pathway.yaml");
    private static final Path TEN_TIMES = Path.of("../bench/reference-pathway-10x.yaml");
    private static final int TTP = 0; // time_to_permanence, the built-in measure, comes first

    @Test
    void itsScalesAreTheReferencePathwayFiles() {
        for (Path file : List.of(REFERENCE, TEN_TIMES)) {
            int k = HandWrittenLoop.scaleOf(file);
            Scenario s = Workload.of(file).load();
            assertEquals(k, s.arrivals().get(0).ratePerDay(), 1e-12, file.toString());
            assertEquals(3 * k, s.resources().get("lar").capacity());
            assertEquals(k, s.resources().get("adm").capacity());
            assertEquals(2 * k, s.resources().get("court").capacity());
            assertEquals(20 * k, ((StageSpec.Meeting) s.stages().get("panel")).capacity());
            assertEquals(HandWrittenLoop.HORIZON, s.run().horizon());
        }
        assertEquals(0, HandWrittenLoop.scaleOf(Path.of("../scenarios/baseline-scotland.yaml")));
    }

    @Test
    void agreesWithPaceOnTheReferencePathway() {
        agrees(REFERENCE, 1, 30);
    }

    @Test
    void agreesWithPaceOnTheTenTimesPathway() {
        agrees(TEN_TIMES, 10, 8);
    }

    /** Each statistic's mean over replications: the difference within 3 standard errors (about 99.7%). */
    private static void agrees(Path file, int scale, int n) {
        Scenario scenario = Workload.of(file).load();
        List<ReplicationResult> pace = ScenarioRun.run(ScenarioResults.Prepared.of(scenario).model(), n, 1, null);
        HandWrittenLoop.Summary[] hand = new HandWrittenLoop(scale, scenario.run().seed()).run(n);
        for (ReplicationResult r : pace) assertEquals(0, r.censored());
        for (HandWrittenLoop.Summary s : hand) assertEquals(0, s.censored());
        within("journeys", pace, r -> r.cohortExited(), hand, s -> s.arrivals());
        within("permanence", pace, r -> r.measures()[TTP][MeasureStat.N.ordinal()], hand,
                s -> s.timeToPermanence()[0]);
        within("mean time to permanence", pace, r -> r.measures()[TTP][MeasureStat.MEAN.ordinal()], hand,
                s -> s.timeToPermanence()[1]);
        within("median time to permanence", pace, r -> r.measures()[TTP][MeasureStat.MEDIAN.ordinal()], hand,
                s -> s.timeToPermanence()[2]);
        within("p90 time to permanence", pace, r -> r.measures()[TTP][MeasureStat.P90.ordinal()], hand,
                s -> s.timeToPermanence()[6]);
    }

    private static void within(String what, List<ReplicationResult> pace, ToDoubleFunction<ReplicationResult> a,
                               HandWrittenLoop.Summary[] hand, ToDoubleFunction<HandWrittenLoop.Summary> b) {
        double[] x = pace.stream().mapToDouble(a).toArray();
        double[] y = java.util.Arrays.stream(hand).mapToDouble(b).toArray();
        double se = Math.sqrt(variance(x) / x.length + variance(y) / y.length);
        double diff = mean(x) - mean(y);
        assertTrue(Math.abs(diff) <= 3 * se, String.format(java.util.Locale.ROOT,
                "%s: pace %.3f, hand loop %.3f, difference %.3f beyond 3 standard errors (%.3f)", what, mean(x),
                mean(y), diff, 3 * se));
        assertTrue(se > 0, what + " varies between replications");
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v), s = 0;
        for (double d : v) s += (d - m) * (d - m);
        return s / (v.length - 1);
    }

    @Test
    void writesTheSummaryItComputes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("hand-loop.csv");
        HandWrittenLoop.main(new String[] {"1", "3", "20130101", out.toString()});
        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size(), "a header and a row per replication");
        String[] header = lines.get(0).split(",");
        assertEquals(6 + HandWrittenLoop.TTP.length + HandWrittenLoop.QUEUES.length, header.length);
        HandWrittenLoop.Summary first = new HandWrittenLoop(1, 20130101).run(1)[0];
        String[] row = lines.get(1).split(",");
        assertEquals(header.length, row.length);
        assertEquals(Long.toString(first.arrivals()), row[1]);
        assertTrue(first.arrivals() > 3000 && first.permanence() > 1000 && first.events() > first.arrivals(),
                "a replication of the reference pathway: " + lines.get(1));
        assertEquals(first.timeToPermanence()[1], Double.parseDouble(row[7]), 1e-6);
    }

    @Test
    void theBenchTablesShowTheRatio() {
        ScenarioResults.Prepared p = ScenarioResults.Prepared.of(Workload.of(REFERENCE).load());
        SteadyState.SideBySide two = SteadyState.sideBySide(p, 0, 0.01, 1);
        Bench.Settings s = new Bench.Settings(0, 0.01, 1, 1, 0, "512m", List.of(1), Workload.Scaling.RATE, true);
        WholeProcess.HandLoop hand = new WholeProcess.HandLoop(6.0, 4.0, 100, 3);
        String table = BenchTables.of(List.of(new Bench.Figures(Workload.of(REFERENCE), "reference", two, null, null,
                null, Double.NaN, Double.NaN, List.of(new Bench.Scaled(1, two.engine())), hand)), s);
        assertTrue(table.contains("| reference-pathway (N = 100) | 6.00 | 4.00 | 1.50x |"), table);
    }
}
