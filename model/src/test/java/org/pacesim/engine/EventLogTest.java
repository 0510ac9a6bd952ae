package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.stats.ReplicationResult;

/**
 * Small scenarios with listed arrival times and fixed durations, asserting the exact event log. Each pins down one
 * rule of the engine (routing, capacity, sittings, ties), so a change in semantics shows up here first.
 */
class EventLogTest {
    private static final String HEAD = "name: log\nrun: {horizon: 1y, replications: 1, seed: 1}\n";

    @Test
    void aCaseArrivingAtTheInstantOfASittingIsHeardAtThatSitting() {
        Model m = Scenarios.model(HEAD + """
                arrivals: [{name: in, times: [0d, 28d], to: panel}]
                stages:
                  panel: {kind: meeting, every: 28d, first: 28d, capacity: unlimited, next: out}
                  out: {kind: exit, outcome: done}
                """);
        assertEquals(List.of(
                "0.000 0 in ARRIVE", "0.000 0 panel ENTER",
                "28.000 1 in ARRIVE", "28.000 1 panel ENTER",
                "28.000 0 panel START", "28.000 0 panel LEAVE", "28.000 0 out ENTER", "28.000 0 out EXIT",
                "28.000 1 panel START", "28.000 1 panel LEAVE", "28.000 1 out ENTER", "28.000 1 out EXIT"),
                Scenarios.log(m));
    }

    @Test
    void papersDueAndCapacityDecideWhichSittingHearsACase() {
        // Sittings at 28, 56, 84; one case per sitting; papers due 14 days before.
        // Child 0 (day 0) is heard at 28. Child 1 (day 10) is eligible at 28 but the place is taken: 56.
        // Child 2 (day 20) is not eligible at 28 (papers due by day 14) and waits behind child 1: 84.
        Model m = Scenarios.model(HEAD + """
                arrivals: [{name: in, times: [0d, 10d, 20d], to: panel}]
                stages:
                  panel: {kind: meeting, every: 28d, first: 28d, capacity: 1, papers_due: 14d, next: out}
                  out: {kind: exit, outcome: done}
                """);
        List<String> starts = Scenarios.log(m).stream().filter(l -> l.endsWith("panel START")).toList();
        assertEquals(List.of("28.000 0 panel START", "56.000 1 panel START", "84.000 2 panel START"), starts);
    }

    @Test
    void aFreedServerGoesToTheQueueBeforeTheDepartingChildMovesOn() {
        // One server shared by two stages. Child 0 finishes s1 at day 5 and wants s2; child 1 has queued for s1
        // since day 1 and takes the server first, so child 0 starts s2 at day 10.
        Model m = Scenarios.model(HEAD + """
                arrivals: [{name: in, times: [0d, 1d], to: s1}]
                resources: {r: {capacity: 1}}
                stages:
                  s1: {kind: service, resource: r, duration: 5d, next: s2}
                  s2: {kind: service, resource: r, duration: 5d, next: out}
                  out: {kind: exit, outcome: done}
                """);
        List<String> log = Scenarios.log(m);
        assertEquals(List.of("0.000 0 s1 START", "5.000 1 s1 START", "10.000 0 s2 START", "15.000 1 s2 START"),
                log.stream().filter(l -> l.endsWith("START")).toList());
        assertEquals(log.indexOf("5.000 1 s1 START") + 1, log.indexOf("5.000 0 s1 LEAVE"));
    }

    @Test
    void priorityByAttributeServesHigherClassesFirstAndFifoWithin() {
        Model m = Scenarios.model(HEAD + """
                attributes: {band: {categorical: {young: 0.5, old: 0.5}}}
                arrivals:
                  - {name: old, times: [0d, 1d, 2d], attributes: {band: old}, to: s}
                  - {name: young, times: [3d, 4d], attributes: {band: young}, to: s}
                resources: {r: {capacity: 1, priority: {band: [young]}}}
                stages:
                  s: {kind: service, resource: r, duration: 10d, next: out}
                  out: {kind: exit, outcome: done}
                """);
        // ids are per replication in arrival order: old 0,1,2 at days 0,1,2; young 3,4 at days 3,4
        assertEquals(List.of("0.000 0 s START", "10.000 3 s START", "20.000 4 s START", "30.000 1 s START",
                "40.000 2 s START"), Scenarios.log(m).stream().filter(l -> l.endsWith("START")).toList());
    }

    @Test
    void untilWaitsForTheMilestonePlusTheOffsetOrGoesOnAtOnce() {
        Model m = Scenarios.model(HEAD + """
                arrivals: [{name: in, times: [10d], to: first}]
                stages:
                  first: {kind: delay, duration: 50d, next: review}
                  review: {kind: delay, until: {milestone: arrival, plus: 42d}, next: again}
                  again: {kind: delay, until: {milestone: arrival, plus: 70d}, next: out}
                  out: {kind: exit, outcome: done}
                """);
        // review: due at day 52 but entered at day 60 -> at once; again: due at day 80
        assertEquals(List.of("10.000 0 first ENTER", "60.000 0 review ENTER", "60.000 0 again ENTER",
                "80.000 0 out ENTER"), Scenarios.log(m).stream().filter(l -> l.endsWith("ENTER")).toList());
    }

