package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.scenario.Route;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.Summary;

/**
 * {@code remove} bypasses a stage: each route into it is replaced by its own routes with the probabilities
 * multiplied, and the simulated shares of children taking each way agree (95% CI over replications).
 */
class BypassTest {
    private static final String BASE = """
            name: bypass
            run: {horizon: 20y, replications: 20, seed: 5}
            arrivals: [{name: in, rate: 1/day, to: a}]
            stages:
              a: {kind: delay, duration: 1d, next: [{label: onward, to: x, p: 0.6}, {to: b, p: 0.4}]}
              x: {kind: delay, duration: 1d, next: [{to: c, p: 0.3}, {to: d, p: 0.7, after: 2d}]}
              b: {kind: exit, outcome: b}
              c: {kind: exit, outcome: c}
              d: {kind: exit, outcome: d}
            changes: [{remove: x, why: test}]
            """;

    @Test
    void routesIntoTheRemovedStageAreReplacedWithMultipliedProbabilities() {
        Model m = Scenarios.model(BASE);
        List<Route> routes = m.scenario().stages().get("a").routes();
        assertEquals(3, routes.size());
        assertEquals("c", routes.get(0).to());
        assertEquals(0.18, routes.get(0).p(), 1e-12);
        assertEquals("onward", routes.get(0).label());      // the label of the route into x is kept
        assertEquals("d", routes.get(1).to());
        assertEquals(0.42, routes.get(1).p(), 1e-12);
        assertEquals(2.0, ((org.pacesim.scenario.DistributionSpec.Fixed) routes.get(1).after()).days(), 0);
        assertEquals("b", routes.get(2).to());
        assertEquals(0.4, routes.get(2).p(), 1e-12);
        assertEquals(List.of("x"), m.scenario().removed());
        assertTrue(m.scenario().stage("x").isEmpty());
    }

    @Test
    void simulatedSharesMatchTheMultipliedProbabilities() {
        Model m = Scenarios.model(BASE);
        List<ReplicationResult> rs = ScenarioRun.run(m, 20, 2, null);
        double[] expected = {0.4, 0.18, 0.42};
        String[] outcomes = {"b", "c", "d"};
        for (int k = 0; k < 3; k++) {
            int o = -1;
            for (int i = 0; i < m.layout().outcomes().size(); i++) {
                if (m.layout().outcomes().get(i).outcome().equals(outcomes[k])) o = i;
            }
            final int oi = o;
            double[] shares = rs.stream().mapToDouble(r -> r.outcomes()[oi] / java.util.Arrays.stream(r.outcomes()).sum())
                    .toArray();
            Summary.Estimate e = Summary.estimate(shares);
            assertTrue(e.low() <= expected[k] && expected[k] <= e.high(),
                    outcomes[k] + ": " + expected[k] + " outside " + e.low() + ".." + e.high());
        }
    }
}
