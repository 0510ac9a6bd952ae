package org.pacesim.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The product-limit estimate against hand calculations and against a known survival function. */
class KaplanMeierTest {
    @Test
    void matchesAHandCalculation() {
        // events at 1, 3, 3, 5; censored at 2 and 4
        KaplanMeier km = KaplanMeier.of(List.of(Spell.ended(1), Spell.open(2), Spell.ended(3), Spell.ended(3),
                Spell.open(4), Spell.ended(5)));
        assertEquals(3, km.steps().size());
        assertStep(km.steps().get(0), 1, 6, 1, 5.0 / 6);
        assertStep(km.steps().get(1), 3, 4, 2, 5.0 / 12);
        assertStep(km.steps().get(2), 5, 1, 1, 0);
        assertEquals(1, km.survival(0.5));
        assertEquals(5.0 / 6, km.survival(2.9));
        assertEquals(5.0 / 12, km.survival(4));
        // Greenwood: 1/(6*5) after the first step, + 2/(4*2) after the second; log-log band
        assertBand(km.steps().get(0), 5.0 / 6, 1.0 / 30);
        assertBand(km.steps().get(1), 5.0 / 12, 1.0 / 30 + 1.0 / 4);
        // where S reaches 0 the band keeps the previous upper end
        assertEquals(0, km.steps().get(2).lower());
        assertEquals(km.steps().get(1).upper(), km.steps().get(2).upper());
        Estimate median = km.median().orElseThrow();
        assertEquals(3, median.value());
        // the lower band is already (5/6)^7.12 = 0.27 after the first step; the upper band never reaches 0.5
        assertEquals(1, median.lower(), median.toString());
        assertTrue(km.steps().get(1).upper() > 0.5);
        assertEquals(Double.POSITIVE_INFINITY, median.upper(), median.toString());
    }

    @Test
    void leftTruncatedSpellsJoinTheRiskSetOnlyAfterEntry() {
        // (duration, ended, entered): the third is seen from day 4, so it is not at risk at day 3
        KaplanMeier km = KaplanMeier.of(List.of(new Spell(5, true, 2), Spell.ended(3), new Spell(6, false, 4),
                Spell.ended(8)));
        assertStep(km.steps().get(0), 3, 3, 1, 2.0 / 3);
        assertStep(km.steps().get(1), 5, 3, 1, 4.0 / 9);
        assertStep(km.steps().get(2), 8, 1, 1, 0);
    }

    @Test
    void theBandCoversTheTrueSurvivalAndTheTruthFitsBetterThanAWrongLaw() {
        Parametric truth = Family.LOGNORMAL.of(120, 400);
        KaplanMeier km = KaplanMeier.of(Synthetic.spells(truth, 2000, 400, 0.2, 11));
        for (double p : new double[] {0.25, 0.5, 0.75}) {
            double t = truth.quantile(p);
            double[] band = km.band(t);
            assertTrue(band[0] <= 1 - p && 1 - p <= band[1], "at " + t + ": " + band[0] + ".." + band[1]);
        }
        Estimate median = km.median().orElseThrow();
        assertTrue(median.covers(truth.median()), median.toString());
        assertTrue(km.maxGap(truth) < km.maxGap(Family.EXPONENTIAL.of(truth.mean())));
    }

    @Test
    void maxGapIsTheLargestDistanceAtAStep() {
        KaplanMeier km = KaplanMeier.of(List.of(Spell.ended(1), Spell.ended(2)));
        // after the second step the estimate is 0 while the fit is still exp(-2/10)
        assertEquals(Math.exp(-0.2), km.maxGap(Family.EXPONENTIAL.of(10)), 1e-15);
        // before the first step: 1 against exp(-1/0.5) is the largest gap for a short mean
        assertEquals(1 - Math.exp(-2), km.maxGap(Family.EXPONENTIAL.of(0.5)), 1e-15);
    }

    @Test
    void noEventsLeaveSurvivalAtOneAndNoMedian() {
        KaplanMeier none = KaplanMeier.of(List.of());
        assertTrue(none.steps().isEmpty());
        assertEquals(0, none.maxGap(Family.EXPONENTIAL.of(10)));
        KaplanMeier open = KaplanMeier.of(List.of(Spell.open(3), Spell.open(9)));
        assertTrue(open.steps().isEmpty());
        assertEquals(1, open.survival(100));
        assertTrue(open.median().isEmpty());
        // S stays 1 to day 9 while the fit falls to exp(-9/10)
        assertEquals(1 - Math.exp(-0.9), open.maxGap(Family.EXPONENTIAL.of(10)), 1e-15);
    }

    private static void assertStep(KaplanMeier.Step s, double time, int atRisk, int events, double survival) {
        assertEquals(time, s.time());
        assertEquals(atRisk, s.atRisk());
        assertEquals(events, s.events());
        assertEquals(survival, s.survival(), 1e-15);
    }

    private static void assertBand(KaplanMeier.Step s, double survival, double greenwoodSum) {
        double se = Math.sqrt(greenwoodSum) / Math.abs(Math.log(survival));
        assertEquals(Math.pow(survival, Math.exp(Estimate.Z95 * se)), s.lower(), 1e-15);
        assertEquals(Math.pow(survival, Math.exp(-Estimate.Z95 * se)), s.upper(), 1e-15);
    }
}
