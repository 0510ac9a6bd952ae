package org.pacesim.fit;

import java.util.List;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

import umontreal.ssj.probdist.GammaDist;
import umontreal.ssj.probdist.LognormalDist;
import umontreal.ssj.probdist.WeibullDist;

/**
 * The parametric families a stage duration is fitted to. Each is described by the parameters people write in a
 * scenario file ({@link #parameterNames()}): the exponential by its mean; the lognormal by its median and 90th
 * percentile; the gamma by its mean and standard deviation; the Weibull by its shape and scale. All are in days
 * except the Weibull shape. {@link #of(double...)} builds a distribution from them.
 *
 * <p>Inside the package each family is also written on a <em>working</em> scale where every parameter is free
 * (log mean; mu and log sigma; log shape and log scale), which is the scale the likelihood is maximised and the
 * Wald intervals are computed on.
 */
public enum Family {
    /** Constant hazard; parameter: mean. */
    EXPONENTIAL(List.of("mean")) {
        @Override double logDensity(double[] w, double t) { return -w[0] - t * Math.exp(-w[0]); }
        @Override double logSurvival(double[] w, double t) { return -t * Math.exp(-w[0]); }
        @Override double quantile(double[] w, double p) { return -Math.exp(w[0]) * Math.log1p(-p); }
        @Override double mean(double[] w) { return Math.exp(w[0]); }
        @Override double[] stated(double[] w) { return new double[] {Math.exp(w[0])}; }
        @Override double[] working(double[] p) { return new double[] {Math.log(p[0])}; }
        @Override double[] start(double[] finished) {
            double sum = 0;
            for (double x : finished) sum += x;
            return new double[] {Math.log(sum / finished.length)};
        }
    },
    /** Log of the time is normal; parameters: median and 90th percentile (see {@link Parametric#mu()}). */
    LOGNORMAL(List.of("median", "p90")) {
        @Override double logDensity(double[] w, double t) {
            double z = (Math.log(t) - w[0]) * Math.exp(-w[1]);
            return -Math.log(t) - w[1] - HALF_LOG_2PI - z * z / 2;
        }
        @Override double logSurvival(double[] w, double t) {
            return logUpperNormal((Math.log(t) - w[0]) * Math.exp(-w[1]));
        }
        @Override double quantile(double[] w, double p) {
            return Math.exp(w[0] + Math.exp(w[1]) * Math.sqrt(2) * Erf.erfInv(2 * p - 1));
        }
        @Override double mean(double[] w) { return Math.exp(w[0] + Math.exp(2 * w[1]) / 2); }
        @Override double[] stated(double[] w) { return new double[] {Math.exp(w[0]), Math.exp(w[0] + Z90 * Math.exp(w[1]))}; }
        @Override double[] working(double[] p) {
            if (p[1] <= p[0]) throw new IllegalArgumentException("a lognormal's p90 must exceed its median");
            return new double[] {Math.log(p[0]), Math.log(Math.log(p[1] / p[0]) / Z90)};
        }
        @Override double[] start(double[] finished) {
            double[] m = LognormalDist.getMLE(finished, finished.length);
            return new double[] {m[0], Math.log(m[1])};
        }
    },
    /** Parameters: mean and standard deviation (shape = (mean/sd)^2, scale = sd^2/mean). */
    GAMMA(List.of("mean", "sd")) {
        @Override double logDensity(double[] w, double t) {
            double k = Math.exp(w[0]);
            return (k - 1) * Math.log(t) - t * Math.exp(-w[1]) - Gamma.logGamma(k) - k * w[1];
        }
        @Override double logSurvival(double[] w, double t) {
            double k = Math.exp(w[0]);
            double x = t * Math.exp(-w[1]);
            double q = Gamma.regularizedGammaQ(k, x);
            // far in the tail Q underflows; its leading term x^(k-1) e^-x / Gamma(k) is then exact to many digits
            return q > 1e-300 ? Math.log(q) : (k - 1) * Math.log(x) - x - Gamma.logGamma(k);
        }
        @Override double quantile(double[] w, double p) {
            return new GammaDistribution(null, Math.exp(w[0]), Math.exp(w[1])).inverseCumulativeProbability(p);
        }
        @Override double mean(double[] w) { return Math.exp(w[0] + w[1]); }
        @Override double[] stated(double[] w) {
            return new double[] {Math.exp(w[0] + w[1]), Math.exp(w[0] / 2 + w[1])};
        }
        @Override double[] working(double[] p) {
            return new double[] {2 * Math.log(p[0] / p[1]), Math.log(p[1] * p[1] / p[0])};
        }
        @Override double[] start(double[] finished) {
            double[] m = GammaDist.getMLE(finished, finished.length); // alpha (shape), lambda (a rate)
            return new double[] {Math.log(m[0]), -Math.log(m[1])};
        }
    },
    /** Parameters: shape and scale (survival exp(-(t/scale)^shape)). */
    WEIBULL(List.of("shape", "scale")) {
        @Override double logDensity(double[] w, double t) {
            double k = Math.exp(w[0]);
            double logRatio = Math.log(t) - w[1];
            return w[0] - w[1] + (k - 1) * logRatio - Math.exp(k * logRatio);
        }
        @Override double logSurvival(double[] w, double t) {
            return -Math.exp(Math.exp(w[0]) * (Math.log(t) - w[1]));
        }
        @Override double quantile(double[] w, double p) {
            return Math.exp(w[1]) * Math.pow(-Math.log1p(-p), Math.exp(-w[0]));
        }
        @Override double mean(double[] w) { return Math.exp(w[1] + Gamma.logGamma(1 + Math.exp(-w[0]))); }
        @Override double[] stated(double[] w) { return new double[] {Math.exp(w[0]), Math.exp(w[1])}; }
        @Override double[] working(double[] p) { return new double[] {Math.log(p[0]), Math.log(p[1])}; }
        @Override double[] start(double[] finished) {
            double[] m = WeibullDist.getMLE(finished, finished.length); // alpha (shape), lambda (a rate)
            return new double[] {Math.log(m[0]), -Math.log(m[1])};
        }
    };

