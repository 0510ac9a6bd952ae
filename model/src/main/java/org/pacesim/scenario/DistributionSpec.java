package org.pacesim.scenario;

import java.util.Locale;

/**
 * A probability distribution of a duration, in days, parameterised the way people state it and already converted to
 * the parameters the generators need. Conversions (median and p90 to log-scale parameters, mean and sd to shape and
 * scale) happen once, here, so that every later use agrees.
 */
public sealed interface DistributionSpec {

    /** The z-score of the 90th percentile of the standard normal distribution. */
    double Z90 = 1.2815515655446004;

    /** A short human description, e.g. {@code lognormal(median 12w, p90 24w)}. */
    String describe();

    /**
     * Optional truncation of a parametric distribution: draws fall in [min, max].
     *
     * @param min lower bound in days (0 = none)
     * @param max upper bound in days (infinity = none)
     */
    record Bounds(double min, double max) {
        /** No truncation. */
        public static final Bounds NONE = new Bounds(0, Double.POSITIVE_INFINITY);

        /** Whether this truncates anything. */
        public boolean any() {
            return min > 0 || max < Double.POSITIVE_INFINITY;
        }

        String suffix() {
            if (!any()) return "";
            return (min > 0 ? ", min " + Durations.format(min) : "")
                    + (max < Double.POSITIVE_INFINITY ? ", max " + Durations.format(max) : "");
        }
    }

    /**
     * A duration counted in working days ({@code 10wd}): {@code inner} gives the number of working days, and the
     * engine turns a draw into calendar time from the moment it starts, with the scenario's calendar.
     */
    record WorkingDays(DistributionSpec inner) implements DistributionSpec {
        @Override
        public String describe() {
            return inner.describe().replaceAll("(\\d)d\\b", "$1wd") + " in working days";
        }
    }

    /** Always the same duration; draws no random number. */
    record Fixed(double days) implements DistributionSpec {
        @Override
        public String describe() {
            return Durations.format(days);
        }
    }

    /** Exponential with the given mean (days). */
    record Exponential(double mean, Bounds bounds) implements DistributionSpec {
        @Override
        public String describe() {
            return "exponential(mean " + Durations.format(mean) + bounds.suffix() + ")";
        }
    }

    /** Lognormal with log-scale parameters mu and sigma. */
    record Lognormal(double mu, double sigma, Bounds bounds) implements DistributionSpec {
        /** From the median and the 90th percentile. */
        public static Lognormal fromMedianP90(double median, double p90, Bounds b) {
            return new Lognormal(Math.log(median), Math.log(p90 / median) / Z90, b);
        }

        /** From the mean and standard deviation of the distribution itself (not of its logarithm). */
        public static Lognormal fromMeanSd(double mean, double sd, Bounds b) {
            double s2 = Math.log1p(sd * sd / (mean * mean));
            return new Lognormal(Math.log(mean) - s2 / 2, Math.sqrt(s2), b);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "lognormal(median %s, sdlog %.3f%s)", Durations.format(round(Math.exp(mu))),
                    sigma, bounds.suffix());
        }
    }

    /** Gamma with shape k and scale theta (mean k*theta). */
    record Gamma(double shape, double scale, Bounds bounds) implements DistributionSpec {
        /** From mean and standard deviation. */
        public static Gamma fromMeanSd(double mean, double sd, Bounds b) {
            return new Gamma(mean * mean / (sd * sd), sd * sd / mean, b);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "gamma(shape %.3g, scale %s%s)", shape, Durations.format(round(scale)),
                    bounds.suffix());
        }
    }

    /** Triangular on [min, max] with the given mode. */
    record Triangular(double min, double mode, double max) implements DistributionSpec {
        @Override
        public String describe() {
            return "triangular(" + Durations.format(min) + ", " + Durations.format(mode) + ", "
                    + Durations.format(max) + ")";
        }
    }

    /** Uniform on [min, max]. */
    record Uniform(double min, double max) implements DistributionSpec {
        @Override
        public String describe() {
            return "uniform(" + Durations.format(min) + ", " + Durations.format(max) + ")";
        }
    }

    /** Weibull with the given shape and scale (days). */
    record Weibull(double shape, double scale, Bounds bounds) implements DistributionSpec {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "weibull(shape %.3g, scale %s%s)", shape, Durations.format(round(scale)),
                    bounds.suffix());
        }
    }

    /**
     * A discrete distribution on the given values with the given weights (normalised when used).
     *
     * @param values  durations in days
     * @param weights non-negative weights, one per value, not all zero
     */
    record Empirical(double[] values, double[] weights) implements DistributionSpec {
        /** Keeps copies of the arrays, so that the spec cannot change after it is made. */
        public Empirical {
            values = values.clone();
            weights = weights.clone();
        }

        /** The values (a copy). */
        @Override
        public double[] values() {
            return values.clone();
        }

        /** The weights (a copy). */
        @Override
        public double[] weights() {
            return weights.clone();
        }

        @Override
        public String describe() {
            return "empirical(" + values.length + " values)";
        }
    }

    /**
     * Observed durations read from a CSV file, used as a continuous piecewise-linear distribution between the
     * sorted observations (Law and Kelton's empirical distribution), so that draws are not limited to the values seen.
     *
     * @param file         the file as named in the scenario
     * @param observations durations in days, at least two
     */
    record Observed(String file, double[] observations) implements DistributionSpec {
        /** Keeps a copy of the observations, so that the spec cannot change after it is made. */
        public Observed {
            observations = observations.clone();
        }

        /** The observations (a copy). */
        @Override
        public double[] observations() {
            return observations.clone();
        }

        @Override
        public String describe() {
            return "observed(" + file + ", " + observations.length + " values)";
        }
    }

    private static double round(double x) {
        return Math.abs(x - Math.rint(x)) < 1e-9 ? Math.rint(x) : Math.round(x * 1000) / 1000.0;
    }
}
