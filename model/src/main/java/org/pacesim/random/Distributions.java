package org.pacesim.random;

import java.util.Arrays;

import org.pacesim.scenario.DistributionSpec;

import umontreal.ssj.probdist.ContinuousDistribution;
import umontreal.ssj.probdist.DiscreteDistribution;
import umontreal.ssj.probdist.Distribution;
import umontreal.ssj.probdist.ExponentialDist;
import umontreal.ssj.probdist.GammaDist;
import umontreal.ssj.probdist.LognormalDist;
import umontreal.ssj.probdist.PiecewiseLinearEmpiricalDist;
import umontreal.ssj.probdist.TriangularDist;
import umontreal.ssj.probdist.TruncatedDist;
import umontreal.ssj.probdist.UniformDist;
import umontreal.ssj.probdist.WeibullDist;
import umontreal.ssj.randvar.ErlangConvolutionGen;
import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.randvar.GammaAcceptanceRejectionGen;
import umontreal.ssj.randvar.LognormalGen;
import umontreal.ssj.randvar.RandomVariateGen;
import umontreal.ssj.rng.RandomStream;

/**
 * Turns distribution specs into SSJ distributions and generators. SSJ's parameter conventions are easy to get
 * wrong (gamma and Weibull take a <em>rate</em>, the triangular takes (min, max, mode), the lognormal takes
 * log-scale parameters), so every conversion is here and unit-tested, and nothing else builds SSJ distributions.
 *
 * <p>Generators use inversion (one uniform per draw, which keeps common random numbers in step) except the gamma:
 * SSJ's gamma inversion costs about 1.5 microseconds a draw, so an integer shape up to 20 uses the sum of
 * exponentials (a fixed number of uniforms, still in step) and other shapes use acceptance-rejection (a random
 * number of uniforms, which weakens common random numbers for that stage only).
 */
public final class Distributions {
    private Distributions() {}

    /**
     * The mean, median and 90th percentile implied by a spec, in days.
     *
     * @param mean   the mean
     * @param median the median
     * @param p90    the 90th percentile
     */
    public record Implied(double mean, double median, double p90) {}

    /** The SSJ distribution of a spec (for a fixed duration, a distribution with all mass at that value). */
    public static Distribution of(DistributionSpec spec) {
        if (spec instanceof DistributionSpec.WorkingDays w) return of(w.inner()); // in working days
        if (spec instanceof DistributionSpec.Fixed f) {
            return new DiscreteDistribution(new double[] {f.days()}, new double[] {1.0}, 1);
        }
        if (spec instanceof DistributionSpec.Exponential e) return bounded(new ExponentialDist(1.0 / e.mean()), e.bounds());
        if (spec instanceof DistributionSpec.Lognormal l) return bounded(new LognormalDist(l.mu(), l.sigma()), l.bounds());
        if (spec instanceof DistributionSpec.Gamma g) return bounded(new GammaDist(g.shape(), 1.0 / g.scale()), g.bounds());
        if (spec instanceof DistributionSpec.Weibull w) {
            return bounded(new WeibullDist(w.shape(), 1.0 / w.scale(), 0.0), w.bounds());
        }
        if (spec instanceof DistributionSpec.Triangular t) return new TriangularDist(t.min(), t.max(), t.mode());
        if (spec instanceof DistributionSpec.Uniform u) return new UniformDist(u.min(), u.max());
        if (spec instanceof DistributionSpec.Empirical e) return empirical(e);
        return new PiecewiseLinearEmpiricalDist(((DistributionSpec.Observed) spec).observations());
    }

    /** Mean, median and p90 of a spec, in days. */
    public static Implied implied(DistributionSpec spec) {
        if (spec instanceof DistributionSpec.WorkingDays w) {
            // In calendar days at five working days a week: for offered load and for reading in weeks.
            Implied i = implied(w.inner());
            double k = 7.0 / 5.0;
            return new Implied(i.mean() * k, i.median() * k, i.p90() * k);
        }
        if (spec instanceof DistributionSpec.Fixed f) return new Implied(f.days(), f.days(), f.days());
        Distribution d = of(spec);
        double mean = d.getMean();
        if (spec instanceof DistributionSpec.Observed o) {
            // SSJ's PiecewiseLinearEmpiricalDist.getMean() returns the mean of the observations, not of the
            // piecewise-linear distribution it samples (equal mass on each interval): use the midpoints.
            double[] x = o.observations();
            double sum = 0;
            for (int i = 0; i + 1 < x.length; i++) sum += (x[i] + x[i + 1]) / 2;
            mean = sum / (x.length - 1);
        }
        return new Implied(mean, d.inverseF(0.5), d.inverseF(0.9));
    }

    /**
     * A sampler of the spec drawing from {@code stream}; a fixed duration draws nothing.
     *
     * @param spec   the distribution
     * @param stream the stream owned by the caller's replication
     * @param scale  factor applied to every draw
     */
    public static Sampler sampler(DistributionSpec spec, RandomStream stream, double scale) {
        if (spec instanceof DistributionSpec.WorkingDays) {
            throw new IllegalArgumentException("a duration in working days needs the run's calendar: see engine.Model");
        }
        if (spec instanceof DistributionSpec.Fixed f) {
            double v = f.days() * scale;
            return () -> v;
        }
        RandomVariateGen gen = generator(spec, stream);
        if (scale == 1.0) return gen::nextDouble;
        return () -> gen.nextDouble() * scale;
    }

    private static RandomVariateGen generator(DistributionSpec spec, RandomStream stream) {
        if (spec instanceof DistributionSpec.Exponential e && !e.bounds().any()) {
            return new ExponentialGen(stream, 1.0 / e.mean());
        }
        if (spec instanceof DistributionSpec.Lognormal l && !l.bounds().any()) {
            return new LognormalGen(stream, l.mu(), l.sigma());
        }
        if (spec instanceof DistributionSpec.Gamma g && !g.bounds().any()) {
            if (g.shape() == Math.rint(g.shape()) && g.shape() <= 20) {
                return new ErlangConvolutionGen(stream, (int) g.shape(), 1.0 / g.scale());
            }
            return new GammaAcceptanceRejectionGen(stream, g.shape(), 1.0 / g.scale());
        }
        return new RandomVariateGen(stream, of(spec));
    }

    private static Distribution bounded(ContinuousDistribution d, DistributionSpec.Bounds b) {
        if (!b.any()) return d;
        return new TruncatedDist(d, b.min(), b.max());
    }

    private static DiscreteDistribution empirical(DistributionSpec.Empirical e) {
        double[] values = e.values();
        double[] weights = e.weights();
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b])); // SSJ assumes sorted values
        double total = Arrays.stream(weights).sum();
        double[] v = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = values[order[i]];
            p[i] = weights[order[i]] / total;
        }
        return new DiscreteDistribution(v, p, n);
    }
}