    /** The standard normal 90th percentile, relating a lognormal's median and p90 to its sigma. */
    public static final double Z90 = 1.2815515655446004;

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final List<String> parameterNames;

    Family(List<String> parameterNames) {
        this.parameterNames = parameterNames;
    }

    /** The names of the parameters, in the order {@link #of(double...)} takes them and fits report them. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * The distribution with these parameters, in the order of {@link #parameterNames()}.
     *
     * @throws IllegalArgumentException when a parameter is missing, not positive or not finite
     */
    public Parametric of(double... parameters) {
        if (parameters.length != parameterNames.size()) {
            throw new IllegalArgumentException(this + " takes " + parameterNames + ", got " + parameters.length + " values");
        }
        for (double p : parameters) {
            if (!(p > 0) || !Double.isFinite(p)) {
                throw new IllegalArgumentException(this + " parameters " + parameterNames + " must be positive and finite");
            }
        }
        return new Parametric(this, working(parameters));
    }

    /** Log density at {@code t > 0}, working parameters. */
    abstract double logDensity(double[] w, double t);

    /** Log survival (log P(T > t)) at {@code t >= 0}, working parameters. */
    abstract double logSurvival(double[] w, double t);

    /** The {@code p}-quantile, working parameters. */
    abstract double quantile(double[] w, double p);

    /** The mean, working parameters. */
    abstract double mean(double[] w);

    /** The stated parameters from the working ones. */
    abstract double[] stated(double[] w);

    /** The working parameters from the stated ones. */
    abstract double[] working(double[] stated);

    /** Working parameters fitted by SSJ's maximum likelihood to complete (uncensored) times, all positive. */
    abstract double[] start(double[] finished);

    /** Number of free parameters. */
    int size() {
        return parameterNames.size();
    }

    /** log P(Z > z) for a standard normal Z, accurate far into the upper tail. */
    static double logUpperNormal(double z) {
        // erfc underflows near z = 37.5; from z = 20 the Mills ratio series P(Z > z) = phi(z)/z (1 - 1/z^2 + 3/z^4
        // - 15/z^6 + 105/z^8 ...) is as accurate (the first term left out is below 1e-10) and cannot underflow
        if (z < 20) return Math.log(0.5 * Erf.erfc(z / Math.sqrt(2)));
        double u = 1 / (z * z);
        return -0.5 / u - HALF_LOG_2PI - Math.log(z) + Math.log1p(u * (-1 + u * (3 + u * (-15 + u * 105))));
    }
}
