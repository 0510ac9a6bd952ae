package org.pacesim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.scenario.MeasureStat;

/** Each run-chart rule on hand-made series, with the cases the guidance singles out. */
class RunChartRulesTest {
    private static final RunChartRules RULES = RunChartRules.STANDARD;
    private static final double NA = Double.NaN;

    private static int shift(double median, int better, double... p) {
        return RULES.shift(p, 0, p.length, median, better);
    }

    private static int trend(int better, double... p) {
        return RULES.trend(p, 0, p.length, better);
    }

    @Test
    void aShiftIsSixPointsOneSideOfTheMedian() {
        assertEquals(5, shift(10, -1, 9, 8, 9, 7, 8, 9));
        assertEquals(-1, shift(10, -1, 9, 8, 9, 7, 8), "five points are not a shift");
        assertEquals(-1, shift(10, -1, 9, 8, 11, 9, 7, 8, 9), "a point across the median starts the count again");
        assertEquals(-1, shift(10, -1, 11, 12, 13, 14, 15, 16), "a shift the wrong way is no improvement");
        assertEquals(5, shift(10, 1, 11, 12, 13, 14, 15, 16), "up is better for a share within target");
    }

    @Test
    void pointsOnTheMedianAndGapsNeitherBreakNorCountTowardsAShift() {
        assertEquals(7, shift(10, -1, 9, 8, 10, 9, 7, 10, 8, 9));
        assertEquals(-1, shift(10, -1, 9, 8, 10, 9, 7, 10, 8));
        assertEquals(7, shift(10, -1, 9, NA, 8, 9, NA, 7, 8, 9));
    }

    @Test
    void aTrendIsFivePointsAllGoingOneWay() {
        assertEquals(4, trend(-1, 10, 9, 8, 7, 6));
        assertEquals(-1, trend(-1, 10, 9, 8, 7), "four points are not a trend");
        assertEquals(-1, trend(-1, 10, 9, 8, 9, 7, 6), "a rise breaks the fall");
        assertEquals(5, trend(-1, 10, 9, 9, 8, 7, 6), "a repeated value neither makes nor breaks a trend");
        assertEquals(-1, trend(-1, 10, 9, 9, 8, 7), "a repeated value does not count as a point of the trend");
        assertEquals(5, trend(-1, 10, 9, NA, 8, 7, 6), "a gap is skipped");
        assertEquals(4, trend(1, 1, 2, 3, 4, 5));
        assertEquals(-1, trend(-1, 1, 2, 3, 4, 5));
    }

    @Test
    void anAstronomicalPointIsFarBeyondTheBaselinesRange() {
        double[] base = {10, 12, 11, 13, 10, 12, 14, 11, 12, 13, 12, 11};
        RunChartRules.Baseline b = RULES.baseline(base, 0, base.length);
        assertEquals(12, b.median());
        assertEquals(10, b.low());
        assertEquals(14, b.high());
        // Range 4, margin 2: lower than 8 signals an improvement in a time.
        double[] after = {9, 8, 7.9, 20};
        assertEquals(2, RULES.astronomical(after, 0, after.length, b, -1));
        assertEquals(3, RULES.astronomical(after, 0, after.length, b, 1), "above 16 when higher is better");
    }

    @Test
    void theBaselineNeedsTwelvePoints() {
        double[] eleven = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, NA, NA};
        assertFalse(RULES.baseline(eleven, 0, eleven.length).usable());
        double[] twelve = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        RunChartRules.Baseline b = RULES.baseline(twelve, 0, twelve.length);
        assertTrue(b.usable());
        assertEquals(6.5, b.median());
    }

    @Test
    void detectionCountsTheFirstSignalAfterTheChangeAndFalseSignalsBefore() {
        // Three replications of 12 baseline months around 10, then 8 months after the change.
        double[] steady = {9, 11, 10.5, 9.5, 11, 9, 10.5, 9.5, 11, 9, 10.5, 9.5};
        double[] down = concat(steady, new double[] {8, 8, 8, 8, 8, 8, 8, 8});     // a shift complete at month 6
        double[] same = concat(steady, new double[] {11, 9, 11, 9, 11, 9, 11, 9}); // nothing
        double[] falseShift = concat(new double[] {11, 11, 11, 11, 11, 11, 9, 9, 9, 9, 9, 9},
                new double[] {11, 9, 11, 9, 11, 9, 11, 9});
        RunChart chart = new RunChart(new MonthlyPoints.Series("aim2", MeasureStat.MEDIAN), YearMonth.of(2029, 1), 12,
                new double[][] {down, same, falseShift}, new int[3][20], baselines(down, same, falseShift),
                RULES);
        List<RunChart.Share> shift = chart.detection(RunChartRules.Rule.SHIFT);
        assertEquals(RunChart.BASELINE_PERIOD, shift.get(0).monthsAfter());
        assertEquals(1.0 / 3, shift.get(0).share(), 1e-12, "six low points in the baseline are a false signal");
        assertEquals(0, chart.detection(RunChartRules.Rule.TREND).get(0).share(), "no trend in any baseline");
        assertEquals(0, shift.get(5).share(), 1e-12); // 5 months after
        assertEquals(1.0 / 3, shift.get(6).share(), 1e-12);
        assertEquals(1.0 / 3, shift.get(8).share(), 1e-12);
        assertTrue(shift.get(6).low() < 1.0 / 3 && shift.get(6).high() > 1.0 / 3);
    }

    @Test
    void exactIntervalsAtTheEnds() {
        RunChart.Share none = RunChart.share(1, 0, 20);
        assertEquals(0, none.low());
        assertEquals(1 - Math.pow(0.025, 1.0 / 20), none.high(), 1e-12); // 0.168 for 0 of 20
        RunChart.Share half = RunChart.share(1, 10, 20);
        assertEquals(0.2720, half.low(), 5e-5);   // Clopper-Pearson 10 of 20: 0.2720 to 0.7280
        assertEquals(0.7280, half.high(), 5e-5);
    }

    @Test
    void theSignallingPointsAreThoseOfTheRunsLongEnough() {
        RunChartRules.Baseline b = new RunChartRules.Baseline(10, 8, 12, 12);
        // A five-point fall (indices 0-4), then six points below the median with one on it (5-11), then one far down.
        double[] p = {13, 12.5, 12, 11, 10.5, 9, 9.5, 10, 9, 9.2, 9.1, 9.3, 5};
        boolean[] m = RULES.signalling(p, 0, p.length, b, -1);
        StringBuilder marked = new StringBuilder();
        for (int i = 0; i < m.length; i++) if (m[i]) marked.append(i).append(' ');
        assertEquals("0 1 2 3 4 5 6 8 9 10 11 12 ", marked.toString());
        assertEquals(-1, RULES.first(RunChartRules.Rule.ANY, new double[] {11, 9, 11, 9}, 0, 4, b, -1));
    }

    private static List<RunChartRules.Baseline> baselines(double[]... reps) {
        List<RunChartRules.Baseline> out = new ArrayList<>();
        for (double[] r : reps) out.add(RULES.baseline(r, 0, 12));
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
