package org.pacesim.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each family's parameters, density, survival and quantiles agree with each other and with textbook values. */
class FamilyTest {
    @ParameterizedTest
    @EnumSource(Family.class)
    void statedParametersSurviveTheWorkingScaleAndTheCurvesAgree(Family family) {
        Parametric law = DurationFitTest.TRUTH.get(family);
        Parametric again = family.of(law.parameters());
        assertArrayEquals(law.parameters(), again.parameters(), 1e-9);
        for (double p : new double[] {0.05, 0.25, 0.5, 0.9, 0.99}) {
            double t = law.quantile(p);
            assertEquals(1 - p, law.survival(t), 1e-8, "S(quantile) at " + p);
            // the density is minus the derivative of the survival function
            double h = 1e-4 * t;
            double slope = (law.survival(t - h) - law.survival(t + h)) / (2 * h);
            assertEquals(slope, Math.exp(law.logDensity(t)), 1e-6 * slope, "density at " + t);
        }
        assertEquals(law.quantile(0.5), law.median(), 1e-9 * law.median());
        assertEquals(1, law.survival(0));
    }

    @Test
    void parametersAreThoseAScenarioStates() {
        Parametric lognormal = Family.LOGNORMAL.of(120, 400);
        assertEquals(Math.log(120), lognormal.mu(), 1e-12);
        assertEquals(Math.log(400 / 120.0) / Family.Z90, lognormal.sigma(), 1e-12);
        assertEquals(400, lognormal.quantile(0.9), 1e-6);
        assertEquals(120, lognormal.median(), 1e-9);
        Parametric gamma = Family.GAMMA.of(150, 90);
        assertEquals(150, gamma.mean(), 1e-9);
        assertEquals(90, gamma.parameter("sd"), 1e-9);
        Parametric weibull = Family.WEIBULL.of(1.5, 150);
        assertEquals(150 * Math.exp(Gamma.logGamma(1 + 1 / 1.5)), weibull.mean(), 1e-9);
        assertEquals(150 * Math.pow(Math.log(2), 1 / 1.5), weibull.median(), 1e-9);
        assertEquals(100 * Math.log(2), Family.EXPONENTIAL.of(100).median(), 1e-9);
        assertThrows(IllegalStateException.class, gamma::mu);
        assertThrows(IllegalArgumentException.class, () -> Family.LOGNORMAL.of(120, 100));
        assertThrows(IllegalArgumentException.class, () -> Family.GAMMA.of(150));
        assertThrows(IllegalArgumentException.class, () -> Family.WEIBULL.of(1.5, -2));
        assertThrows(IllegalArgumentException.class, () -> weibull.parameter("mean"));
    }

    @Test
    void theNormalTailIsContinuousWhereItsFormulaChanges() {
        // log P(Z > z), reference values from C's erfc in double precision
        assertEquals(-35.013437159914545, Family.logUpperNormal(8), 1e-9);
        assertEquals(-53.23128515051246, Family.logUpperNormal(10), 1e-9);
        assertEquals(-203.91715537109724, Family.logUpperNormal(20), 1e-9);
        // either side of 20, where the tail series takes over, and on where erfc underflows
        assertEquals(-203.71670771720838, Family.logUpperNormal(19.99), 1e-9);
        assertEquals(-616.9751012619224, Family.logUpperNormal(35), 1e-9);
        assertEquals(-689.0305855768905, Family.logUpperNormal(37), 1e-9);
        assertTrue(Double.isFinite(Family.logUpperNormal(60)));
        assertEquals(-0.6931471805599453, Family.logUpperNormal(0), 1e-15);
    }
}
