package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pacesim.random.StreamBank;
import org.pacesim.stats.ReplicationResult;

/**
 * A child's object carries a later arrival once its journey has ended: nothing of the earlier journey may show in
 * the later one. Half the children pass a stage whose milestone the other half never reach; a child carried by an
 * object that did reach it must still show it as not reached.
 */
class ChildReuseTest {
    @Test
    void aLaterChildStartsWithNothingOfTheEarlierOne() {
        Model m = Scenarios.model("""
                name: reuse
                run: {horizon: 200d, warmup: 0d, follow_up: 30d, replications: 1, seed: 3}
                attributes:
                  kind: {categorical: {a: 0.5, b: 0.5}}
                arrivals:
                  - {name: in, rate: 5/day, to: [{when: kind == a, to: via_a}, {to: via_b}]}
                stages:
                  via_a: {kind: delay, duration: {exponential: {mean: 2d}}, next: done}
                  via_b: {kind: delay, duration: {exponential: {mean: 2d}}, next: done}
                  done: {kind: exit, outcome: left}
                milestones:
                  passed_a: {enter: via_a}
                  passed_b: {enter: via_b}
                """);
        int a = m.milestoneNames().indexOf("passed_a");
        int b = m.milestoneNames().indexOf("passed_b");
        Set<Long> ids = new HashSet<>();
        int[] seen = new int[2];
        ReplicationResult r = new Replication(m, new StreamBank(3), 0, null).observe((id, profile, ms, censored) -> {
            assertTrue(ids.add(id), "child " + id + " reported twice");
            // exactly one of the two milestones, and at or after the child's arrival
            assertNotEquals(Double.isNaN(ms[a]), Double.isNaN(ms[b]), "child " + id);
            double passed = Double.isNaN(ms[a]) ? ms[b] : ms[a];
            assertEquals(ms[m.milestoneNames().indexOf("arrival")], passed, "child " + id + " went straight on");
            seen[Double.isNaN(ms[a]) ? 1 : 0]++;
        }).run();
        // about 1,000 children, only a dozen or so in the system at once: most objects carry many children
        assertEquals(r.arrivals(), ids.size());
        assertTrue(seen[0] > 400 && seen[1] > 400, seen[0] + " / " + seen[1]);
    }
}
