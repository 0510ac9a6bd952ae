package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How far each fitted value can move, down and up, before the fit worsens by one tolerance unit (the objective
 * rises by 1): each value alone, the others held at the fit.
 *
 * <p>From the fit, a value steps outwards by growing steps (5%, 15% and 40% of its range, then to the end of the
 * range) until the objective has risen by 1; the crossing is then bracketed by halving three times and placed by
 * linear interpolation between the last two points. When the range ends first, the interval is cut there and says
 * so. With common random numbers the objective is a deterministic function of the values, so the crossing is the
 * same in every run with the same seed.
 */
public final class FitProfile {
    /** The outward steps, as shares of the value's range. */
    private static final double[] STEPS = {0.05, 0.15, 0.4, 1.0};
    /** Halvings of the bracket around the crossing. */
    private static final int HALVINGS = 3;
    /** The most evaluations one side of one value's profile takes. */
    static final int MAX_EVALUATIONS = STEPS.length + HALVINGS;

    private final List<CalibrationFit.Free> free;
    private final ToDoubleFunction<double[]> objective;

    /**
     * @param free      the free values
     * @param objective the objective at values (not unit coordinates)
     */
    FitProfile(List<CalibrationFit.Free> free, ToDoubleFunction<double[]> objective) {
        this.free = free;
        this.objective = objective;
    }

    /**
     * One value's interval.
     *
     * @param low         where the objective has risen by 1 below the fit, or the range's bottom
     * @param high        likewise above
     * @param lowAtBound  whether the range ended first below
     * @param highAtBound whether the range ended first above
     */
    public record Interval(double low, double high, boolean lowAtBound, boolean highAtBound) {}

    /** Every value's interval around {@code fitted}, whose objective is {@code best}. */
    List<Interval> intervals(double[] fitted, double best) {
        List<Interval> out = new ArrayList<>();
        for (int j = 0; j < free.size(); j++) {
            double[] down = side(fitted, j, -1, best + 1);
            double[] up = side(fitted, j, +1, best + 1);
            out.add(new Interval(down[0], up[0], down[1] > 0, up[1] > 0));
        }
        return out;
    }

    /** {where, 1 if the range ended first} on one side of value j. */
    private double[] side(double[] fitted, int j, int direction, double threshold) {
        CalibrationFit.Free f = free.get(j);
        double start = f.unit(fitted[j]);
        double inside = start;
        double insideQ = threshold - 1;
        double outside = Double.NaN;
        double outsideQ = Double.NaN;
        for (double step : STEPS) {
            double u = Math.max(0, Math.min(1, start + direction * step));
            if (u == inside) break;
            double q = at(fitted, j, u);
            if (q >= threshold) {
                outside = u;
                outsideQ = q;
                break;
            }
            inside = u;
            insideQ = q;
            if (u == 0 || u == 1) break;
        }
        if (Double.isNaN(outside)) return new double[] {f.value(inside), 1};
        for (int h = 0; h < HALVINGS; h++) {
            double mid = (inside + outside) / 2;
            double q = at(fitted, j, mid);
            if (q >= threshold) {
                outside = mid;
                outsideQ = q;
            } else {
                inside = mid;
                insideQ = q;
            }
        }
        double share = outsideQ > insideQ ? (threshold - insideQ) / (outsideQ - insideQ) : 0.5;
        return new double[] {f.value(inside + share * (outside - inside)), 0};
    }

    private double at(double[] fitted, int j, double unit) {
        double[] v = fitted.clone();
        v[j] = free.get(j).value(unit);
        return objective.applyAsDouble(v);
    }
}
