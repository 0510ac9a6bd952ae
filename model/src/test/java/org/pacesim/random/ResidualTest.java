package org.pacesim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.pacesim.scenario.DistributionSpec;

import umontreal.ssj.rng.MRG32k3a;

/**
 * The remaining time of a duration already under way follows the conditional distribution: checked against the
 * analytic conditional mean, E[X - a | X > a], with a 99% confidence interval from 200,000 draws (fixed seed).
 */
class ResidualTest {
    private static final int DRAWS = 200_000;

    private static double[] meanCi(Residual r, double elapsed) {
        SummaryStatistics s = new SummaryStatistics();
        for (int i = 0; i < DRAWS; i++) {
            double x = r.remaining(elapsed);
            assertTrue(x >= 0, "a remaining time is never negative");
            s.addValue(x);
        }
        double h = new TDistribution(DRAWS - 1).inverseCumulativeProbability(0.995) * s.getStandardDeviation()
                / Math.sqrt(DRAWS);
        return new double[] {s.getMean() - h, s.getMean() + h};
    }

    private static void assertInside(double expected, double[] ci, String what) {
        assertTrue(ci[0] <= expected && expected <= ci[1],
                what + ": analytic " + expected + " outside the simulated 99% CI [" + ci[0] + ", " + ci[1] + "]");
    }

    private static MRG32k3a stream() {
        MRG32k3a s = new MRG32k3a();
        s.setSeed(new long[] {12345, 12345, 12345, 54321, 54321, 54321});
        return s;
    }

    @Test
    void anExponentialHasNoMemory() {
        Residual r = new Residual(new DistributionSpec.Exponential(10, DistributionSpec.Bounds.NONE), stream(), 1.0);
        assertInside(10.0, meanCi(r, 0), "exponential, nothing spent");
        assertInside(10.0, meanCi(r, 25), "exponential, 25 days spent");
    }

    @Test
    void aLognormalUnderWayHasALongerRemainingMeanThanAFreshOneMinusTheTimeSpent() {
        double median = 70, p90 = 210;
        DistributionSpec.Lognormal spec = DistributionSpec.Lognormal.fromMedianP90(median, p90, DistributionSpec.Bounds.NONE);
        for (double a : new double[] {0, 30, 120, 400}) {
            assertInside(conditionalLognormal(spec.mu(), spec.sigma(), a), meanCi(new Residual(spec, stream(), 1.0), a),
                    "lognormal(median 70, p90 210) with " + a + " days spent");
        }
    }

    @Test
    void theStagesScaleStretchesTheDurationBeforeConditioning() {
        // X * 2 with X lognormal: E[2X - a | 2X > a] = 2 E[X - a/2 | X > a/2].
        DistributionSpec.Lognormal spec = DistributionSpec.Lognormal.fromMedianP90(30, 60, DistributionSpec.Bounds.NONE);
        double a = 50;
        assertInside(2 * conditionalLognormal(spec.mu(), spec.sigma(), a / 2), meanCi(new Residual(spec, stream(), 2.0), a),
                "scaled lognormal");
    }

    @Test
    void aFixedDurationLeavesWhatIsLeftOfItAndNothingWhenOverdue() {
        Residual r = new Residual(new DistributionSpec.Fixed(14), stream(), 1.0);
        assertEquals(4.0, r.remaining(10), 0.0);
        assertEquals(0.0, r.remaining(20), 0.0);
    }

    @Test
    void aTimeSpentBeyondTheSupportMeansGoingOnAtOnce() {
        Residual r = new Residual(new DistributionSpec.Uniform(10, 20), stream(), 1.0);
        assertEquals(0.0, r.remaining(25), 0.0);
        assertInside(5.0 / 2, meanCi(r, 15), "uniform(10, 20) with 15 days spent: uniform(0, 5) remaining");
    }

    /** E[X - a | X > a] for a lognormal(mu, sigma). */
    private static double conditionalLognormal(double mu, double sigma, double a) {
        NormalDistribution z = new NormalDistribution();
        if (a <= 0) return Math.exp(mu + sigma * sigma / 2);
        double tail = 1 - z.cumulativeProbability((Math.log(a) - mu) / sigma);
        double partial = Math.exp(mu + sigma * sigma / 2) * z.cumulativeProbability((mu + sigma * sigma - Math.log(a)) / sigma);
        return partial / tail - a;
    }
}
