package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.random.StreamBank;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.ReplicationResult;

/**
 * The calendar in the engine: arrival rates by month and year, capacity that changes by period, durations and
 * measures in working days, and meetings on calendar rules.
 */
class CalendarEngineTest {
    @TempDir
    Path dir;

    private Model model(String yaml) throws IOException {
        Path cal = Path.of("../scenarios/calendars/scotland.yaml").toAbsolutePath();
        return Scenarios.model(Files.writeString(dir.resolve("s.yaml"), yaml.replace("CALENDAR", cal.toString())));
    }

    @Test
    void aRateThatVariesByMonthAndYearGivesTheExpectedCountsPerMonth() throws IOException {
        // 120/year, January doubled, June halved, no one in December, growing 5% a year; 10 years from 1 Jan 2026.
        Model m = model("""
                name: seasonal
                run: {start: 2026-01-01, horizon: 10y, warmup: 0d, follow_up: 1d, replications: 1, seed: 99}
                arrivals: [{name: in, rate: 120/year, by_month: {jan: 2, jun: 0.5, dec: 0}, trend: +5%/year, to: out}]
                stages: {out: {kind: exit, outcome: done}}
                """);
        int months = 120;
        int reps = 100;
        long[] observed = new long[months];
        LocalDate start = LocalDate.of(2026, 1, 1);
        double[] bounds = new double[months + 1];
        for (int k = 0; k <= months; k++) bounds[k] = java.time.temporal.ChronoUnit.DAYS.between(start, start.plusMonths(k));
        for (int r = 0; r < reps; r++) {
            new Replication(m, new StreamBank(99), r, (t, child, seat, stage, step) -> {
                if (step == Trace.Step.ARRIVE) {
                    int k = 0;
                    while (k < months && bounds[k + 1] <= t) k++;
                    if (k < months) observed[k]++;
                }
            }).run();
        }
        double y = 365.25;
        double g = Math.log(1.05);
        double[] expected = new double[months];
        List<Double> e = new ArrayList<>();
        List<Long> o = new ArrayList<>();
        for (int k = 0; k < months; k++) {
            int month = start.plusMonths(k).getMonthValue();
            double mult = month == 1 ? 2 : month == 6 ? 0.5 : month == 12 ? 0 : 1;
            // The integral of 120/y x mult x 1.05^(t/y) over the month, times the replications.
            expected[k] = reps * 120 / y * mult * y / g * (Math.exp(g * bounds[k + 1] / y) - Math.exp(g * bounds[k] / y));
            if (mult == 0) {
                assertEquals(0, observed[k], "no one arrives in December");
            } else {
                e.add(expected[k]);
                o.add(observed[k]);
            }
        }
        double p = new ChiSquareTest().chiSquareTest(e.stream().mapToDouble(Double::doubleValue).toArray(),
                o.stream().mapToLong(Long::longValue).toArray());
        System.out.printf("arrivals by month: chi-square p = %.3f over %d months (first January %d vs %.1f expected,"
                + " last November %d vs %.1f)%n", p, e.size(), observed[0], expected[0], observed[118], expected[118]);
        assertTrue(p > 0.001, "counts per month differ from the integral of the rate (p = " + p + ")");
    }

    @Test
    void noServiceStartsWhileCapacityIsZeroAndWorkUnderWayFinishes() throws IOException {
        // One solicitor, away for February 2026. Children arrive on days 20, 25 and 40; the work takes 15 days.
        Model m = model("""
                name: vacancy
                run: {start: 2026-01-01, horizon: 1y, warmup: 0d, replications: 1, seed: 1}
                arrivals: [{name: in, times: [20d, 25d, 40d], to: advice}]
                resources: {solicitor: {capacity: 1, schedule: [{from: 2026-02-01, to: 2026-02-28, capacity: 0}]}}
                stages:
                  advice: {kind: service, resource: solicitor, duration: 15d, next: out}
                  out: {kind: exit, outcome: done}
                """);
        // Day 31 is 1 February, day 59 is 1 March. Child 0 started on day 20 and finishes on day 35 (no pre-emption);
        // child 1 waits until 1 March, then child 2.
        assertEquals(List.of(
                "20.000 0 in ARRIVE", "20.000 0 advice ENTER", "20.000 0 advice START",
                "25.000 1 in ARRIVE", "25.000 1 advice ENTER",
                "35.000 0 advice LEAVE", "35.000 0 out ENTER", "35.000 0 out EXIT",
                "40.000 2 in ARRIVE", "40.000 2 advice ENTER",
                "59.000 1 advice START",
                "74.000 2 advice START", "74.000 1 advice LEAVE", "74.000 1 out ENTER", "74.000 1 out EXIT",
                "89.000 2 advice LEAVE", "89.000 2 out ENTER", "89.000 2 out EXIT"), Scenarios.log(m));
    }

