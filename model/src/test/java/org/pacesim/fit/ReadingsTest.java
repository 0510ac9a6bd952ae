package org.pacesim.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.graph.SystemGraph;
import org.pacesim.records.Pathway;
import org.pacesim.scenario.ScenarioLoader;

/** Which stages can be read from which recorded milestones, on a pathway with each kind of case in it. */
class ReadingsTest {
    private static final String SCENARIO = """
            name: readings
            run: {horizon: 2y, warmup: 0d}
            arrivals: [{name: in, rate: 100/year, to: a}]
            resources: {legal: {capacity: 2}}
            stages:
              a: {kind: delay, duration: {exponential: {mean: 2w}}, next: gap}
              gap: {kind: delay, duration: 1w, next: b}
              b: {kind: delay, duration: {exponential: {mean: 3w}}, next: c}
              c: {kind: delay, duration: {exponential: {mean: 4w}}, next: d}
              d: {kind: delay, duration: {exponential: {mean: 5w}}, next: review}
              review:
                kind: delay
                duration: {exponential: {mean: 1w}}
                next: [{label: again, p: 0.2, to: review, after: 4w}, {label: done, p: 0.8, to: e}]
              e: {kind: service, resource: legal, duration: 2w, next: out}
              out: {kind: exit, outcome: permanence}
            milestones: {a_done: {exit: a}, b_done: {exit: b}, d_done: {exit: d}, e_start: {enter: e}, e_done: {exit: e}}
            """;

    @TempDir
    static Path dir;

    static Readings readings;

    @BeforeAll
    static void read() throws Exception {
        Pathway p = new Pathway(SystemGraph.of(ScenarioLoader.load(Files.writeString(dir.resolve("r.yaml"), SCENARIO))));
        readings = new Readings(p, List.of("arrival", "a_done", "b_done", "d_done", "e_start", "e_done"));
    }

    @Test
    void aStageBetweenTwoRecordedMilestonesIsRead() {
        Readings.Reading a = readings.readings().get("a");
        assertEquals("arrival", a.entry().milestone());
        assertEquals("a_done", a.whole());
        assertFalse(a.interval());
    }

    @Test
    void aFixedStageOnTheWayIsAddedToTheEntry() {
        Readings.Reading b = readings.readings().get("b");
        assertEquals("a_done", b.entry().milestone());
        assertEquals(List.of(new Readings.Step("gap", 7, null)), b.entry().steps());
        assertFalse(b.interval());
    }

    @Test
    void twoFreeStagesBetweenMilestonesAreReadAsAnIntervalSpanningBoth() {
        Readings.Reading d = readings.readings().get("d");
        assertTrue(d.interval());
        assertEquals(List.of("c", "d"), d.spans());
        assertEquals("b_done", d.entry().milestone());
        assertTrue(readings.unread().get("c").contains("{exit: c}"), readings.unread().toString());
    }

    @Test
    void aStageInALoopIsNotRead() {
        assertFalse(readings.readings().containsKey("review"));
        assertTrue(readings.unread().get("review").contains("come back"), readings.unread().toString());
    }

    @Test
    void aServiceIsReadButItsTimeIncludesWaiting() {
        Readings.Reading e = readings.readings().get("e");
        assertEquals("e_start", e.entry().milestone());
        assertEquals("e_done", e.whole());
    }

    @Test
    void fixedStagesAreNotListedAsUnread() {
        assertFalse(readings.unread().containsKey("gap"), readings.unread().toString());
    }
}
