package org.pacesim.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.exception.MathIllegalStateException;
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

    /** Distinct (time, ended) pairs, with how many spells share each. */
    private final double[] time;
    private final boolean[] ended;
    private final double[] weight;
    /** Distinct positive entry times (left truncation), with how many spells share each. */
    private final double[] entered;
    private final double[] enteredWeight;
    /** The ended times, each once per child, for SSJ's starting fit. */
    private final double[] finished;
    /** Total time at risk (time - entered) and number of events: the exponential's statistics. */
    private final double exposure;
    private final double events;

    /**
     * The result of a maximisation.
     *
     * @param working    working-scale maximiser
     * @param logL       maximised log-likelihood
     * @param covariance inverse observed information on the working scale
     */
    record Maximum(double[] working, double logL, double[][] covariance) {}

    CensoredLikelihood(List<Spell> spells) {
        // the entry term -log S(entered) does not depend on how the spell ends, so it is grouped on its own
        TreeMap<Double, Double> ends = new TreeMap<>(), opens = new TreeMap<>(), entries = new TreeMap<>();
        List<Double> fin = new ArrayList<>();
        double atRisk = 0, count = 0;
        for (Spell s : spells) {
            double t = s.time();
            (s.ended() ? ends : opens).merge(t, 1.0, Double::sum);
            if (s.truncated()) entries.merge(s.entered(), 1.0, Double::sum);
            if (s.ended()) {
                fin.add(t);
                count++;
            }
            atRisk += t - s.entered();
        }
        int m = ends.size() + opens.size();
        time = new double[m];
        ended = new boolean[m];
        weight = new double[m];
        int i = 0;
        for (Map.Entry<Double, Double> e : ends.entrySet()) {
            time[i] = e.getKey();
            ended[i] = true;
            weight[i++] = e.getValue();
        }
        for (Map.Entry<Double, Double> e : opens.entrySet()) {
            time[i] = e.getKey();
            weight[i++] = e.getValue();
        }
        entered = entries.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        enteredWeight = entries.values().stream().mapToDouble(Double::doubleValue).toArray();
        finished = fin.stream().mapToDouble(Double::doubleValue).toArray();
        exposure = atRisk;
        events = count;
    }

    /** The log-likelihood at working parameters {@code w}; -infinity where it is not defined. */
    double logL(Family f, double[] w) {
        double sum = 0;
        for (int i = 0; i < time.length; i++) {
            sum += weight[i] * (ended[i] ? f.logDensity(w, time[i]) : f.logSurvival(w, time[i]));
        }
        for (int i = 0; i < entered.length; i++) sum -= enteredWeight[i] * f.logSurvival(w, entered[i]);
        return Double.isNaN(sum) ? Double.NEGATIVE_INFINITY : sum;
    }

    /** Total time at risk (time - entered) and number of events: the exponential's statistics. */
    double[] exposureAndEvents() {
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
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * start.length + 1, 0.3, 1e-7);
        PointValuePair best = optimizer.optimize(new MaxEval(5000), GoalType.MAXIMIZE,
                new ObjectiveFunction(w -> searchable(f, w)), new InitialGuess(start),
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

    /**
     * The log-likelihood as the search sees it: far from the start the special functions can fail to converge
     * (the gamma's incomplete gamma function at shapes in the tens of thousands) or overflow; such points are
     * simply the worst possible, so the search turns back.
     */
    private double searchable(Family f, double[] w) {
        try {
            double v = logL(f, w);
            return Double.isFinite(v) ? v : -1e300;
        } catch (MathIllegalStateException e) {
            return -1e300;
        }
    }
}
