package org.pacesim.fit;

/**
 * A value with its 95% confidence interval. The bounds are finite except where the data put no limit on one side
 * (an upper bound of {@link Double#POSITIVE_INFINITY}, for example a median not reached within follow-up); they
 * are never NaN.
 *
 * @param value the point estimate
 * @param lower lower end of the 95% interval
 * @param upper upper end of the 95% interval
 */
public record Estimate(double value, double lower, double upper) {
    /** The two-sided 95% normal quantile, 1.959964... */
    public static final double Z95 = 1.959963984540054;

    /** Checks the interval holds the value and nothing is NaN. */
    public Estimate {
        if (Double.isNaN(value) || Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("an estimate cannot be NaN: " + value + " [" + lower + ", " + upper + "]");
        }
        if (lower > value || value > upper) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] does not hold " + value);
        }
    }

    /** Whether {@code x} lies within the interval (ends included). */
    public boolean covers(double x) {
        return lower <= x && x <= upper;
    }

    /**
     * A Wald interval computed on the log scale and transformed back, for a positive quantity: value
     * times/divided by exp(1.96 se), where {@code seOfLog} is the standard error of the log of the value.
     */
    static Estimate logNormal(double value, double seOfLog) {
        double f = Math.exp(Z95 * seOfLog);
        return new Estimate(value, value / f, value * f);
    }
}
