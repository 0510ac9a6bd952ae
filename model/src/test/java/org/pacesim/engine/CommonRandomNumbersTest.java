package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pacesim.random.StreamBank;

/**
 * Streams are keyed by stage and purpose, so removing a stage leaves every other stage's draws as they were:
 * the k-th duration sampled at a stage is the same in both scenarios, and stages upstream of the change see the
 * same children at the same times.
 */
class CommonRandomNumbersTest {
    private static final String BASE = """
            name: crn
            run: {horizon: 2y, replications: 1, seed: 99}
            arrivals: [{name: in, rate: 100/year, to: assess}]
            stages:
              assess: {kind: delay, duration: {lognormal: {median: 4w, p90: 10w}}, next: [{to: review, p: 0.7}, {to: home, p: 0.3}]}
              review: {kind: delay, duration: {exponential: {mean: 6w}}, next: report}
              report: {kind: delay, duration: {triangular: [2w, 6w, 20w]}, next: done}
              home: {kind: exit, outcome: home}
              done: {kind: exit, outcome: permanence}
            """;
    private static final String REMOVED = BASE.replace("name: crn", "name: crn without review")
            + "changes: [{remove: review, why: test}]\n";

    /** Durations at each stage, in order of entry: enter and leave times per child. */
    private static Map<String, List<Double>> durations(Model m) {
        Map<String, Map<Long, Double>> entered = new HashMap<>();
        Map<String, List<Double>> out = new HashMap<>();
        new Replication(m, new StreamBank(99), 0, (t, child, seat, index, step) -> {
            String stage = step == Trace.Step.ARRIVE ? "" : m.layout().stages().get(index);
            if (step == Trace.Step.ENTER) entered.computeIfAbsent(stage, k -> new HashMap<>()).put(child, t);
            if (step == Trace.Step.LEAVE) {
                out.computeIfAbsent(stage, k -> new ArrayList<>()).add(t - entered.get(stage).get(child));
            }
        }).run();
        return out;
    }

    @Test
    void removingAStageLeavesOtherStagesDrawsUnchanged() {
        Map<String, List<Double>> base = durations(Scenarios.model(BASE));
        Map<String, List<Double>> removed = durations(Scenarios.model(REMOVED));
        assertTrue(base.containsKey("review") && !removed.containsKey("review"));
        // Upstream: the same children, the same durations, in the same order.
        assertEquals(base.get("assess"), removed.get("assess"));
        // Downstream: children reach 'report' in another order, but the k-th draw there is the same number.
        List<Double> a = drawsInEntryOrder(Scenarios.model(BASE), "report");
        List<Double> b = drawsInEntryOrder(Scenarios.model(REMOVED), "report");
        int n = Math.min(a.size(), b.size());
        assertTrue(n > 100, "enough entries to compare: " + n);
        // (durations are leave minus enter times, so they agree to rounding of the absolute times)
        for (int k = 0; k < n; k++) assertEquals(a.get(k), b.get(k), 1e-9, "draw " + k);
    }

    /** The duration drawn for each entry to a stage, in order of entry. */
    private static List<Double> drawsInEntryOrder(Model m, String stageName) {
        List<Long> order = new ArrayList<>();
        Map<Long, Double> entered = new HashMap<>();
        Map<Long, Double> took = new HashMap<>();
        new Replication(m, new StreamBank(99), 0, (t, child, seat, index, step) -> {
            if (step == Trace.Step.ARRIVE || !m.layout().stages().get(index).equals(stageName)) return;
            if (step == Trace.Step.ENTER) {
                order.add(child);
                entered.put(child, t);
            } else if (step == Trace.Step.LEAVE) {
                took.put(child, t - entered.get(child));
            }
        }).run();
        List<Double> out = new ArrayList<>();
        for (long c : order) if (took.containsKey(c)) out.add(took.get(c));
        return out;
    }
}
