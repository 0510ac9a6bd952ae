package org.pacesim.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * The log-likelihood of a set of spells under one family, with right censoring and left truncation:
 * <pre>
 *   log L = sum over ended spells of log f(t)  +  sum over open spells of log S(t)  -  sum over all of log S(entered)
 * </pre>
 * (t = {@link Spell#time()}), and its maximisation on the working scale. Identical spells are grouped with a
 * weight first: records are in whole days, so ten thousand spells hold a few hundred distinct ones, and each
 * evaluation costs one density or survival per distinct value rather than per child.
 *
 * <p>Immutable once built; one instance per fit, so fits of different stages can run in parallel.
 */
final class CensoredLikelihood {
    /** Half-width of the search box around the starting point, on the working (log) scale: e^12 either way. */
    private static final double BOX = 12;
    /** Step of the central differences for the observed information, on the working scale. */
    private static final double STEP = 1e-3;

    private final double[] time;
    private final double[] entered;
    private final boolean[] ended;
    private final double[] weight;
    /** The ended times, each once per child, for SSJ's starting fit. */
    private final double[] finished;

    /**
     * The result of a maximisation.
     *
     * @param working    working-scale maximiser
     * @param logL       maximised log-likelihood
     * @param covariance inverse observed information on the working scale
     */
    record Maximum(double[] working, double logL, double[][] covariance) {}

    CensoredLikelihood(List<Spell> spells) {
        List<Spell> sorted = new ArrayList<>(spells);
        sorted.sort(Comparator.comparingDouble(Spell::time).thenComparing(Spell::ended).thenComparingDouble(Spell::entered));
        int m = 0;
        double[] t = new double[sorted.size()], e = new double[sorted.size()], w = new double[sorted.size()];
        boolean[] d = new boolean[sorted.size()];
        List<Double> fin = new ArrayList<>();
        for (Spell s : sorted) {
            if (s.ended()) fin.add(s.time());
            if (m > 0 && t[m - 1] == s.time() && d[m - 1] == s.ended() && e[m - 1] == s.entered()) {
                w[m - 1]++;
                continue;
            }
            t[m] = s.time();
            d[m] = s.ended();
            e[m] = s.entered();
            w[m++] = 1;
        }
        time = Arrays.copyOf(t, m);
        ended = Arrays.copyOf(d, m);
        entered = Arrays.copyOf(e, m);
        weight = Arrays.copyOf(w, m);
        finished = fin.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The log-likelihood at working parameters {@code w}; -infinity where it is not defined. */
    double logL(Family f, double[] w) {
        double sum = 0;
        for (int i = 0; i < time.length; i++) {
            double l = ended[i] ? f.logDensity(w, time[i]) : f.logSurvival(w, time[i]);
            if (entered[i] > 0) l -= f.logSurvival(w, entered[i]);
            sum += weight[i] * l;
        }
        return Double.isNaN(sum) ? Double.NEGATIVE_INFINITY : sum;
    }

    /** Sum over spells of time at risk (time - entered) and number of events: the exponential's statistics. */
    double[] exposureAndEvents() {
        double exposure = 0, events = 0;
        for (int i = 0; i < time.length; i++) {
            exposure += weight[i] * (time[i] - entered[i]);
            if (ended[i]) events += weight[i];
        }
        return new double[] {exposure, events};
    }

    /**
     * Maximises the log-likelihood of a two-parameter family from SSJ's maximum-likelihood fit to the finished
     * spells (BOBYQA, a derivative-free trust-region method, within a wide box around that start).
     *
     * @throws IllegalStateException when the maximum is on the edge of the box or the information is not
     *                               positive definite (the data do not determine the parameters)
     */
    Maximum maximise(Family f) {
        double[] start = f.start(finished);
        for (double x : start) {
            if (!Double.isFinite(x)) throw new IllegalStateException("the finished spells give no starting point");
        }
        double[] lower = new double[start.length], upper = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            lower[i] = start[i] - BOX;
            upper[i] = start[i] + BOX;
        }
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * start.length + 1, 0.3, 1e-9);
        PointValuePair best = optimizer.optimize(new MaxEval(5000), GoalType.MAXIMIZE,
                new ObjectiveFunction(w -> finiteOrWorst(logL(f, w))), new InitialGuess(start),
                new SimpleBounds(lower, upper));
        double[] w = best.getPoint();
        for (int i = 0; i < w.length; i++) {
            if (upper[i] - w[i] < 1e-3 || w[i] - lower[i] < 1e-3) {
                throw new IllegalStateException("the likelihood has no maximum inside the search region");
            }
        }
        return new Maximum(w, logL(f, w), covariance(f, w));
    }

    /** Inverse of the observed information (numerical Hessian of -log L by central differences) at {@code w}. */
    double[][] covariance(Family f, double[] w) {
        int k = w.length;
        double[][] h = new double[k][k];
        double f0 = logL(f, w);
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double v;
                if (i == j) {
                    v = (at(f, w, i, STEP, j, 0) - 2 * f0 + at(f, w, i, -STEP, j, 0)) / (STEP * STEP);
                } else {
                    v = (at(f, w, i, STEP, j, STEP) - at(f, w, i, STEP, j, -STEP) - at(f, w, i, -STEP, j, STEP)
                            + at(f, w, i, -STEP, j, -STEP)) / (4 * STEP * STEP);
                }
                h[i][j] = h[j][i] = -v;
            }
        }
        RealMatrix info = new Array2DRowRealMatrix(h);
        try {
            return new CholeskyDecomposition(info, 1e-12, 1e-12).getSolver().getInverse().getData();
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            throw new IllegalStateException("the observed information is not positive definite", e);
        }
    }

    private double at(Family f, double[] w, int i, double di, int j, double dj) {
        double[] x = w.clone();
        x[i] += di;
        x[j] += dj;
        return logL(f, x);
    }

    private static double finiteOrWorst(double v) {
        return Double.isFinite(v) ? v : -1e300;
    }
}
