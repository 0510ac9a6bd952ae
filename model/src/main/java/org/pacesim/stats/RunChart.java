package org.pacesim.stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.interval.ClopperPearsonInterval;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;

/**
 * One scenario's run chart for one series, over its replications: the monthly points each replication's site would
 * plot, the band they make, and how often the run-chart rules signal an improvement by each month after the change
 * (and, before it, how often they signal one in the baseline points alone: a false signal).
 *
 * <p>The points run over whole calendar months inside [warm-up, horizon). The baseline is the months before the one
 * holding the change date; the change month is month 1 after the change. In each replication the median of its
 * baseline points is frozen and the rules look for runs made of the points after the change only (so a run in the
 * baseline cannot carry a signal over the date). A replication with fewer usable baseline points than the rules ask
 * for is left out of the shares.
 *
 * @param series     the measure and statistic
 * @param firstMonth the calendar month of the first point
 * @param changeAt   index (from the first point) of the month holding the change: the baseline is the points before
 * @param points     [replication][month] the points (NaN: a month with too few children)
 * @param children   [replication][month] the children in each month
 * @param baselines  per replication, its frozen baseline
 * @param rules      the rules applied
 */
public record RunChart(MonthlyPoints.Series series, YearMonth firstMonth, int changeAt, double[][] points,
                       int[][] children, List<RunChartRules.Baseline> baselines, RunChartRules rules) {
    /** Confidence level of the shares' intervals. */
    public static final double LEVEL = 0.95;
    /** The {@code months_after_change} of the false-signal rows: the baseline period. */
    public static final int BASELINE_PERIOD = -1;

    /**
     * A share of replications with its exact (Clopper-Pearson) 95% interval.
     *
     * @param monthsAfter months after the change by which the rule signalled, or {@link #BASELINE_PERIOD}
     * @param share       the share of replications
     * @param low         lower limit
     * @param high        upper limit
     * @param replications the replications counted
     */
    public record Share(int monthsAfter, double share, double low, double high, int replications) {}

    /**
     * Builds the run chart of series {@code s} from each replication's monthly points.
     *
     * @param changeDay the day the change takes effect (for a scenario without one, the date its comparators change)
     * @param warmup    the first day a point may start
     * @param horizon   the last day a point may end
     */
    public static RunChart of(List<MonthlyPoints> reps, int s, double changeDay, double warmup, double horizon,
                              RunChartRules rules) {
        MonthlyPoints first = reps.get(0);
        double[] starts = first.monthStart();
        int from = 0;
        while (from < starts.length && starts[from] < warmup) from++;
        int to = starts.length - 1;
        while (to > from && starts[to] > horizon) to--; // a month the horizon cuts short is left out
        int months = to - from;
        int change = Math.min(Math.max(MonthlyPoints.monthOf(starts, changeDay) - from, 0), months);
        double[][] points = new double[reps.size()][months];
        int[][] children = new int[reps.size()][months];
        List<RunChartRules.Baseline> baselines = new ArrayList<>();
        for (int r = 0; r < reps.size(); r++) {
            System.arraycopy(reps.get(r).value()[s], from, points[r], 0, months);
            System.arraycopy(reps.get(r).children()[s], from, children[r], 0, months);
            baselines.add(rules.baseline(points[r], 0, change));
        }
        return new RunChart(first.series().get(s), first.month(from), change, points, children, List.copyOf(baselines),
                rules);
    }

    /** The number of monthly points. */
    public int months() {
        return points.length == 0 ? 0 : points[0].length;
    }

    /** The number of months after the change. */
    public int monthsAfter() {
        return months() - changeAt;
    }

    /**
     * The share of replications in which {@code rule} signalled an improvement: first in the baseline points alone
     * ({@link #BASELINE_PERIOD}), then by each month after the change.
     */
    public List<Share> detection(RunChartRules.Rule rule) {
        int usable = 0;
        int falseSignals = 0;
        int[] firstAfter = new int[monthsAfter() + 1]; // replications whose first signal is k months after
        for (int r = 0; r < points.length; r++) {
            RunChartRules.Baseline b = baselines.get(r);
            if (!b.usable()) continue;
            usable++;
            if (rules.first(rule, points[r], 0, changeAt, b, series.better()) >= 0) falseSignals++;
            int at = rules.first(rule, points[r], changeAt, months(), b, series.better());
            if (at >= 0) firstAfter[at - changeAt + 1]++;
        }
        List<Share> out = new ArrayList<>();
        out.add(share(BASELINE_PERIOD, falseSignals, usable));
        int by = 0;
        for (int k = 1; k <= monthsAfter(); k++) {
            by += firstAfter[k];
            out.add(share(k, by, usable));
        }
        return out;
    }

    /** The share of {@code n} replications with an exact 95% interval (NaN when there are none). */
    static Share share(int monthsAfter, int k, int n) {
        if (n == 0) return new Share(monthsAfter, Double.NaN, Double.NaN, Double.NaN, 0);
        double low = 0;
        double high = 1;
        if (k > 0 && k < n) {
            ConfidenceInterval ci = new ClopperPearsonInterval().createInterval(n, k, LEVEL);
            low = ci.getLowerBound();
            high = ci.getUpperBound();
        } else {
            // The exact limits at the ends: (alpha/2)^(1/n) when none or all signalled.
            double edge = Math.pow((1 - LEVEL) / 2, 1.0 / n);
            if (k == 0) high = 1 - edge;
            else low = edge;
        }
        return new Share(monthsAfter, (double) k / n, low, high, n);
    }

    /** The mean and the 5th and 95th percentiles over replications of month {@code k}'s point, and how many had one. */
    public double[] spread(int k) {
        double[] v = new double[points.length];
        int n = 0;
        double sum = 0;
        for (double[] p : points) {
            if (Double.isNaN(p[k])) continue;
            v[n++] = p[k];
            sum += p[k];
        }
        if (n == 0) return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
        Quantiles q = new Quantiles().of(v, n);
        return new double[] {sum / n, q.at(5), q.at(95), n};
    }
}
