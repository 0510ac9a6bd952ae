package org.pacesim.stats;

import java.util.Arrays;

import org.pacesim.scenario.MeasureStat;

/**
 * One replication's measure values, as children reach the end of each interval (or are still short of it when
 * the run ends), and their statistics: one row of {@link MeasureStat}s per measure.
 */
public final class MeasureCollector {
    private final double[][] values;
    private final int[] count;
    private final long[] censored;
    private final long[] censoredPastTarget; // censored after waiting longer than the target: known not within it
    private final double[] targets;

    /** A collector for measures with these targets in days (NaN where a measure has none). */
    public MeasureCollector(double[] targets) {
        int measures = targets.length;
        this.targets = targets.clone();
        this.values = new double[measures][64];
        this.count = new int[measures];
        this.censored = new long[measures];
        this.censoredPastTarget = new long[measures];
    }

    /** A child's value of measure {@code m}, in days. */
    public void add(int m, double v) {
        if (count[m] == values[m].length) values[m] = Arrays.copyOf(values[m], count[m] * 2);
        values[m][count[m]++] = v;
    }

    /**
     * A child still waiting at the end of the run, after {@code waited}: censored. Whether it is within the target
     * is known only when it has already waited longer; otherwise it might yet have been, so it is left out of the
     * share within target (see {@link MeasureStat#WITHIN_TARGET}).
     */
    public void censor(int m, double waited) {
        censored[m]++;
        if (waited > targets[m]) censoredPastTarget[m]++;
    }

    /**
     * The statistics of every measure, one row of {@link MeasureStat}s each.
     *
     * @param clearance the measure whose quantiles count the censored as not yet cleared (today's caseload's
     *                  clearance), or -1
     */
    public double[][] rows(int clearance) {
        Quantiles q = new Quantiles();
        double[][] rows = new double[count.length][MeasureStat.values().length];
        for (int m = 0; m < rows.length; m++) {
            double[] row = rows[m];
            int n = count[m];
            row[MeasureStat.N.ordinal()] = n;
            row[MeasureStat.CENSORED.ordinal()] = censored[m];
            if (n == 0) {
                for (MeasureStat s : MeasureStat.values()) if (s.isDuration()) row[s.ordinal()] = Double.NaN;
                row[MeasureStat.WITHIN_TARGET.ordinal()] = censoredPastTarget[m] > 0 ? 0 : Double.NaN;
                continue;
            }
            double[] v = values[m];
            double sum = 0;
            int within = 0;
            double target = targets[m];
            for (int i = 0; i < n; i++) {
                sum += v[i];
                if (v[i] <= target) within++;
            }
            row[MeasureStat.MEAN.ordinal()] = sum / n;
            q.of(v, n);
            row[MeasureStat.MEDIAN.ordinal()] = q.at(50);
            row[MeasureStat.P10.ordinal()] = q.at(10);
            row[MeasureStat.P25.ordinal()] = q.at(25);
            row[MeasureStat.P75.ordinal()] = q.at(75);
            row[MeasureStat.P90.ordinal()] = q.at(90);
            row[MeasureStat.WITHIN_TARGET.ordinal()] = Double.isNaN(target) ? Double.NaN
                    : (double) within / (n + censoredPastTarget[m]);
        }
        if (clearance >= 0) clearanceQuantiles(clearance, rows[clearance], q);
        return rows;
    }

    /**
     * The clearance quantiles count the whole caseload: a child still in the system at the end has not cleared, so
     * the time by which 90% has cleared is not known (NaN) when more than 10% are censored. The other statistics
     * are those of a measure (the children who reached an outcome).
     */
    private void clearanceQuantiles(int m, double[] row, Quantiles q) {
        int n = count[m];
        int all = n + (int) censored[m];
        if (all == 0) return;
        double[] v = Arrays.copyOf(values[m], all);
        Arrays.fill(v, n, all, Double.POSITIVE_INFINITY);
        q.of(v, all);
        MeasureStat[] at = {MeasureStat.P10, MeasureStat.P25, MeasureStat.MEDIAN, MeasureStat.P75, MeasureStat.P90};
        int[] pct = {10, 25, 50, 75, 90};
        for (int i = 0; i < at.length; i++) {
            double x = q.at(pct[i]);
            row[at[i].ordinal()] = Double.isFinite(x) ? x : Double.NaN;
        }
    }
}
