package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes that take effect on a date ({@code from:}): the event log around the date for each kind of change, with
 * listed arrivals and fixed durations, so that who is under which rules can be read off exactly. The date here is
 * day 20 ({@code from: 20d}); the same with a date and {@code run.start} is in {@code DatedChangeFilesTest}.
 */
class DatedChangeTest {
    private static final String PARENT = """
            name: dated
            run: {horizon: 1y, replications: 1, seed: 7}
            arrivals: [{name: in, times: [0d, 15d, 25d], to: a}]
            resources: {r: {capacity: 1}}
            stages:
              a: {kind: delay, duration: 10d, next: b}
              b: {kind: delay, duration: 20d, next: out}
              out: {kind: exit, outcome: done}
            """;

    @TempDir
    Path dir;

    private Model model(String parent, String changes) {
        try {
            Files.writeString(dir.resolve("parent.yaml"), parent);
            Path child = Files.writeString(dir.resolve("child.yaml"), "name: dated\nextends: parent.yaml\nchanges:\n"
                    + changes);
            return Scenarios.model(child);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> steps(Model m, String step) {
        return Scenarios.log(m).stream().filter(l -> l.endsWith(" " + step)).toList();
    }

    @Test
    void aDurationDrawnFromTheDateUsesTheNewDistribution() {
        Model m = model(PARENT, "  - {scale: {stage: a, duration: 0.5}, from: 20d, why: test}\n");
        // Child 0 and child 1 draw a's 10 days before day 20; child 2 enters a at day 25 and draws 5 days.
        assertEquals(List.of("10.000 0 a LEAVE", "25.000 1 a LEAVE", "30.000 2 a LEAVE"), steps(m, "LEAVE").stream()
                .filter(l -> l.contains(" a ")).toList());
    }

    @Test
    void aRoutingDecisionMadeFromTheDateUsesTheNewRoutes() {
        String parent = PARENT.replace("a: {kind: delay, duration: 10d, next: b}",
                "a: {kind: delay, duration: 10d, next: [{label: long, p: 1, to: b}, {label: short, p: 0, to: out}]}");
        Model m = model(parent, "  - {route: {stage: a, outcome: short, p: 1}, from: 20d, why: test}\n");
        // Child 0 leaves a at day 10 (old routes: to b); children 1 and 2 leave at 25 and 35 (new routes: out).
        assertEquals(List.of("10.000 0 b ENTER"), steps(m, "ENTER").stream().filter(l -> l.contains(" b ")).toList());
        assertEquals(List.of("25.000 1 out EXIT", "30.000 0 out EXIT", "35.000 2 out EXIT"), steps(m, "EXIT"));
    }

    @Test
    void aRemovedStageIsBypassedFromTheDateWhileAChildInItFinishes() {
        Model m = model(PARENT, "  - {remove: b, from: 20d, why: test}\n");
        // Child 0 is in b from day 10, across the date, and finishes there at day 30; children 1 and 2 leave a after
        // the date and go straight on.
        assertEquals(List.of("10.000 0 b ENTER"), steps(m, "ENTER").stream().filter(l -> l.contains(" b ")).toList());
        assertEquals(List.of("25.000 1 out EXIT", "30.000 0 out EXIT", "35.000 2 out EXIT"), steps(m, "EXIT"));
        assertEquals(List.of("a", "b", "out"), m.layout().stages(), "the removed stage keeps its row: it was used");
    }

    @Test
    void anInsertedStageReceivesChildrenRoutedToItAfterTheDate() {
        Model m = model(PARENT, "  - {insert: {stage: n, before: b, spec: {kind: delay, duration: 5d}}, from: 20d,"
                + " why: test}\n");
        assertEquals(List.of("25.000 1 n ENTER", "35.000 2 n ENTER"), steps(m, "ENTER").stream()
                .filter(l -> l.contains(" n ")).toList());
        assertEquals(List.of("30.000 0 out EXIT", "50.000 1 out EXIT", "60.000 2 out EXIT"), steps(m, "EXIT"));
        assertEquals(List.of("a", "n", "b", "out"), m.layout().stages());
    }

    @Test
    void aCapacityChangeTakesEffectAtTheDateWithoutPreemption() {
        String parent = PARENT.replace("b: {kind: delay, duration: 20d, next: out}",
                "b: {kind: service, resource: r, duration: 30d, next: out}").replace("times: [0d, 15d, 25d]",
                "times: [0d, 1d, 2d]").replace("duration: 10d", "duration: 0d");
        Model up = model(parent, "  - {set: {path: resources.r.capacity, value: 2}, from: 20d, why: test}\n");
        // One server until day 20: child 0 works from 0; at the date a second server takes child 1 at once.
        assertEquals(List.of("0.000 0 b START", "20.000 1 b START", "30.000 2 b START"), steps(up, "START"));
        String two = parent.replace("r: {capacity: 1}", "r: {capacity: 2}");
        Model down = model(two, "  - {set: {path: resources.r.capacity, value: 1}, from: 20d, why: test}\n");
        // Two servers until day 20, then one: children 0 and 1 finish their work; child 2 waits for both to end.
        assertEquals(List.of("0.000 0 b START", "1.000 1 b START", "31.000 2 b START"), steps(down, "START"));
    }

    @Test
    void aMeetingsCapacityAndCalendarChangeAtTheDate() {
        String parent = """
                name: dated
                run: {horizon: 1y, replications: 1, seed: 7}
                arrivals: [{name: in, times: [0d, 1d, 2d, 3d], to: panel}]
                stages:
                  panel: {kind: meeting, every: 28d, first: 28d, capacity: 1, next: out}
                  out: {kind: exit, outcome: done}
                """;
        Model capacity = model(parent, "  - {set: {path: stages.panel.capacity, value: 3}, from: 40d, why: test}\n");
        // The sitting at 28 hears one case under the old rules; the one at 56 hears three under the new.
        assertEquals(List.of("28.000 0 panel START", "56.000 1 panel START", "56.000 2 panel START",
                "56.000 3 panel START"), steps(capacity, "START"));
        Model weekly = model(parent, "  - {set: {path: stages.panel.every, value: 7d}, from: 30d, why: test}\n");
        // From day 30 the panel sits every 7 days counted from its first sitting: 35, 42, 49.
        assertEquals(List.of("28.000 0 panel START", "35.000 1 panel START", "42.000 2 panel START",
                "49.000 3 panel START"), steps(weekly, "START"));
    }

    @Test
    void aChangeThatChangesNothingLeavesEveryDrawAsTheBaselines() {
        // The rules switch at day 100 to identical ones: each stage keeps its streams, so every child's path matches.
        String parent = """
                name: same
                run: {horizon: 2y, replications: 1, seed: 11}
                arrivals: [{name: in, rate: 40/year, to: a}]
                resources: {r: {capacity: 2}}
                stages:
                  a: {kind: delay, duration: {lognormal: {median: 3w, p90: 9w}}, next: [{p: 0.3, to: c}, {p: 0.7, to: b}]}
                  b: {kind: service, resource: r, duration: {exponential: {mean: 2w}}, next: panel}
                  c: {kind: delay, duration: 4w, next: panel}
                  panel: {kind: meeting, every: 4w, capacity: 3, decision_delay: {uniform: [1d, 9d]}, next: out}
                  out: {kind: exit, outcome: done}
                """;
        Model dated = model(parent, "  - {scale: {stage: a, duration: 1}, from: 100d, why: test}\n"
                + "  - {set: {path: resources.r.capacity, value: 2}, from: 100d, why: test}\n");
        assertNotEquals(null, dated.change, "the switch is compiled");
        Model base = model(parent, "  - {scale: {stage: a, duration: 1}, why: test}\n");
        assertNull(base.change);
        assertEquals(Scenarios.log(base), Scenarios.log(dated));
    }

    @Test
    void aChangeFromTheStartIsTheUndatedChangeAndOneAfterTheRunIsTheParent() {
        String change = "  - {scale: {stage: a, duration: 0.5}, from: %s, why: test}\n";
        Model undated = model(PARENT, "  - {scale: {stage: a, duration: 0.5}, why: test}\n");
        assertEquals(Scenarios.log(undated), Scenarios.log(model(PARENT, change.formatted("0d"))));
        Model parent = model(PARENT, "  - {scale: {stage: a, duration: 1}, why: test}\n");
        assertEquals(Scenarios.log(parent), Scenarios.log(model(PARENT, change.formatted("22y"))));
    }
}
