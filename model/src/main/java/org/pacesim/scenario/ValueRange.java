package org.pacesim.scenario;

import java.util.Locale;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;

/**
 * How far an assumed value may plausibly lie, for an uncertainty analysis: a distribution over the value itself
 * (uniform, uniform_int, triangular, beta for a share) or over a multiplier of the value as written (lognormal, and
 * the triangular multipliers of {@code from_tags}). A design point draws from it by its inverse distribution
 * function, so that a Latin hypercube's strata in (0, 1) become strata of the value.
 *
 * <p>A beta or lognormal has no finite bounds; the design draws them between their 0.1% and 99.9% points, so that
 * the extremes checked before a run are the extremes that can be drawn.
 */
public sealed interface ValueRange {
    /** The share cut from each tail of an unbounded distribution. */
    double TAIL = 0.001;

    /** The value (or multiplier) at cumulative probability {@code u} in [0, 1]. */
    double quantile(double u);

    /** Whether the drawn number multiplies the value as written instead of replacing it. */
    default boolean multiplier() {
        return false;
    }

    /** The range as a planner would write it, for messages and reports. */
    String text();

    /** Any value between two bounds equally likely. */
    record Uniform(double min, double max) implements ValueRange {
        @Override
        public double quantile(double u) {
            return min + u * (max - min);
        }

        @Override
        public String text() {
            return "uniform " + Values.fmt(min) + " to " + Values.fmt(max);
        }
    }

    /**
     * Where a calibration may search: any value from {@code min} to {@code max}, none preferred (the fit's ranges,
     * not a belief about the value, so a design would draw them uniformly).
     *
     * @param multiplier whether the value multiplies the value as written (a duration or number field tagged as
     *                   calibrated) instead of replacing it (a route's probability, a stage's scale)
     */
    record Bounds(double min, double max, boolean multiplier) implements ValueRange {
        @Override
        public double quantile(double u) {
            return min + u * (max - min);
        }

        @Override
        public String text() {
            return (multiplier ? "times " : "") + Values.fmt(min) + " to " + Values.fmt(max);
        }
    }

    /** Any whole number from {@code min} to {@code max}, equally likely. */
    record UniformInt(long min, long max) implements ValueRange {
        @Override
        public double quantile(double u) {
            // u = 1 would be one past max: it belongs to the top stratum
            return Math.min(max, min + (long) Math.floor(u * (max - min + 1)));
        }

        @Override
        public String text() {
            return "whole numbers " + min + " to " + max;
        }
    }

    /**
     * Most likely at {@code mode}, falling linearly to zero at the bounds.
     *
     * @param multiplier whether the value drawn multiplies the value as written
     */
    record Triangular(double min, double mode, double max, boolean multiplier) implements ValueRange {
        @Override
        public double quantile(double u) {
            return new TriangularDistribution(min, mode, max).inverseCumulativeProbability(u);
        }

        @Override
        public String text() {
            String bounds = Values.fmt(min) + ", " + Values.fmt(mode) + ", " + Values.fmt(max);
            return multiplier ? "times a triangular multiplier (" + bounds + ")" : "triangular (" + bounds + ")";
        }
    }

    /** A share with a given mean and standard deviation (a beta distribution, fitted by moments). */
    record Beta(double mean, double sd) implements ValueRange {
        /** Whether a beta distribution has this mean and sd (its variance is below mean (1 - mean)). */
        static boolean possible(double mean, double sd) {
            return mean > 0 && mean < 1 && sd > 0 && sd * sd < mean * (1 - mean);
        }

        @Override
        public double quantile(double u) {
            double k = mean * (1 - mean) / (sd * sd) - 1;
            return new BetaDistribution(null, mean * k, (1 - mean) * k)
                    .inverseCumulativeProbability(TAIL + (1 - 2 * TAIL) * u);
        }

        @Override
        public String text() {
            return "beta with mean " + Values.fmt(mean) + " and sd " + Values.fmt(sd);
        }
    }

    /** A multiplier with a given median and 90th percentile (lognormal), as scenario durations are written. */
    record LogNormal(double median, double p90) implements ValueRange {
        /** The standard normal's 90th percentile. */
        private static final double Z90 = 1.2815515655446004;

        @Override
        public double quantile(double u) {
            return new LogNormalDistribution(null, Math.log(median), Math.log(p90 / median) / Z90)
                    .inverseCumulativeProbability(TAIL + (1 - 2 * TAIL) * u);
        }

        @Override
        public boolean multiplier() {
            return true;
        }

        @Override
        public String text() {
            return String.format(Locale.ROOT, "times a lognormal multiplier (median %s, p90 %s)", Values.fmt(median),
                    Values.fmt(p90));
        }
    }
}
