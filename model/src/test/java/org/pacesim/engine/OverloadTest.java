package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.graph.FlowModel;

/** Demand beyond capacity is flagged before the run with the numbers, and a runaway queue stops the run. */
class OverloadTest {
    private static final String OVERLOADED = """
            name: overloaded court
            run: {horizon: 20y, replications: 4, seed: 3, queue_limit: 100}
            arrivals: [{name: in, rate: 1/week, to: court}]
            resources: {court: {capacity: 1}}
            stages:
              court: {kind: service, resource: court, duration: {exponential: {mean: 9d}}, next: out}
              out: {kind: exit, outcome: done}
            """;

    @Test
    void offeredLoadIsComputedFromTheRoutingAndReportedWhenAtOrAboveCapacity() {
        Model m = Scenarios.model(OVERLOADED);
        FlowModel flows = new FlowModel(m.graph());
        FlowModel.Load court = flows.loads().get("court");
        assertEquals(9.0 / 7.0, court.utilisation(), 1e-9);
        List<String> warnings = flows.warnings();
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("court: offered load 1.29 of capacity"), warnings.get(0));
        assertTrue(warnings.get(0).contains("grows without bound"));
    }

    @Test
    void aQueuePastItsBoundStopsTheRunWithAClearMessage() {
        Model m = Scenarios.model(OVERLOADED);
        ScenarioRun.RunawayException e = assertThrows(ScenarioRun.RunawayException.class,
                () -> ScenarioRun.run(m, 4, 2, null));
        assertTrue(e.getMessage().contains("the queue at 'court' passed 100 children"), e.getMessage());
    }

    @Test
    void loopsAndMeetingsEnterTheOfferedLoad() {
        Model m = Scenarios.model("""
                name: loop
                run: {horizon: 5y, replications: 1, seed: 3}
                arrivals: [{name: in, rate: 60/year, to: panel}]
                stages:
                  panel: {kind: meeting, every: 4w, capacity: 5, next: [{to: panel, p: 0.25, after: 1w}, {to: out, p: 0.75}]}
                  out: {kind: exit, outcome: done}
                """);
        FlowModel.Load panel = new FlowModel(m.graph()).loads().get("panel");
        // 60 a year visit 1/(1-0.25) = 4/3 times on average: 80 cases a year against 5 x 365.25/28 places
        assertEquals(80.0, panel.demand(), 1e-9);
        assertEquals(5 * 365.25 / 28, panel.capacity(), 1e-9);
    }
}
