package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.ReplicationResult;

/**
 * The share within target with censoring: a child still waiting when the run ends is known not to be within the
 * target only once it has waited longer than the target; before that it is unknown and left out of the share.
 */
class WithinTargetTest {
    // Arrivals on days 0, 50 and 95; each takes 20 days; the run ends at 100 + 10 = day 110, when the third has
    // waited 15 days.
    private static final String SCENARIO = """
            name: within target
            run: {horizon: 100d, warmup: 0d, follow_up: 10d, replications: 1, seed: 1}
            arrivals: [{name: in, times: [0d, 50d, 95d], to: report}]
            stages:
              report: {kind: delay, duration: 20d, next: out}
              out: {kind: exit, outcome: done}
            milestones: {reported: {exit: report}}
            measures:
              generous: {from: arrival, to: reported, target: 3w}
              strict: {from: arrival, to: reported, target: 2w}
            """;

    @Test
    void aCensoredChildCountsAsNotWithinOnlyOnceItHasWaitedLongerThanTheTarget() {
        Model m = Scenarios.model(SCENARIO);
        ReplicationResult r = Scenarios.run(m, 0);
        double[] generous = r.measures()[m.layout().measures().indexOf("generous")];
        double[] strict = r.measures()[m.layout().measures().indexOf("strict")];
        assertEquals(2, generous[MeasureStat.N.ordinal()]);
        assertEquals(1, generous[MeasureStat.CENSORED.ordinal()]);
        // 21-day target: two made it in 20 days; the third, 15 days in, might yet: unknown, so 2 of 2
        assertEquals(1.0, generous[MeasureStat.WITHIN_TARGET.ordinal()]);
        // 14-day target: nobody made it, and the third is already past it: 0 of 3
        assertEquals(0.0, strict[MeasureStat.WITHIN_TARGET.ordinal()]);
        assertEquals(1, strict[MeasureStat.CENSORED.ordinal()]);
    }

    @Test
    void withEveryChildCensoredPastTheTargetTheShareIsZeroNotMissing() {
        Model m = Scenarios.model(SCENARIO.replace("duration: 20d", "duration: 200d"));
        double[] strict = Scenarios.run(m, 0).measures()[m.layout().measures().indexOf("strict")];
        assertEquals(0, strict[MeasureStat.N.ordinal()]);
        // days 0 and 50 have waited 110 and 60 days (> 14), day 95 only 15 (> 14): all three known not within
        assertEquals(0.0, strict[MeasureStat.WITHIN_TARGET.ordinal()]);
    }
}
