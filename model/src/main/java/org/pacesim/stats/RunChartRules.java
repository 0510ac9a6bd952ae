package org.pacesim.stats;

/**
 * The run-chart rules, as NHS Scotland's and IHI's quality-improvement guidance states them (Perla, Provost and
 * Murray 2011, "The run chart: a simple analytical tool for learning from variation in healthcare processes", BMJ
 * Quality and Safety 20:46-51, and the NHS Education for Scotland / Healthcare Improvement Scotland run-chart
 * rules, which follow it):
 * <ul>
 *   <li>the centre line is the median of the baseline points, frozen and extended over the points after them;</li>
 *   <li>a <em>shift</em> is {@code shift} or more consecutive points all above, or all below, that median; a point
 *       on the median neither breaks nor adds to a shift;</li>
 *   <li>a <em>trend</em> is {@code trend} or more consecutive points all going up, or all going down; a point equal
 *       to the one before neither makes nor breaks a trend;</li>
 *   <li>an <em>astronomical point</em> is one obviously different from the rest. The guidance leaves it to
 *       judgement; the rule stated here is a point beyond the baseline points' range (lowest to highest) by more
 *       than {@code astronomical} times that range.</li>
 * </ul>
 * A missing point (a month with too few children to plot) is skipped: it neither breaks nor counts towards a run.
 * Every rule here looks for an <em>improvement</em> in a stated direction (down for a time, up for a share within
 * target) and returns the index of the point at which the signal is first complete, or -1.
 *
 * @param baselineMonths the fewest baseline points the median may be frozen on
 * @param shift          points in a shift
 * @param trend          points in a trend
 * @param astronomical   how far beyond the baseline's range, as a multiple of the range, a point must be
 */
public record RunChartRules(int baselineMonths, int shift, int trend, double astronomical) {
    /** The guidance's numbers: a baseline of at least 12 points, shifts of 6 and trends of 5. */
    public static final RunChartRules STANDARD = new RunChartRules(12, 6, 5, 0.5);

    /** The rules, in the order they are reported. */
    public enum Rule {
        /** {@link RunChartRules#shift} points one side of the frozen median. */
        SHIFT,
        /** {@link RunChartRules#trend} points all going one way. */
        TREND,
        /** A point far beyond the baseline's range. */
        ASTRONOMICAL,
        /** Any of the three. */
        ANY;

        /** The name used in files. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The baseline: its frozen median and its range, from the points {@code from..to-1} (gaps left out).
     *
     * @param median the centre line, or NaN when there are fewer than {@link #baselineMonths} points
     * @param low    the lowest baseline point
     * @param high   the highest
     * @param points how many points it has
     */
    public record Baseline(double median, double low, double high, int points) {
        /** Whether the rules can be applied (enough baseline points). */
        public boolean usable() {
            return !Double.isNaN(median);
        }
    }

    /** The baseline of {@code points[from..to)}. */
    public Baseline baseline(double[] points, int from, int to) {
        double[] v = new double[Math.max(0, to - from)];
        int n = 0;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(points[i])) continue;
            v[n++] = points[i];
            low = Math.min(low, points[i]);
            high = Math.max(high, points[i]);
        }
        if (n < baselineMonths) return new Baseline(Double.NaN, low, high, n);
        java.util.Arrays.sort(v, 0, n);
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Baseline(median, low, high, n);
    }

    /**
     * The first point of {@code points[from..to)} completing a signal of {@code rule} in direction {@code better}
     * (-1: lower is better, +1: higher is better), or -1. Runs are made only of the points in the range.
     */
    public int first(Rule rule, double[] points, int from, int to, Baseline b, int better) {
        return switch (rule) {
            case SHIFT -> shift(points, from, to, b.median(), better);
            case TREND -> trend(points, from, to, better);
            case ASTRONOMICAL -> astronomical(points, from, to, b, better);
            case ANY -> earliest(earliest(shift(points, from, to, b.median(), better), trend(points, from, to, better)),
                    astronomical(points, from, to, b, better));
        };
    }

    private static int earliest(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    /**
     * The points of {@code points[from..to)} that belong to a signal of an improvement, as a site marks them on its
     * chart: every point of a long enough shift or trend, and every astronomical point.
     */
    public boolean[] signalling(double[] points, int from, int to, Baseline b, int better) {
        boolean[] out = new boolean[points.length];
        java.util.List<Integer> run = new java.util.ArrayList<>();
        int side = 0;
        for (int i = from; i <= to; i++) {
            double p = i < to ? points[i] : Double.NaN;
            if (i < to && (Double.isNaN(p) || p == b.median())) continue;
            int s = i < to ? (p > b.median() ? 1 : -1) : 0;
            if (s != side) {
                if (side == better && run.size() >= shift) run.forEach(k -> out[k] = true);
                run.clear();
                side = s;
            }
            run.add(i);
        }
        run.clear();
        int way = 0;
        for (int i = from; i <= to; i++) {
            double p = i < to ? points[i] : Double.NaN;
            if (i < to && Double.isNaN(p)) continue;
            if (i < to && !run.isEmpty() && p == points[run.get(run.size() - 1)]) continue;
            int w = i == to ? 0 : run.isEmpty() ? way : p > points[run.get(run.size() - 1)] ? 1 : -1;
            if (run.size() >= 2 && w != way) {
                if (way == better && run.size() >= trend) run.forEach(k -> out[k] = true);
                run = new java.util.ArrayList<>(java.util.List.of(run.get(run.size() - 1)));
            }
            way = w;
            if (i < to) run.add(i);
        }
        for (int i = from; i < to; i++) {
            if (astronomical(points, i, i + 1, b, better) == i) out[i] = true;
        }
        return out;
    }

    int shift(double[] points, int from, int to, double median, int better) {
        int side = 0;
        int run = 0;
        for (int i = from; i < to; i++) {
            double p = points[i];
            if (Double.isNaN(p) || p == median) continue; // a gap or a point on the median: neither breaks nor counts
            int s = p > median ? 1 : -1;
            run = s == side ? run + 1 : 1;
            side = s;
            if (side == better && run >= shift) return i;
        }
        return -1;
    }

    int trend(double[] points, int from, int to, int better) {
        double previous = Double.NaN;
        int way = 0;
        int run = 0;
        for (int i = from; i < to; i++) {
            double p = points[i];
            if (Double.isNaN(p)) continue;
            if (Double.isNaN(previous)) {
                previous = p;
                run = 1;
                continue;
            }
            if (p == previous) continue; // a repeated value neither makes nor breaks a trend
            int w = p > previous ? 1 : -1;
            run = w == way ? run + 1 : 2;
            way = w;
            previous = p;
            if (way == better && run >= trend) return i;
        }
        return -1;
    }

    int astronomical(double[] points, int from, int to, Baseline b, int better) {
        double margin = astronomical * (b.high() - b.low());
        for (int i = from; i < to; i++) {
            double p = points[i];
            if (Double.isNaN(p)) continue;
            if (better < 0 ? p < b.low() - margin : p > b.high() + margin) return i;
        }
        return -1;
    }
}
