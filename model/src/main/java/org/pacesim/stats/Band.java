package org.pacesim.stats;

import java.util.List;

/**
 * A curve across replications: at each grid point the mean over replications and the band holding the middle 95%
 * of them (the 2.5th and 97.5th percentiles, R-7). The band shows how much one year's cohort can differ from the
 * next, which is what a planner should expect to see; the confidence interval of the mean would be far narrower.
 *
 * @param mean the mean at each point (NaN where no replication has a value)
 * @param low  the 2.5th percentile
 * @param high the 97.5th percentile
 */
public record Band(double[] mean, double[] low, double[] high) {
    /** Share of replications inside the band. */
    public static final double COVERAGE = 0.95;

    /** The band of curves of equal length (NaN values are left out point by point). */
    public static Band of(List<double[]> curves) {
        int points = curves.isEmpty() ? 0 : curves.get(0).length;
        double[] mean = new double[points];
        double[] low = new double[points];
        double[] high = new double[points];
        double[] values = new double[curves.size()];
        Quantiles q = new Quantiles();
        for (int k = 0; k < points; k++) {
            int n = 0;
            double sum = 0;
            for (double[] c : curves) {
                if (!Double.isNaN(c[k])) {
                    values[n++] = c[k];
                    sum += c[k];
                }
            }
            if (n == 0) {
                mean[k] = low[k] = high[k] = Double.NaN;
                continue;
            }
            mean[k] = sum / n;
            q.of(values, n);
            low[k] = q.at(100 * (1 - COVERAGE) / 2);
            high[k] = q.at(100 * (1 + COVERAGE) / 2);
        }
        return new Band(mean, low, high);
    }
}
