package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.pacesim.random.StreamBank;
import org.pacesim.scenario.Durations;

/**
 * A child's age in years: drawn on arrival within its age band (or from its source's own age), growing while it
 * waits, read by routes ({@code when: age < 5}) at the moment it leaves a stage, and waited for ({@code until:
 * {age: ...}}).
 */
class AgeTest {
    private static final double YEAR = Durations.YEAR;

    /** Children of two bands wait until they are 10; the wait is 10 years less their age on arrival. */
    private static final String UNTIL_TEN = """
            name: ages
            run: {horizon: 2y, warmup: 0d, follow_up: 20y, replications: 1, seed: 7}
            attributes:
              age_band:
                categorical: {young: 0.5, older: 0.5}
                age: {young: {uniform: [1y, 5y]}, older: {uniform: [5y, 9y]}}
            arrivals:
              - {name: in, rate: 1000/year, to: grow}
              - {name: newborn, rate: 200/year, attributes: {age_band: young}, age: {uniform: [0d, 10d]}, to: grow}
            stages:
              grow: {kind: delay, until: {age: 10y}, next: out}
              out: {kind: exit, outcome: done}
            milestones: {grown: {exit: grow}}
            """;

    @Test
    void anAgeIsDrawnWithinItsBandAndADelayWaitsUntilTheAgeGiven() {
        Model m = Scenarios.model(UNTIL_TEN);
        int arrival = m.milestoneNames().indexOf("arrival");
        int grown = m.milestoneNames().indexOf("grown");
        int band = 0;
        SummaryStatistics young = new SummaryStatistics();
        SummaryStatistics older = new SummaryStatistics();
        List<Double> all = new ArrayList<>();
        new Replication(m, new StreamBank(7), 0, null).observe((id, profile, t, censored) -> {
            double ageOnArrival = (10 * YEAR - (t[grown] - t[arrival])) / YEAR;
            all.add(ageOnArrival);
            (m.graph().profiles().level(profile, band) == 0 ? young : older).addValue(ageOnArrival);
        }).run();
        // Every age lies in its band (the newborns are young, 0 to 10 days); ~1,000 older, ~1,400 young children.
        assertTrue(young.getMin() >= 0 && young.getMax() <= 5, () -> young.toString());
        assertTrue(older.getMin() >= 5 && older.getMax() <= 9, () -> older.toString());
        assertTrue(older.getN() > 800 && young.getN() > 1000, () -> young.getN() + " " + older.getN());
        // The older band's mean is 7 years: a 99.9% interval from the draws' own spread (sd of U(5, 9) is 1.15y).
        double half = 3.3 * older.getStandardDeviation() / Math.sqrt(older.getN());
        assertEquals(7.0, older.getMean(), half);
        // The newborn source's children take its own age, 0 to 10 days: 200 a year for two years, Poisson (sd 20).
        long newborns = all.stream().filter(a -> a < 10.0 / 365.25 + 1e-9).count();
        assertTrue(newborns > 330 && newborns < 470, "newborns: " + newborns);
    }

    /** Children just under 5 wait, then a route asks their age: the wait decides which side of 5 they are on. */
    private static final String AGEING = """
            name: ageing
            run: {horizon: 1y, warmup: 0d, follow_up: 10y, replications: 1, seed: 3}
            attributes:
              age_band:
                categorical: {age1to4: 1}
                age: {age1to4: {uniform: [4.5y, 4.9y]}}
            arrivals: [{name: in, rate: 200/year, to: wait}]
            stages:
              wait:
                kind: delay
                duration: WAIT
                next:
                  - {when: age < 5, to: young_route}
                  - {to: older_route}
              young_route: {kind: exit, outcome: young}
              older_route: {kind: exit, outcome: older}
            milestones: {young: {enter: young_route}, older: {enter: older_route}}
            """;

    @Test
    void aChildWhoAgesOutOfABandWhileWaitingTakesTheOlderRoute() {
        int[] quick = routesTaken(AGEING.replace("WAIT", "1w"));
        int[] slow = routesTaken(AGEING.replace("WAIT", "1y"));
        assertEquals(0, quick[1], "nobody reaches 5 in a week");
        assertTrue(quick[0] > 100);
        assertEquals(0, slow[0], "everybody is over 5 a year later");
        assertTrue(slow[1] > 100);
    }

    /** Children taking the young route and the older route, in replication 0. */
    private static int[] routesTaken(String yaml) {
        Model m = Scenarios.model(yaml);
        int young = m.milestoneNames().indexOf("young");
        int older = m.milestoneNames().indexOf("older");
        int[] n = new int[2];
        new Replication(m, new StreamBank(3), 0, null).observe((id, profile, t, censored) -> {
            if (!Double.isNaN(t[young])) n[0]++;
            if (!Double.isNaN(t[older])) n[1]++;
        }).run();
        return n;
    }

    @Test
    void aScenarioWithoutAgesDrawsTheNumbersItAlwaysDid() {
        // The age stream is only drawn from when the scenario gives ages: the same file with and without an age
        // band (that no route reads) gives every child the same path.
        String plain = """
                name: plain
                run: {horizon: 1y, warmup: 0d, replications: 1, seed: 5}
                attributes:
                  age_band:
                    categorical: {a: 0.5, b: 0.5}
                AGES
                arrivals: [{name: in, rate: 300/year, to: s}]
                stages:
                  s: {kind: delay, duration: {exponential: {mean: 3w}}, next: [{p: 0.5, to: x}, {p: 0.5, to: y}]}
                  x: {kind: exit, outcome: x}
                  y: {kind: exit, outcome: y}
                """;
        List<String> without = Scenarios.log(Scenarios.model(plain.replace("AGES", "")));
        List<String> with = Scenarios.log(Scenarios.model(plain.replace("AGES",
                "    age: {a: {uniform: [0y, 1y]}, b: {uniform: [1y, 5y]}}")));
        assertEquals(without, with);
    }
}
