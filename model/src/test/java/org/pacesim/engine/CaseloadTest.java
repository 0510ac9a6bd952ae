package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.scenario.MeasureSpec;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.ReplicationResult;

/**
 * Starting from today's caseload: children are placed mid-stage with the time already spent, keep the stage's
 * rules (servers, sittings, forks), drain, and are accounted for as a cohort of their own.
 */
class CaseloadTest {
    private static final String HEAD = "name: caseload\nrun: {horizon: 1y, warmup: 0d, replications: 1, seed: 7}\n";

    @TempDir
    Path dir;

    private Model model(String yaml, String csv) throws IOException {
        Files.writeString(dir.resolve("caseload.csv"), csv);
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, yaml);
        return Scenarios.model(file);
    }

    private static double stat(Model m, ReplicationResult r, String measure, MeasureStat s) {
        return r.measures()[m.layout().measures().indexOf(measure)][s.ordinal()];
    }

    @Test
    void theShippedCaseloadScenarioGivesTheSameResultsOnOneAndTwoThreads() {
        Model m = Scenarios.model(Path.of("../scenarios/caseload-la.yaml"));
        List<ReplicationResult> one = org.pacesim.experiment.ScenarioRun.run(m, 6, 1, null);
        List<ReplicationResult> two = org.pacesim.experiment.ScenarioRun.run(m, 6, 2, null);
        for (int r = 0; r < 6; r++) {
            assertTrue(java.util.Arrays.deepEquals(one.get(r).measures(), two.get(r).measures()), "replication " + r);
            double cleared = stat(m, one.get(r), MeasureSpec.CLEARANCE, MeasureStat.N)
                    + stat(m, one.get(r), MeasureSpec.CLEARANCE, MeasureStat.CENSORED);
            assertEquals(m.caseloadSize(), cleared, "every caseload child is accounted for");
        }
    }

    @Test
    void aChildPartWayThroughAFixedDurationLeavesWhenItsRemainderIsUp() throws IOException {
        Model m = model(HEAD + """
                caseload: {file: caseload.csv}
                stages:
                  report: {kind: delay, duration: 10w, next: done}
                  done: {kind: exit, outcome: permanence}
                """, """
                child,stage,days_in_stage,days_since_accommodation
                A,report,56,200
                B,report,0,30
                """);
        assertEquals(List.of(
                "0.000 0 report ENTER", "0.000 1 report ENTER",
                "14.000 0 report LEAVE", "14.000 0 done ENTER", "14.000 0 done EXIT",
                "70.000 1 report LEAVE", "70.000 1 done ENTER", "70.000 1 done EXIT"), Scenarios.log(m));
        ReplicationResult r = Scenarios.run(m, 0);
        // From accommodation: A 200 + 14 days, B 30 + 70 days; from the start: 14 and 70.
        assertEquals((214 + 100) / 2.0, stat(m, r, "caseload.time_to_permanence", MeasureStat.MEAN), 1e-9);
        assertEquals(42.0, stat(m, r, MeasureSpec.CLEARANCE, MeasureStat.MEAN), 1e-9);
        assertEquals(0, r.cohort(), "no new entrants: the cohort is empty");
    }

    @Test
    void theLongestInAServiceHoldTheServersAndTheRestQueueLongestFirst() throws IOException {
        Model m = model(HEAD + """
                caseload: {file: caseload.csv}
                resources: {solicitor: {capacity: 1}}
                stages:
                  advice: {kind: service, resource: solicitor, duration: 10d, next: done}
                  done: {kind: exit, outcome: permanence}
                """, """
                child,stage,days_in_stage,days_since_accommodation
                short,advice,1,100
                long,advice,6,100
                middle,advice,3,100
                """);
        // Placed in order long (id 0), middle (1), short (2): long finishes its remaining 4 days, then the others
        // are served in full, longest-waiting first.
        assertEquals(List.of(
                "0.000 0 advice ENTER", "0.000 0 advice START", "0.000 1 advice ENTER", "0.000 2 advice ENTER",
                "4.000 1 advice START", "4.000 0 advice LEAVE", "4.000 0 done ENTER", "4.000 0 done EXIT",
                "14.000 2 advice START", "14.000 1 advice LEAVE", "14.000 1 done ENTER", "14.000 1 done EXIT",
                "24.000 2 advice LEAVE", "24.000 2 done ENTER", "24.000 2 done EXIT"), Scenarios.log(m));
    }

    @Test
    void aChildWhosePapersAreInIsHeardAtTheFirstSitting() throws IOException {
        Model m = model(HEAD + """
                caseload: {file: caseload.csv}
                stages:
                  panel: {kind: meeting, every: 28d, first: 5d, capacity: 5, papers_due: 14d, next: done}
                  done: {kind: exit, outcome: permanence}
                """, """
                child,stage,days_in_stage,days_since_accommodation
                ready,panel,20,300
                late,panel,2,300
                """);
        List<String> log = Scenarios.log(m);
        assertTrue(log.contains("5.000 0 panel START"), String.join("\n", log));
        assertTrue(log.contains("33.000 1 panel START"), "papers due 14 days before: not at day 5\n" + String.join("\n", log));
    }

    @Test
    void aChildInsideAForksBranchWaitsForThatBranchAloneThenGoesOnFromTheJoin() throws IOException {
        Model m = model(HEAD + """
                caseload: {file: caseload.csv}
                arrivals: [{name: later, times: [1000d], to: proceedings}]   # after the horizon: never arrives
                stages:
                  proceedings: {kind: fork, branches: [hearing, court]}
                  hearing: {kind: delay, duration: 4w, next: disposal}
                  court: {kind: delay, duration: 20w, next: disposal}
                  disposal: {kind: join, next: granted}
                  granted: {kind: exit, outcome: permanence}
                """, """
                child,stage,days_in_stage,days_since_accommodation
                X,court,100,500
                """);
        // The root was placed at the fork: it leaves the fork when its one branch reaches the join.
        assertEquals(List.of("0.000 0 court ENTER", "40.000 0 court LEAVE", "40.000 0 disposal ENTER",
                "40.000 0 disposal LEAVE", "40.000 0 proceedings LEAVE", "40.000 0 granted ENTER",
                "40.000 0 granted EXIT"), Scenarios.log(m));
    }

    @Test
    void aCaseloadOnlyScenarioDrainsAndAccountsForEveryChild() throws IOException {
        // Counts drawn per replication, a loop and a capacity-limited service: everyone reaches an outcome.
        Model m = model("""
                name: drain
                run: {horizon: 1y, warmup: 0d, follow_up: 30y, replications: 20, seed: 11}
                attributes: {age_band: {categorical: {young: 0.4, old: 0.6}}}
                caseload:
                  counts:
                    - {stage: assess, count: 40, in_stage: {uniform: [0, 20w]}, since_accommodation: {uniform: [20w, 2y]}}
                    - {stage: advice, count: 25, in_stage: {exponential: {mean: 3w}}, since_accommodation: 1y,
                       attributes: {age_band: young}}
                resources: {solicitor: {capacity: 2}}
                stages:
                  assess: {kind: delay, duration: {lognormal: {median: 12w, p90: 30w}},
                           next: [{to: advice, p: 0.7}, {to: home, p: 0.3}]}
                  advice: {kind: service, resource: solicitor, duration: {exponential: {mean: 2w}},
                           next: [{to: advice, p: 0.2, after: 4w}, {to: order, p: 0.8}]}
                  home: {kind: exit, outcome: home}
                  order: {kind: exit, outcome: permanence}
                """, "child,stage,days_in_stage,days_since_accommodation\n");
        for (int rep = 0; rep < 20; rep++) {
            ReplicationResult r = Scenarios.run(m, rep);
            double cleared = stat(m, r, MeasureSpec.CLEARANCE, MeasureStat.N);
            double censored = stat(m, r, MeasureSpec.CLEARANCE, MeasureStat.CENSORED);
            assertEquals(65, cleared + censored, "every caseload child is counted once, replication " + rep);
            assertEquals(0, censored, "with 30 years of follow-up everyone has an outcome, replication " + rep);
            assertEquals(0, r.arrivals());
            double[] went = r.caseloadOutcomes();
            assertEquals(1.0, java.util.Arrays.stream(went).sum(), 1e-12, "every caseload child has one destination");
            int order = m.layout().outcomes().indexOf(new org.pacesim.stats.ResultLayout.Outcome("permanence", ""));
            assertEquals(stat(m, r, MeasureSpec.PERMANENCE_FROM_START, MeasureStat.N) / 65, went[order], 1e-12);
            double permanence = stat(m, r, MeasureSpec.PERMANENCE_FROM_START, MeasureStat.N);
            assertTrue(permanence >= 25 && permanence < 65, "the 25 at advice all reach an order: " + permanence);
            assertTrue(stat(m, r, MeasureSpec.CLEARANCE, MeasureStat.P90) >= stat(m, r, MeasureSpec.CLEARANCE,
                    MeasureStat.MEDIAN));
        }
    }

    @Test
    void clearanceQuantilesCountChildrenNotYetClearedAsNotCleared() throws IOException {
        // Four children: two clear at days 7 and 14, two are still there when follow-up ends, so the median time
        // to clear is not known (NaN), although the measure's two values have a median of 10.5.
        Model m = model("""
                name: censored
                run: {horizon: 10d, warmup: 0d, follow_up: 30d, replications: 1, seed: 1}
                caseload: {file: caseload.csv}
                stages:
                  quick: {kind: delay, duration: 14d, next: done}
                  slow: {kind: delay, duration: 1000d, next: done}
                  done: {kind: exit, outcome: permanence}
                """, """
                child,stage,days_in_stage,days_since_accommodation
                a,quick,7,7
                b,quick,0,0
                c,slow,0,0
                d,slow,0,0
                """);
        ReplicationResult r = Scenarios.run(m, 0);
        assertEquals(2, stat(m, r, MeasureSpec.CLEARANCE, MeasureStat.N));
        assertEquals(2, stat(m, r, MeasureSpec.CLEARANCE, MeasureStat.CENSORED));
        assertEquals(10.5, stat(m, r, MeasureSpec.CLEARANCE, MeasureStat.MEAN), 1e-9);
        assertTrue(Double.isNaN(stat(m, r, MeasureSpec.CLEARANCE, MeasureStat.MEDIAN)));
        // R-7 over [7, 14, not cleared, not cleared]: p10 = 7 + 0.3 x (14 - 7).
        assertEquals(9.1, stat(m, r, MeasureSpec.CLEARANCE, MeasureStat.P10), 1e-9);
    }

    @Test
    void aParentsCaseloadAndCalendarAreFoundFromAChildInAnotherFolder() throws IOException {
        Files.writeString(dir.resolve("caseload.csv"), "child,stage,days_in_stage,days_since_accommodation\nA,report,1,10\n");
        Files.createDirectories(dir.resolve("calendars"));
        Files.copy(Path.of("../scenarios/calendars/scotland.yaml"), dir.resolve("calendars/scotland.yaml"));
        Files.writeString(dir.resolve("parent.yaml"), """
                name: parent
                run: {horizon: 1y, warmup: 0d, start: 2026-04-01, replications: 1, seed: 1}
                calendar: {file: calendars/scotland.yaml}
                caseload: {file: caseload.csv}
                stages:
                  report: {kind: delay, duration: 2wd, next: done}
                  done: {kind: exit, outcome: permanence}
                """);
        Path child = Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("child.yaml"),
                "name: child\nextends: ../parent.yaml\n");
        Model m = Scenarios.model(child);
        assertEquals(1, m.caseloadSize());
        assertEquals("Scotland", m.scenario().calendar().holidays().name());
    }

    @Test
    void aChildInAStageThatAChangeRemovesGoesOnToTheStageAfterIt() throws IOException {
        Files.writeString(dir.resolve("caseload.csv"), """
                child,stage,days_in_stage,days_since_accommodation
                R,ratifying,10,200
                """);
        Files.writeString(dir.resolve("base.yaml"), HEAD + """
                caseload: {file: caseload.csv}
                stages:
                  ratifying: {kind: delay, duration: 8w, next: form_e}
                  form_e: {kind: delay, duration: 12w, next: done}
                  done: {kind: exit, outcome: permanence}
                """);
        Path change = Files.writeString(dir.resolve("change.yaml"), """
                name: removed
                extends: base.yaml
                changes: [{remove: ratifying, why: test}]
                """);
        assertEquals(List.of("0.000 0 form_e ENTER", "84.000 0 form_e LEAVE", "84.000 0 done ENTER",
                "84.000 0 done EXIT"), Scenarios.log(Scenarios.model(change)));
    }
}
