package org.pacesim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.pacesim.scenario.MeasureStat;

/** The paired-difference interval against a hand-computed example. */
class ComparisonTest {
    @Test
    void pairedDifferenceMatchesAHandComputedStudentTInterval() {
        // differences: -2, -1, 0, -3 (the NaN pair is left out): mean -1.5, sd sqrt(5/3),
        // t(0.975, 3) = 3.182446305, half-width = 3.182446305 * 1.290994449 / 2 = 2.054260
        double[] base = {10, 12, 9, 11, Double.NaN};
        double[] other = {8, 11, 9, 8, 7};
        Comparison.Difference d = Comparison.paired("b", "a", "m", MeasureStat.MEDIAN, base, other);
        assertEquals(-1.5, d.difference().mean(), 1e-12);
        assertEquals(2.054260, d.difference().halfWidth(), 1e-6);
        assertEquals(-3.554260, d.difference().low(), 1e-6);
        assertEquals(0.554260, d.difference().high(), 1e-6);
        assertEquals(4, d.difference().replications());
        assertEquals(10.5, d.baselineMean(), 1e-12);
        assertEquals(9.0, d.scenarioMean(), 1e-12);
        assertFalse(d.clear());
    }
}
