package org.pacesim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The estimators behind the charts' curves, against figures worked by hand. */
class CurvesTest {
    private static final double EPS = 1e-12;

    @Test
    void withoutCensoringTheIncidenceIsThePlainShareReachedByEachPoint() {
        IncidenceCurve c = new IncidenceCurve(1.0, 4);
        c.event(0.5);       // step 0
        c.competing(1.2);   // step 1
        c.event(1.7);       // step 1
        c.event(3.1);       // step 3
        c.competing(9);     // beyond the grid
        assertArrayEquals(new double[] {0, 1 / 5.0, 2 / 5.0, 2 / 5.0, 3 / 5.0}, c.curve(), EPS);
    }

    @Test
    void censoredChildrenLeaveTheRiskSetWithoutCountingAsNotYet() {
        // 4 children: one reaches the outcome in step 0, two are censored in step 0, one reaches it in step 1.
        // Aalen-Johansen: F(1) = 1/4; S(1) = 3/4; at risk in step 1: 1, so F(2) = 1/4 + 3/4 * 1/1 = 1.
        // (The plain share would say 2/4, as if the censored children would never get there.)
        IncidenceCurve c = new IncidenceCurve(1.0, 2);
        c.event(0.2);
        c.censored(0.5);
        c.censored(0.9);
        c.event(1.5);
        assertArrayEquals(new double[] {0, 0.25, 1.0}, c.curve(), EPS);
    }

    @Test
    void competingExitsBoundTheIncidenceBelowOne() {
        IncidenceCurve c = new IncidenceCurve(1.0, 3);
        c.competing(0.1);
        c.censored(1.5);
        c.event(2.5);
        c.competing(2.6);
        // step 0: n 4, competing 1 -> S 3/4. step 1: n 3, censored 1. step 2: n 2, event 1, competing 1:
        // F(3) = 3/4 * 1/2 = 3/8.
        assertArrayEquals(new double[] {0, 0, 0, 3 / 8.0}, c.curve(), EPS);
    }

    @Test
    void theLevelHistoryIsTheTimeAverageOfEachStep() {
        LevelHistory h = new LevelHistory(10, 3);
        h.change(5, 2);     // 2 from day 5
        h.change(15, -1);   // 1 from day 15
        h.change(40, -1);   // after the grid: not kept
        assertArrayEquals(new double[] {1.0, 1.5, 1.0}, h.averages(), EPS);
    }

    @Test
    void theBandHoldsTheMiddleOfTheReplications() {
        List<double[]> curves = new java.util.ArrayList<>();
        for (int r = 0; r <= 40; r++) curves.add(new double[] {r, Double.NaN});
        Band b = Band.of(curves);
        assertEquals(20, b.mean()[0], EPS);
        assertEquals(1, b.low()[0], EPS);   // 2.5% of the way along 0..40
        assertEquals(39, b.high()[0], EPS);
        assertEquals(Double.NaN, b.mean()[1]);
    }
}
