package org.pacesim.report.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins a line before it is drawn (Ramer-Douglas-Peucker): points that lie within a small tolerance of the line
 * through their neighbours add nothing a reader can see, but each costs bytes in the SVG. The tolerance is a
 * thousandth of the line's height range, far below a pixel at 1600 x 900; NaN points are dropped.
 */
final class Thin {
    private static final double TOLERANCE = 0.001;

    /**
     * The thinned points.
     *
     * @param x x values
     * @param y y values
     */
    record Points(double[] x, double[] y) {}

    private Thin() {}

    static Points of(double[] x, double[] y) {
        List<Integer> valid = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) continue;
            valid.add(i);
            lo = Math.min(lo, y[i]);
            hi = Math.max(hi, y[i]);
        }
        int n = valid.size();
        if (n <= 2) return pick(x, y, valid);
        double[] vx = new double[n];
        double[] vy = new double[n];
        for (int k = 0; k < n; k++) {
            vx[k] = x[valid.get(k)];
            vy[k] = y[valid.get(k)];
        }
        double tol = Math.max(hi - lo, 1e-12) * TOLERANCE;
        boolean[] keep = new boolean[n];
        keep[0] = keep[n - 1] = true;
        simplify(vx, vy, 0, n - 1, tol, keep);
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < n; k++) if (keep[k]) kept.add(k);
        return pick(vx, vy, kept);
    }

    private static Points pick(double[] x, double[] y, List<Integer> idx) {
        double[] px = new double[idx.size()];
        double[] py = new double[idx.size()];
        for (int k = 0; k < px.length; k++) {
            px[k] = x[idx.get(k)];
            py[k] = y[idx.get(k)];
        }
        return new Points(px, py);
    }

    /** Keeps the point farthest from the chord (in y, at its x) if it is farther than the tolerance, recursively. */
    private static void simplify(double[] x, double[] y, int a, int b, double tol, boolean[] keep) {
        if (b <= a + 1) return;
        double worst = -1;
        int at = -1;
        for (int i = a + 1; i < b; i++) {
            double t = x[b] == x[a] ? 0 : (x[i] - x[a]) / (x[b] - x[a]);
            double d = Math.abs(y[i] - (y[a] + t * (y[b] - y[a])));
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (worst > tol) {
            keep[at] = true;
            simplify(x, y, a, at, tol, keep);
            simplify(x, y, at, b, tol, keep);
        }
    }
}
