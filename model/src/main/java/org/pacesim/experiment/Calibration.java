package org.pacesim.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.stats.Quantiles;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;
import org.pacesim.stats.Summary;

/**
 * Compares a baseline's output with the published calibration targets of the domain brief (section 4): T1, T2,
 * T3, T5, T6, T8 and, on the 'fewer court productions' test of change, T12. Each row gives the published value,
 * the simulated value with a 95% CI over replications, the tolerance and whether it is met: calibration shown,
 * not claimed.
 *
 * <p>Each target is judged by one or two numbers ({@link Figure}): the simulated mean over replications and the band
 * of its tolerance. A target is met when each of its figures lies in its band; how far a figure lies from the middle
 * of its band, in half-widths, is what {@code pace calibrate --fit} minimises.
 *
 * <p>The targets are read through the PACE data set milestones the baselines define ({@code permanence_recommended},
 * {@code adm_decision}, {@code order_granted}, {@code matched}, {@code adopted}, {@code home_again}), the
 * attributes {@code age_band}, {@code entry} and {@code plan}, and the stages {@code lodging}, {@code order_made}
 * and {@code adoption_order} (see {@link CalibrationCohort}); a target whose names a scenario lacks is reported as
 * not computable.
 */
public final class Calibration {
    /** Accommodated children a year in Scotland, 2013-14 to 2019-20 (domain brief 3.1, D). */
    public static final double SCOTLAND_ACCOMMODATED = 2750;
    /** The targets in table order; T12 is judged on a test of change, the others on the baseline. */
    public static final List<String> TARGETS = List.of("T1", "T2", "T3a", "T3b", "T5", "T6", "T8a", "T8b", "T8c",
            "T12");
    /**
     * T1's band: 29 of the sample's 100 children had their order 24-35 months after first involvement, more than in
     * any other 12-month band; the share's band is its binomial 95% interval, 1.96 sqrt(0.29 x 0.71 / 100) = 8.9
     * points either side.
     */
    static final double T1_SHARE = 0.29;
    static final double T1_HALF_WIDTH = 1.96 * Math.sqrt(T1_SHARE * (1 - T1_SHARE) / 100);

    // what each target compares, as published, and the tolerance: shared by a computed row and one that is not
    private static final String T1 = "first involvement -> adoption order or PO: share in the modal 12-month band";
    private static final String T1_PUBLISHED = "24-35 months holds the most children (29 of 100)";
    private static final String T1_TOLERANCE = "20-38% (29 of 100: binomial 95% interval), and the modal band";
    private static final String T2 = "first involvement -> order: shortest and longest (1st and 99th percentiles)";
    private static final String T2_PUBLISHED = "12.5 months / 10 years 10 months";
    private static final String T2_TOLERANCE = "1st percentile 6-19 months; 99th 65-130 months";
    private static final String T3A = "permanence decision -> match: share under 12 months";
    private static final String T3B = "permanence decision -> match: share at about 2 years (21 months or more)";
    private static final String T5 = "becoming looked after -> adoption order, children under 5 (mean)";
    private static final String T5_TOLERANCE = "104-157 weeks";
    private static final String T6 = "time away from home before reunification (mean)";
    private static final String T6_PUBLISHED = "about 9 months (39 weeks)";
    private static final String T6_TOLERANCE = "31-47 weeks (+/-20%)";
    private static final String T12 = "after 'fewer court productions': share of applications disposed within 20 weeks";

    private Calibration() {}

    /**
     * One row of the table.
     *
     * @param id        T1, T2, ...
     * @param target    what is compared
     * @param published the published value, as published
     * @param simulated the simulated value with its 95% CI
     * @param tolerance what counts as a match
     * @param figures   the numbers it is judged by (empty when not computable)
     */
    public record Row(String id, String target, String published, String simulated, String tolerance,
                      List<Figure> figures) {
        public Row {
            figures = List.copyOf(figures);
        }

        /** Whether it is met: every figure in its band (null when not computable). */
        public Boolean met() {
            return figures.isEmpty() ? null : figures.stream().allMatch(Figure::met);
        }
    }

