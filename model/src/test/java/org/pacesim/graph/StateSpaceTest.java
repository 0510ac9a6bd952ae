package org.pacesim.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.ScenarioLoader;

/** Checks on (stage, profile) states: attributes set by routes are followed into later routing. */
class StateSpaceTest {
    @TempDir
    Path dir;

    private SystemGraph graph(String yaml) throws Exception {
        return SystemGraph.of(ScenarioLoader.load(Files.writeString(dir.resolve("s.yaml"), yaml)));
    }

    @Test
    void aProfileReachedOnlyThroughASetRouteMustHaveARouteLater() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> graph("""
                name: gap
                run: {horizon: 1y}
                attributes: {plan: {categorical: {none: 1, adoption: 0, kinship: 0}}}
                arrivals: [{name: in, rate: 1/week, to: decide}]
                stages:
                  decide: {kind: delay, duration: 1d, next: [{to: panel, p: 0.5, set: {plan: adoption}},
                                                           {to: panel, p: 0.5, set: {plan: kinship}}]}
                  panel: {kind: delay, duration: 1d, next: [{when: plan == adoption, to: out}, {when: plan == none, to: out}]}
                  out: {kind: exit, outcome: done}
                """));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("s.yaml:8:3: stages.panel.next: children with plan = kinship reach 'panel'"
                + " but no route applies to them"), e.getMessage());
    }

    @Test
    void aLoopThatOnlySomeProfilesCannotLeaveIsReportedForThem() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> graph("""
                name: trap
                run: {horizon: 1y}
                attributes: {band: {categorical: {young: 0.5, old: 0.5}}}
                arrivals: [{name: in, rate: 1/week, to: review}]
                stages:
                  review: {kind: delay, duration: 1w, next: [{when: band == young, to: review},
                                                             {to: review, p: 0.5}, {to: out, p: 0.5}]}
                  out: {kind: exit, outcome: done}
                """));
        assertTrue(e.getMessage().contains("children with band = young who reach 'review' can never leave: the loop"
                + " through review has no way out"), e.getMessage());
    }

    @Test
    void expectedFlowsFollowTheAttributesSetOnTheWay() throws Exception {
        SystemGraph g = graph("""
                name: flows
                run: {horizon: 1y}
                attributes: {plan: {categorical: {none: 1, adoption: 0}}}
                arrivals: [{name: in, rate: 100/year, to: decide}]
                stages:
                  decide: {kind: delay, duration: 1d, next: [{to: court, p: 0.3, set: {plan: adoption}}, {to: out, p: 0.7}]}
                  court: {kind: delay, duration: 1d, next: [{when: plan == adoption, to: match}, {to: out}]}
                  match: {kind: delay, duration: 1d, next: out}
                  out: {kind: exit, outcome: done}
                """);
        FlowModel f = new FlowModel(g);
        assertEquals(30.0, f.entriesPerYear().get("match"), 1e-9);
        assertEquals(100.0, f.entriesPerYear().get("out"), 1e-9);
    }
}
