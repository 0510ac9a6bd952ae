package org.pacesim.stats;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Percentiles with one documented estimator throughout the project: R-7 (linear interpolation between order
 * statistics; the default of R, NumPy and Excel's PERCENTILE.INC). Commons Math's own default differs, so every
 * percentile goes through here.
 */
public final class Quantiles {
    private final Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);

    /** Sets the data ({@code n} first values of {@code values}); the array is copied. */
    public Quantiles of(double[] values, int n) {
        percentile.setData(values, 0, n);
        return this;
    }

    /** The q-th percentile (q in (0, 100]) of the data set last given. */
    public double at(double q) {
        return percentile.evaluate(q);
    }
}