    /**
     * A number a target is judged by, and the band its tolerance allows.
     *
     * @param target the target's id
     * @param what   which number, when a target has several (T2's "1st percentile"), else empty
     * @param value  the simulated mean over replications
     * @param low    the band's lower end
     * @param high   the band's upper end
     * @param weight its share of the target's weight in a fit (a target's figures sum to 1)
     */
    public record Figure(String target, String what, double value, double low, double high, double weight) {
        /** How far the value lies from the middle of the band, in half-widths: 1 at either end, signed. */
        public double distance() {
            return (value - (low + high) / 2) / ((high - low) / 2);
        }

        /** Whether the value lies in the band. */
        public boolean met() {
            return value >= low && value <= high;
        }

        /** The figure's name: the target's id, and which number when the target has several. */
        public String name() {
            return what.isEmpty() ? target : target + " " + what;
        }
    }

    /**
     * Runs the baseline (and the court test of change, if given) and builds the table.
     *
     * @param baseline     the baseline scenario file
     * @param courtTest    the 'fewer court productions' scenario for T12, or null
     * @param replications replications
     * @param seed         override of the files' seed, or null
     * @param threads      worker threads
     */
    public static List<Row> run(Path baseline, Path courtTest, int replications, Long seed, int threads) {
        Scenario s = ScenarioLoader.load(baseline);
        s = s.withRun(s.run().with(replications, seed));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Row> rows = new ArrayList<>(rows(CalibrationCohort.run(s, pool, null)));
            Scenario court = courtTest == null || !Files.isRegularFile(courtTest) ? null
                    : ScenarioLoader.load(courtTest);
            if (court != null) court = court.withRun(court.run().with(replications, seed));
            rows.add(t12(court, courtTest, threads));
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The rows judged on the baseline (every target but T12), from its replications. */
    static List<Row> rows(CalibrationCohort c) {
        List<CalibrationCohort.Gathered> gathered = c.gathered();
        List<Row> rows = new ArrayList<>();
        String orders = unavailable(gathered, g -> g.involvementToOrder,
                "an adoption order or a PO (milestone 'adopted', or 'order_granted' with plan po)");
        rows.add(orders == null ? t1(gathered) : new Row("T1", T1, T1_PUBLISHED, orders, T1_TOLERANCE, List.of()));
        rows.add(orders == null ? t2(gathered) : new Row("T2", T2, T2_PUBLISHED, orders, T2_TOLERANCE, List.of()));
        String match = unavailable(gathered, g -> g.recommendationToMatch,
                "a match after a permanence decision (milestones 'permanence_recommended' and 'matched')");
        rows.addAll(match == null ? t3(gathered) : List.of(new Row("T3a", T3A, "50%", match, "40-60%", List.of()),
                new Row("T3b", T3B, "17%", match, "10-24%", List.of())));
        String adoption = unavailable(gathered, g -> g.adoptionUnder5,
                "an adoption order under 5 (milestone 'adopted', attribute age_band)");
        rows.add(adoption == null ? t5(gathered) : new Row("T5", T5, "2-3 years", adoption, T5_TOLERANCE, List.of()));
        String home = unavailable(gathered, g -> g.awayBeforeHome, "home (milestone 'home_again')");
        rows.add(home == null ? t6(gathered) : new Row("T6", T6, T6_PUBLISHED, home, T6_TOLERANCE, List.of()));
        rows.addAll(t8(c));
        return rows;
    }

    /**
     * Why a target drawn from a gathered figure cannot be computed, or null when it can: no child in any
     * replication has the figure, because the scenario lacks the milestones or attributes it is read through, or
     * because nobody reached them.
     */
    private static String unavailable(List<CalibrationCohort.Gathered> gs,
                                      Function<CalibrationCohort.Gathered, List<Double>> figure, String reaching) {
        if (gs.stream().allMatch(g -> figure.apply(g).isEmpty())) {
            return "not computable: no child of the cohort reached " + reaching;
        }
        return null;
    }

    // ---------------------------------------------------------------- the targets

    private static Row t1(List<CalibrationCohort.Gathered> gs) {
        String[] bands = {"0-11", "12-23", "24-35", "36-47", "48-59", "60+"};
        double[][] shares = new double[bands.length][gs.size()];
        for (int r = 0; r < gs.size(); r++) {
            List<Double> v = gs.get(r).involvementToOrder;
            for (double months : v) shares[Math.min(bands.length - 1, (int) (months / 12))][r] += 1.0 / v.size();
        }
        int mode = 0;
        for (int b = 1; b < bands.length; b++) if (mean(shares[b]) > mean(shares[mode])) mode = b;
        Summary.Estimate e = Summary.estimate(shares[2]);
        double[] lead = new double[gs.size()];
        for (int r = 0; r < gs.size(); r++) {
            double next = 0;
            for (int b = 0; b < bands.length; b++) if (b != 2) next = Math.max(next, shares[b][r]);
            lead[r] = shares[2][r] - next;
        }
        // published: 29 of 100 in the band, and more there than in any other; the lead over the next band lies
        // from 0 (a tie) to the band's whole share (nobody elsewhere), each half of the target
        return new Row("T1", T1, T1_PUBLISHED, "24-35 holds " + pct(e) + "; modal band " + bands[mode] + " months",
                T1_TOLERANCE, List.of(new Figure("T1", "share", e.mean(), T1_SHARE - T1_HALF_WIDTH,
                        T1_SHARE + T1_HALF_WIDTH, 0.5), new Figure("T1", "lead over the next band", mean(lead), 0,
                        T1_SHARE, 0.5)));
    }

    private static Row t2(List<CalibrationCohort.Gathered> gs) {
        Quantiles q = new Quantiles();
        double[] p1 = new double[gs.size()];
        double[] p99 = new double[gs.size()];
        for (int r = 0; r < gs.size(); r++) {
            double[] v = gs.get(r).involvementToOrder.stream().mapToDouble(Double::doubleValue).toArray();
            if (v.length < 2) {
                p1[r] = p99[r] = Double.NaN;
                continue;
            }
            q.of(v, v.length);
            p1[r] = q.at(1);
            p99[r] = q.at(99);
        }
        Summary.Estimate lo = Summary.estimate(p1);
        Summary.Estimate hi = Summary.estimate(p99);
        if (Double.isNaN(lo.mean())) {
            return new Row("T2", T2, T2_PUBLISHED, "not computable: fewer than two orders in every replication",
                    T2_TOLERANCE, List.of());
        }
        // the two ends count half each, so that T2 weighs in a fit as much as any other target
        return new Row("T2", T2, T2_PUBLISHED, String.format(Locale.ROOT, "%s / %s months", months(lo), months(hi)),
                T2_TOLERANCE, List.of(new Figure("T2", "1st percentile", lo.mean(), 6.25, 18.75, 0.5),
                        new Figure("T2", "99th percentile", hi.mean(), 65, 130, 0.5)));
    }

    private static List<Row> t3(List<CalibrationCohort.Gathered> gs) {
        double[] under12 = new double[gs.size()];
        double[] over21 = new double[gs.size()];
        for (int r = 0; r < gs.size(); r++) {
            List<Double> v = gs.get(r).recommendationToMatch;
            under12[r] = v.isEmpty() ? Double.NaN : v.stream().filter(x -> x < 12).count() / (double) v.size();
            over21[r] = v.isEmpty() ? Double.NaN : v.stream().filter(x -> x >= 21).count() / (double) v.size();
        }
        Summary.Estimate a = Summary.estimate(under12);
        Summary.Estimate b = Summary.estimate(over21);
        return List.of(
                new Row("T3a", T3A, "50%", pct(a), "40-60%", List.of(new Figure("T3a", "", a.mean(), 0.40, 0.60, 1))),
                new Row("T3b", T3B, "17%", pct(b), "10-24%", List.of(new Figure("T3b", "", b.mean(), 0.10, 0.24, 1))));
    }

    private static Row t5(List<CalibrationCohort.Gathered> gs) {
        double[] means = gs.stream().mapToDouble(g -> g.adoptionUnder5.stream().mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN)).toArray();
        Summary.Estimate e = Summary.estimate(means);
        return new Row("T5", T5, "2-3 years", weeks(e) + " (" + String.format(Locale.ROOT, "%.1f", e.mean() / 52.18)
                + " years)", T5_TOLERANCE, List.of(new Figure("T5", "", e.mean(), 104, 157, 1)));
    }