    @Test
    void aScheduleThatKeepsTheSameCapacityChangesNothing() throws IOException {
        String base = """
                name: same
                run: {start: 2026-01-01, horizon: 2y, warmup: 0d, replications: 1, seed: 5}
                arrivals: [{name: in, rate: 3/week, to: advice}]
                resources: {solicitor: {capacity: 2SCHEDULE}}
                stages:
                  advice: {kind: service, resource: solicitor, duration: {exponential: {mean: 4d}}, next: out}
                  out: {kind: exit, outcome: done}
                """;
        ReplicationResult plain = Scenarios.run(model(base.replace("SCHEDULE", "")), 0);
        ReplicationResult same = Scenarios.run(model(base.replace("SCHEDULE",
                ", schedule: [{from: 07-01, to: 08-31, capacity: 2}]")), 0);
        assertTrue(java.util.Arrays.deepEquals(plain.measures(), same.measures()));
        assertArrayEquals(plain.stages()[0], same.stages()[0]);
    }

    @Test
    void workingDaysSkipChristmasAndNewYearAndTheMeasureCountsThem() throws IOException {
        // From Wednesday 24 December 2025, 3 working days are the 24th, 29th and 30th: done at 00:00 on the 31st.
        Model m = model("""
                name: festive
                run: {start: 2025-12-24, horizon: 1y, warmup: 0d, replications: 1, seed: 1}
                calendar: {file: CALENDAR}
                arrivals: [{name: in, times: [0d], to: report}]
                stages:
                  report: {kind: delay, duration: 3wd, next: out}
                  out: {kind: exit, outcome: done}
                milestones: {reported: {exit: report}}
                measures: {clock: {from: arrival, to: reported, count: working_days, target: 5wd}}
                """);
        assertEquals(List.of("0.000 0 in ARRIVE", "0.000 0 report ENTER", "7.000 0 report LEAVE", "7.000 0 out ENTER",
                "7.000 0 out EXIT"), Scenarios.log(m));
        ReplicationResult r = Scenarios.run(m, 0);
        int clock = m.layout().measures().indexOf("clock");
        assertEquals(3 * 7.0 / 5.0, r.measures()[clock][MeasureStat.MEAN.ordinal()], 1e-12, "3 working days, x 7/5");
        assertEquals(1.0, r.measures()[clock][MeasureStat.WITHIN_TARGET.ordinal()]);
    }

    @Test
    void aMeetingOnACalendarRuleHearsCasesOnItsSittingDays() throws IOException {
        Model m = model("""
                name: panel
                run: {start: 2026-04-01, horizon: 10y, warmup: 0d, replications: 1, seed: 1}
                calendar: {file: CALENDAR}
                arrivals: [{name: in, rate: 2/week, to: panel}]
                stages:
                  panel: {kind: meeting, on: first Tuesday of the month, not_in: [july], capacity: unlimited, next: out}
                  out: {kind: exit, outcome: done}
                """);
        java.util.TreeSet<Double> starts = new java.util.TreeSet<>();
        new Replication(m, new StreamBank(1), 0, (t, child, seat, stage, step) -> {
            if (step == Trace.Step.START) starts.add(t);
        }).run();
        double[] sittings = ((CompiledStage.Sits) m.stages[m.stageIndex("panel")].part()).sittings();
        List<Double> inRun = new ArrayList<>();
        for (double s : sittings) if (s <= starts.last()) inRun.add(s);
        assertEquals(inRun, new ArrayList<>(starts), "cases are heard on the sitting days and no others");
        assertTrue(starts.size() >= 110, "ten years of eleven sittings: " + starts.size());
    }
}