    @Test
    void aForkRunsBranchesInParallelAndTheJoinWaitsForTheLast() {
        Model m = Scenarios.model(HEAD + """
                arrivals: [{name: in, times: [0d], to: split}]
                stages:
                  split: {kind: fork, branches: [legal, report]}
                  legal: {kind: delay, duration: 3d, next: ready}
                  report: {kind: delay, duration: 7d, next: ready}
                  ready: {kind: join, next: panel}
                  panel: {kind: delay, duration: 1d, next: out}
                  out: {kind: exit, outcome: done}
                milestones: {ready_at: {exit: ready}}
                measures: {parallel: {from: arrival, to: ready_at}}
                """);
        assertEquals(List.of("0.000 0 split ENTER", "0.000 0 legal ENTER", "0.000 0 report ENTER",
                "3.000 0 ready ENTER", "7.000 0 ready ENTER", "7.000 0 panel ENTER", "8.000 0 out ENTER"),
                Scenarios.log(m).stream().filter(l -> l.endsWith("ENTER")).toList());
        ReplicationResult r = Scenarios.run(m, 0);
        assertEquals(7.0, r.measures()[m.layout().measures().indexOf("parallel")][org.pacesim.scenario.MeasureStat.MEAN.ordinal()]);
        int split = m.layout().stages().indexOf("split");
        assertEquals(7.0, r.stages()[split][org.pacesim.stats.StageStat.TIME_IN_STAGE_MEAN.ordinal()]);
    }

    @Test
    void aRouteCanSetAnAttributeThatLaterRoutesDependOn() {
        Model m = Scenarios.model(HEAD + """
                attributes: {plan: {categorical: {none: 1, adoption: 0, kinship: 0}}}
                arrivals: [{name: in, times: [0d, 1d, 2d, 3d, 4d, 5d, 6d, 7d, 8d, 9d, 10d, 11d], to: decide}]
                stages:
                  decide: {kind: delay, duration: 1d, next: [{to: panel, p: 0.5, set: {plan: adoption}},
                                                           {to: panel, p: 0.5, set: {plan: kinship}}]}
                  panel: {kind: delay, duration: 1d, next: [{when: plan == adoption, to: adopt}, {to: kin}]}
                  adopt: {kind: exit, outcome: permanence, order: adoption}
                  kin: {kind: exit, outcome: permanence, order: kinship}
                """);
        List<String> log = Scenarios.log(m);
        // Without the attribute set on the way, every child would take the route for everyone else (kin).
        long adopted = log.stream().filter(l -> l.endsWith("adopt EXIT")).count();
        long kin = log.stream().filter(l -> l.endsWith("kin EXIT")).count();
        assertEquals(12, adopted + kin);
        assertTrue(adopted > 0 && kin > 0, adopted + " adopted, " + kin + " kinship");
        org.pacesim.graph.FlowModel flows = new org.pacesim.graph.FlowModel(m.graph());
        assertEquals(0.5, flows.entriesPerYear().get("adopt") / flows.entriesPerYear().get("panel"), 1e-9);
        assertEquals(0.5, flows.entriesPerYear().get("kin") / flows.entriesPerYear().get("panel"), 1e-9);
    }

    @Test
    void anAfterDelayPassesBetweenLeavingAndEntering() {
        Model m = Scenarios.model(HEAD + """
                arrivals: [{name: in, times: [0d], to: a}]
                stages:
                  a: {kind: delay, duration: 1d, next: [{to: b, after: 6w}]}
                  b: {kind: delay, duration: 1d, next: out}
                  out: {kind: exit, outcome: done}
                """);
        assertEquals(List.of("0.000 0 a ENTER", "43.000 0 b ENTER", "44.000 0 out ENTER"),
                Scenarios.log(m).stream().filter(l -> l.endsWith("ENTER")).toList());
    }

    @Test
    void theCohortIsArrivalsFromWarmupUpToButNotIncludingTheHorizon() {
        Model m = Scenarios.model("""
                name: window
                run: {horizon: 20d, warmup: 10d, replications: 1, seed: 1}
                arrivals: [{name: in, times: [9d, 10d, 19d, 20d, 25d], to: out}]
                stages:
                  out: {kind: exit, outcome: done}
                """);
        ReplicationResult r = Scenarios.run(m, 0);
        assertEquals(3, r.arrivals());
        assertEquals(2, r.cohort());
        assertEquals(2, r.cohortExited());
        assertEquals(0, r.censored());
    }

    @Test
    void childrenStillInTheSystemAtTheEndOfFollowUpAreCensoredNotDropped() {
        Model m = Scenarios.model("""
                name: censoring
                run: {horizon: 10d, follow_up: 30d, replications: 1, seed: 1}
                arrivals: [{name: in, times: [0d, 5d], to: wait}]
                stages:
                  wait: {kind: delay, until: {milestone: arrival, plus: 37d}, next: done}
                  done: {kind: exit, outcome: permanence}
                """);
        ReplicationResult r = Scenarios.run(m, 0);
        // child 0 leaves at day 37 (< 40, the end of follow-up); child 1 would leave at day 42: censored
        assertEquals(2, r.cohort());
        assertEquals(1, r.cohortExited());
        assertEquals(1, r.censored());
        int ttp = m.layout().measures().indexOf("time_to_permanence");
        assertEquals(1.0, r.measures()[ttp][org.pacesim.scenario.MeasureStat.N.ordinal()]);
        assertEquals(1.0, r.measures()[ttp][org.pacesim.scenario.MeasureStat.CENSORED.ordinal()]);
        assertEquals(40.0, r.endTime());
    }
}
