package org.pacesim.stats;

import java.time.YearMonth;
import java.util.List;

import org.pacesim.scenario.MeasureStat;

/**
 * One replication's run-chart points, as a site would plot them: for each series (a measure and a statistic), each
 * calendar month's value among the children whose end milestone fell in that month (the median of their times, or
 * the share within target), and how many children that was. A month with fewer than {@link #MIN_CHILDREN} children
 * has no point (NaN): a real site's monthly numbers are small, and a chart must not pretend otherwise.
 *
 * @param firstMonth the calendar month of index 0, that of the run's start, as year x 12 + month - 1 (a plain number,
 *                   so that a shard's file holds it as one)
 * @param monthStart the day (from the run's start) each month begins, and last the day the last month ends; the first
 *                   may be before day 0
 * @param series     what each row is
 * @param value      [series][month] the point, NaN where fewer than {@link #MIN_CHILDREN} children
 * @param children   [series][month] children in the month
 */
public record MonthlyPoints(int firstMonth, double[] monthStart, List<Series> series, double[][] value,
                            int[][] children) {
    /** The fewest children a month needs to be plotted (and the smallest count shown). */
    public static final int MIN_CHILDREN = 5;

    /**
     * A run-chart series.
     *
     * @param measure   the measure's name
     * @param statistic {@link MeasureStat#MEDIAN} or {@link MeasureStat#WITHIN_TARGET}
     */
    public record Series(String measure, MeasureStat statistic) {
        /** +1 when a higher point is better (a share within target), -1 when a lower one is (a time). */
        public int better() {
            return statistic == MeasureStat.WITHIN_TARGET ? 1 : -1;
        }
    }

    /** The calendar month of index {@code k}. */
    public YearMonth month(int k) {
        return YearMonth.of(firstMonth / 12, firstMonth % 12 + 1).plusMonths(k);
    }

    /** The number {@link #firstMonth} holds for a calendar month. */
    public static int number(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    /** The index of the month holding day {@code t}, or -1 before the first. */
    public int monthOf(double t) {
        return monthOf(monthStart, t);
    }

    /** The index of the month holding day {@code t} among months beginning on {@code starts}, or -1 before the first. */
    public static int monthOf(double[] starts, double t) {
        int k = java.util.Arrays.binarySearch(starts, t);
        return k >= 0 ? k : -k - 2;
    }
}
