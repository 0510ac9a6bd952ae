package org.pacesim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.pacesim.scenario.DistributionSpec;
import org.pacesim.scenario.DistributionSpec.Bounds;
import org.pacesim.stats.Summary;

/**
 * Each conversion from the way people state a distribution to SSJ's parameters, checked against the stated
 * figures, and each sampler's mean against the distribution's mean with a 95% CI (fixed seed).
 */
class DistributionsTest {
    private static final double EXACT = 1e-9;
    private static final int DRAWS = 200_000;

    @Test
    void lognormalFromMedianAndP90ReproducesBoth() {
        Distributions.Implied i = Distributions.implied(DistributionSpec.Lognormal.fromMedianP90(84, 168, Bounds.NONE));
        assertEquals(84, i.median(), 1e-6);
        assertEquals(168, i.p90(), 1e-6);
    }

    @Test
    void lognormalFromMeanAndSdReproducesBoth() {
        DistributionSpec.Lognormal l = DistributionSpec.Lognormal.fromMeanSd(30, 12, Bounds.NONE);
        assertEquals(30, Distributions.implied(l).mean(), 1e-6);
        double var = (Math.exp(l.sigma() * l.sigma()) - 1) * Math.exp(2 * l.mu() + l.sigma() * l.sigma());
        assertEquals(144, var, 1e-6);
    }

    @Test
    void gammaFromMeanAndSdUsesScaleNotRate() {
        DistributionSpec.Gamma g = DistributionSpec.Gamma.fromMeanSd(3, Math.sqrt(4.5), Bounds.NONE);
        assertEquals(2, g.shape(), EXACT);
        assertEquals(1.5, g.scale(), EXACT);
        assertEquals(3, Distributions.implied(g).mean(), 1e-9);
    }

    @Test
    void triangularKeepsMinModeMaxOrder() {
        // SSJ's TriangularDist takes (min, max, mode); the mean (a+b+c)/3 = 21 only holds if the order is right,
        // and the median sits left of the midpoint for a left mode.
        Distributions.Implied i = Distributions.implied(new DistributionSpec.Triangular(7, 14, 42));
        assertEquals(21, i.mean(), 1e-9);
        assertTrue(i.median() < 24.5, "median " + i.median());
    }

    @Test
    void weibullScaleIsAScaleNotARate() {
        Distributions.Implied i = Distributions.implied(new DistributionSpec.Weibull(1.5, 10, Bounds.NONE));
        assertEquals(10 * org.apache.commons.math3.special.Gamma.gamma(1 + 1 / 1.5), i.mean(), 1e-6);
    }

    @Test
    void exponentialMean() {
        assertEquals(3, Distributions.implied(new DistributionSpec.Exponential(3, Bounds.NONE)).mean(), EXACT);
    }

    @Test
    void empiricalSortsValuesWithTheirWeights() {
        // Written unsorted; SSJ's discrete distribution silently misbehaves on unsorted input.
        DistributionSpec.Empirical e = new DistributionSpec.Empirical(new double[] {30, 10, 20}, new double[] {1, 2, 1});
        Distributions.Implied i = Distributions.implied(e);
        assertEquals((30 + 20 + 20) / 4.0, i.mean(), EXACT);
        assertEquals(10, i.median(), EXACT);
    }

    @Test
    void truncationKeepsDrawsWithinBounds() {
        DistributionSpec spec = DistributionSpec.Lognormal.fromMedianP90(3, 10, new Bounds(1, 4));
        Sampler s = Distributions.sampler(spec, new StreamBank(7).stream("t", 0), 1.0);
        for (int k = 0; k < 10_000; k++) {
            double x = s.sample();
            assertTrue(x >= 1 && x <= 4, "draw " + x);
        }
    }

    @Test
    void fixedDrawsNothing() {
        var stream = new StreamBank(7).stream("t", 0);
        Sampler s = Distributions.sampler(new DistributionSpec.Fixed(14), stream, 0.5);
        assertEquals(7, s.sample(), EXACT);
        var fresh = new StreamBank(7).stream("t", 0);
        assertEquals(fresh.nextDouble(), stream.nextDouble(), EXACT);
    }

    @Test
    void everySamplerMatchesItsMeanWithinA95PercentCi() {
        DistributionSpec[] specs = {
            new DistributionSpec.Exponential(3, Bounds.NONE),
            DistributionSpec.Lognormal.fromMedianP90(120, 227, Bounds.NONE),
            new DistributionSpec.Gamma(2, 1.5, Bounds.NONE),            // Erlang convolution path
            DistributionSpec.Gamma.fromMeanSd(10, 4, Bounds.NONE),      // acceptance-rejection path (shape 6.25)
            new DistributionSpec.Triangular(7, 14, 42),
            new DistributionSpec.Uniform(14, 42),
            new DistributionSpec.Weibull(1.5, 10, Bounds.NONE),
            new DistributionSpec.Observed("x.csv", new double[] {1, 2, 4, 8, 16}),
        };
        for (int k = 0; k < specs.length; k++) {
            Sampler s = Distributions.sampler(specs[k], new StreamBank(11).stream("mean-check-" + k, 0), 1.0);
            double[] draws = new double[DRAWS];
            for (int i = 0; i < DRAWS; i++) draws[i] = s.sample();
            Summary.Estimate e = Summary.estimate(draws);
            double expected = Distributions.implied(specs[k]).mean();
            assertTrue(e.low() <= expected && expected <= e.high(),
                    specs[k].describe() + ": mean " + expected + " outside " + e.low() + ".." + e.high());
        }
    }

    @Test
    void scaleMultipliesEveryDraw() {
        DistributionSpec spec = new DistributionSpec.Exponential(3, Bounds.NONE);
        Sampler plain = Distributions.sampler(spec, new StreamBank(5).stream("s", 0), 1.0);
        Sampler half = Distributions.sampler(spec, new StreamBank(5).stream("s", 0), 0.5);
        for (int i = 0; i < 100; i++) assertEquals(plain.sample() * 0.5, half.sample(), 1e-12);
    }

    @Test
    void summaryStatisticsAgreeWithCommonsMath() {
        SummaryStatistics s = new SummaryStatistics();
        double[] v = {1, 2, 3, 4, 10};
        for (double x : v) s.addValue(x);
        Summary.Estimate e = Summary.estimate(v);
        assertEquals(s.getMean(), e.mean(), EXACT);
        // t(0.975, 4) = 2.776445105 (tables)
        assertEquals(2.776445105 * s.getStandardDeviation() / Math.sqrt(5), e.halfWidth(), 1e-6);
    }
}