    private static Row t6(List<CalibrationCohort.Gathered> gs) {
        double[] means = gs.stream().mapToDouble(g -> g.awayBeforeHome.stream().mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN)).toArray();
        Summary.Estimate e = Summary.estimate(means);
        return new Row("T6", T6, T6_PUBLISHED, weeks(e), T6_TOLERANCE, List.of(new Figure("T6", "", e.mean(), 31, 47, 1)));
    }

    /** National flows 2011-12, scaled to this area's share of Scotland's accommodated children. */
    private static List<Row> t8(CalibrationCohort c) {
        double perYear = 0;
        for (ArrivalSource a : c.scenario().arrivals()) {
            if (!a.name().equals("at_home")) perYear += a.ratePerDay() * Durations.YEAR;
        }
        double share = perYear / SCOTLAND_ACCOMMODATED;
        List<Row> rows = new ArrayList<>();
        rows.add(flow("T8a", "PO and POA applications lodged a year", 292, share, c, "lodging"));
        rows.add(flow("T8b", "PO and POA granted a year", 206, share, c, "order_made"));
        // 463 adoption orders granted, of which about 20% step-parent adoptions (S: NRS 2013): 370 from care.
        rows.add(flow("T8c", "adoption orders a year (excluding step-parent adoptions)", 370, share, c,
                "adoption_order"));
        return rows;
    }

    private static Row flow(String id, String what, double national, double share, CalibrationCohort c, String stage) {
        int i = c.model().layout().stages().indexOf(stage);
        String published = String.format(Locale.ROOT, "%.0f in Scotland = %.1f for this area (x %.4f)", national,
                national * share, share);
        if (i < 0) return new Row(id, what, published, "not computable: no stage '" + stage + "'", "+/-30%", List.of());
        List<ReplicationResult> rs = c.replications();
        Summary.Estimate e = Summary.estimate(rs.stream()
                .mapToDouble(r -> r.stages()[i][StageStat.ENTRIES_PER_YEAR.ordinal()]).toArray());
        double want = national * share;
        return new Row(id, what, published, String.format(Locale.ROOT, "%.1f (%.1f to %.1f)", e.mean(), e.low(),
                e.high()), "+/-30%", List.of(new Figure(id, "", e.mean(), 0.7 * want, 1.3 * want, 1)));
    }

    /**
     * T12, judged on the court test of change: never fitted, since it is a test of change's result rather than the
     * baseline's.
     *
     * @param court the test of change as it is to run (with its replications, seed and any fitted values), or null
     * @param file  its file, for the row's text
     */
    static Row t12(Scenario court, Path file, int threads) {
        if (court == null) {
            return new Row("T12", T12, "two thirds", "not computed: no court test-of-change file", "60-73%", List.of());
        }
        ScenarioResults r = ScenarioResults.run(court, threads, null, null);
        int mi = r.layout().measures().indexOf("court_time");
        if (mi < 0) {
            return new Row("T12", T12, "two thirds", "not computable: no measure 'court_time'", "60-73%", List.of());
        }
        Summary.Estimate e = Summary.estimate(r.replications().stream()
                .mapToDouble(x -> x.measures()[mi][MeasureStat.WITHIN_TARGET.ordinal()]).toArray());
        return new Row("T12", T12, "two thirds (67%)", pct(e) + " (" + file.getFileName() + ")", "60-73%",
                List.of(new Figure("T12", "", e.mean(), 0.60, 0.73, 1)));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).filter(x -> !Double.isNaN(x)).average().orElse(0);
    }

    private static String pct(Summary.Estimate e) {
        return String.format(Locale.ROOT, "%.0f%% (%.0f to %.0f%%)", e.mean() * 100, e.low() * 100, e.high() * 100);
    }

    private static String months(Summary.Estimate e) {
        return String.format(Locale.ROOT, "%.1f (%.1f to %.1f)", e.mean(), e.low(), e.high());
    }

    private static String weeks(Summary.Estimate e) {
        return String.format(Locale.ROOT, "%.1f weeks (%.1f to %.1f)", e.mean(), e.low(), e.high());
    }
}
