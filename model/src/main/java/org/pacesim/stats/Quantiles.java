package org.pacesim.stats;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.util.KthSelector;

/**
 * Percentiles with one documented estimator throughout the project: R-7 (linear interpolation between order
 * statistics; the default of R, NumPy and Excel's PERCENTILE.INC). Commons Math's own default differs, so every
 * percentile goes through here.
 *
 * <p>The figures are Commons Math's {@link Percentile} with that estimator. Data without NaN (all the project gives)
 * go to the estimator directly: {@code Percentile.setData} makes a 4 KB cache of pivots for each data set, which
 * cost more than the percentiles themselves where a replication takes the median of each month of each measure
 * for its run-chart points. The order statistics the estimator selects are the same with or without the cache.
 */
public final class Quantiles {
    private static final Percentile.EstimationType ESTIMATOR = Percentile.EstimationType.R_7;
    private final KthSelector selector = new KthSelector();
    private final Percentile withNaN = new Percentile().withEstimationType(ESTIMATOR);
    private double[] work;      // the data, reordered by each selection; null when it holds NaN

    /** Sets the data ({@code n} first values of {@code values}); the array is copied. */
    public Quantiles of(double[] values, int n) {
        work = Arrays.copyOf(values, n);
        for (double v : work) {
            if (Double.isNaN(v)) { // Percentile's own handling of NaN
                withNaN.setData(work);
                work = null;
                break;
            }
        }
        return this;
    }

    /** The q-th percentile (q in (0, 100]) of the data set last given. */
    public double at(double q) {
        if (work == null) return withNaN.evaluate(q);
        if (work.length <= 1 || q > 100 || q <= 0) return withNaN.evaluate(work, q); // NaN, the value, or its error
        return ESTIMATOR.evaluate(work, q, selector);
    }
}
