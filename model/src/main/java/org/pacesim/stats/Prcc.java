package org.pacesim.stats;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Partial rank correlation coefficients (PRCC): how strongly each input of a design moves an output once the
 * other inputs are accounted for, for any monotone relation. The method of Marino, Hogue, Ray and Kirschner,
 * "A methodology for performing global uncertainty and sensitivity analysis in systems biology", J Theor Biol
 * 254 (2008) 178-196: rank-transform every input and the output; regress the ranks of input j and of the output
 * each on the ranks of the other inputs (least squares with an intercept); the PRCC of j is the Pearson
 * correlation of the two residuals.
 *
 * <p>Its 95% interval is Fisher's: z = atanh(r) is close to normal with standard error 1 / sqrt(n - 3 - p) for n
 * points and p inputs held fixed (here all but one); Marino et al.'s significance test of the same coefficient uses
 * Student's t with n - 2 - p degrees of freedom, the same count less one as for an ordinary correlation. An input
 * that never changes, or an output that never does, has no coefficient (NaN).
 */
public final class Prcc {
    private static final double Z95 = 1.959963984540054;

    private Prcc() {}

    /**
     * One input's coefficient.
     *
     * @param prcc the partial rank correlation, in [-1, 1], or NaN
     * @param low  lower end of its 95% interval
     * @param high upper end
     */
    public record Coefficient(double prcc, double low, double high) {
        /** Whether the interval leaves out zero. */
        public boolean clear() {
            return low > 0 || high < 0;
        }
    }

    /**
     * The PRCC of each input with the output.
     *
     * @param inputs [point][input]
     * @param output [point]
     * @return one coefficient per input, in order
     */
    public static Coefficient[] of(double[][] inputs, double[] output) {
        int n = output.length;
        int k = n == 0 ? 0 : inputs[0].length;
        NaturalRanking ranking = new NaturalRanking(TiesStrategy.AVERAGE);
        double[][] ranks = new double[k][];
        boolean[] varies = new boolean[k];
        int varying = 0;
        for (int j = 0; j < k; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = inputs[i][j];
            ranks[j] = ranking.rank(col);
            varies[j] = !constant(col);
            if (varies[j]) varying++;
        }
        Coefficient[] out = new Coefficient[k];
        double[] y = ranking.rank(output.clone());
        int held = varying - 1;
        double se = 1 / Math.sqrt(n - 3 - held);
        for (int j = 0; j < k; j++) {
            if (!varies[j] || constant(output) || n - 3 - held < 1) {
                out[j] = new Coefficient(Double.NaN, Double.NaN, Double.NaN);
                continue;
            }
            double[][] others = new double[n][held];
            for (int i = 0; i < n; i++) {
                int c = 0;
                for (int o = 0; o < k; o++) if (o != j && varies[o]) others[i][c++] = ranks[o][i];
            }
            double r = new PearsonsCorrelation().correlation(residuals(ranks[j], others), residuals(y, others));
            double z = atanh(Math.max(-0.999999, Math.min(0.999999, r)));
            out[j] = new Coefficient(r, Math.tanh(z - Z95 * se), Math.tanh(z + Z95 * se));
        }
        return out;
    }

    /** What is left of {@code y} after its least-squares fit on {@code x} with an intercept. */
    private static double[] residuals(double[] y, double[][] x) {
        if (x.length == 0 || x[0].length == 0) {
            double mean = 0;
            for (double v : y) mean += v / y.length;
            double[] r = new double[y.length];
            for (int i = 0; i < y.length; i++) r[i] = y[i] - mean;
            return r;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        return ols.estimateResiduals();
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    private static boolean constant(double[] v) {
        for (double x : v) if (x != v[0]) return false;
        return true;
    }
}
