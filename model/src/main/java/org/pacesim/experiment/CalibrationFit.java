package org.pacesim.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.scenario.UncertaintySpec;

/**
 * Calibration by search ({@code pace calibrate --fit}): the free values that bring the baseline's figures closest to
 * the published targets.
 *
 * <p><b>Objective.</b> The sum over the fitted targets' figures of weight x distance², each distance measured from
 * the middle of the figure's tolerance band in half-widths ({@link Calibration.Figure#distance()}), each target
 * weighing 1 (T1's and T2's two figures half each). A rise of 1 is one target moved from the middle of its band to
 * its edge: one tolerance unit. Every evaluation runs replications 0..R-1 on the same substreams of the same seed
 * (common random numbers), so that the objective is a deterministic function of the values for a given seed and R,
 * whatever the number of threads, and nearby settings share part of their noise (only part: a child whose route
 * changes shifts the draws of the children after it at the stages downstream).
 *
 * <p><b>Search.</b> Commons Math's BOBYQA (Powell's derivative-free trust-region method with bounds) over the free
 * values' ranges scaled to [0, 1], from the values as written; Brent's method when one value is free
 * ({@link FitSearch}). The budget is a number of evaluations; the best setting seen is kept if the budget ends the
 * search. The fitted values are
 * rounded for the scenario file and run again, so that the table after the fit is the file's.
 *
 * <p><b>Profile.</b> Each fitted value is moved down and up alone, the others held at the fit, until the objective
 * has risen by 1 ({@link FitProfile}): how far it can move before the fit worsens by one tolerance unit. It is a
 * slice through the fit, so it is no wider than a profile that re-fits the others at each step.
 *
 * <p><b>Held out.</b> Targets named in {@code holdOut} are left out of the objective and reported before and after,
 * to show what the model predicts that it was not fitted to. T12, a test of change's result, is never fitted.
 */
public final class CalibrationFit {
    /** How much of the objective a value must move a target's share by to be said to move it. */
    static final double MOVES = 0.25;
    /** Evaluations of the search when none are asked for. */
    public static final int DEFAULT_EVALUATIONS = 60;

    private CalibrationFit() {}

    /**
     * How to fit.
     *
     * @param replications replications per evaluation
     * @param evaluations  the search's budget (the profile's evaluations come on top)
     * @param seed         override of the scenario's seed, or null
     * @param threads      worker threads
     * @param holdOut      targets left out of the objective
     * @param published    figures fitted to other values than the domain brief's, by name ({@code T3a},
     *                     {@code T2 1st percentile}): each band re-centred on the value, its width kept (an area's own
     *                     figures, or figures a known setting produced)
     */
    public record Options(int replications, int evaluations, Long seed, int threads, Set<String> holdOut,
                          Map<String, Double> published) {
        public Options {
            holdOut = Set.copyOf(holdOut);
            published = Map.copyOf(published);
        }

        /** Options that fit to the published targets. */
        public Options(int replications, int evaluations, Long seed, int threads, Set<String> holdOut) {
            this(replications, evaluations, seed, threads, holdOut, Map.of());
        }
    }

    /**
     * A free value.
     *
     * @param varied    what it sets and its range
     * @param asWritten its value in the file (1 for a multiplier or a stage's scale)
     */
    public record Free(UncertaintySpec.Varied varied, double asWritten) {
        /** The bottom of its range. */
        public double low() {
            return varied.range().quantile(0);
        }

        /** The top of its range. */
        public double high() {
            return varied.range().quantile(1);
        }

        double value(double unit) {
            return low() + unit * (high() - low());
        }

        double unit(double value) {
            return Math.max(0, Math.min(1, (value - low()) / (high() - low())));
        }

        /** The value rounded to a thousandth of its range's width or finer, as the scenario file writes it. */
        double rounded(double value) {
            int decimals = Math.max(2, (int) Math.ceil(-Math.log10((high() - low()) / 1000)));
            double r = new java.math.BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
            return Math.max(low(), Math.min(high(), r));
        }
    }

    /** Why an evaluation was made. */
    public enum Phase {
        /** The file as written. */
        AS_WRITTEN,
        /** A step of the search. */
        SEARCH,
        /** The fitted values as the scenario file writes them. */
        FITTED,
        /** A step of a value's profile. */
        PROFILE;

        /** The word for it in evaluations.csv. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One run of the baseline at a setting.
     *
     * @param index     0, 1, ... in the order made
     * @param phase     why it was made
     * @param values    the free values
     * @param rows      the table's rows judged on the baseline (T12 aside)
     * @param objective the objective
     */
    public record Evaluation(int index, Phase phase, double[] values, List<Calibration.Row> rows, double objective) {
        public Evaluation {
            values = values.clone();
            rows = List.copyOf(rows);
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        /** Every target's figures, in table order. */
        public List<Calibration.Figure> figures() {
            return rows.stream().flatMap(r -> r.figures().stream()).toList();
        }
    }

    /**
     * Everything a fit found.
     *
     * @param baseline     the fitted file
     * @param free         the free values
     * @param fittedTo     the targets in the objective, in table order
     * @param holdOut      the targets held out, in table order
     * @param fitted       the fitted values, rounded as written to the scenario file
     * @param profiles     each value's profile
     * @param before       the table with the values as written
     * @param after        the table with the fitted values
     * @param evaluations  every evaluation, in order
     * @param replications replications per evaluation
     * @param seed         the replications' seed
     * @param seconds      wall time
     */
    public record Results(Path baseline, List<Free> free, List<String> fittedTo, List<String> holdOut, double[] fitted,
                          List<FitProfile.Interval> profiles, List<Calibration.Row> before,
                          List<Calibration.Row> after, List<Evaluation> evaluations, int replications, long seed,
                          double seconds) {
        public Results {
            fitted = fitted.clone();
        }

        @Override
        public double[] fitted() {
            return fitted.clone();
        }

        /** The objective with the values as written. */
        public double objectiveBefore() {
            return evaluations.get(0).objective();
        }

        /** The objective at the fitted values. */
        public double objectiveAfter() {
            return evaluations.stream().filter(e -> e.phase() == Phase.FITTED).findFirst().orElseThrow().objective();
        }

        /**
         * The fitted targets that value {@code j} moves: those whose share of the objective changes by a quarter of
         * a tolerance unit or more somewhere along its profile (the others held at the fit), in table order.
         */
        public List<String> movedBy(int j) {
            Evaluation fit = evaluations.stream().filter(e -> e.phase() == Phase.FITTED).findFirst().orElseThrow();
            List<Evaluation> along = evaluations.stream().filter(e -> e.phase() == Phase.PROFILE
                    && differsOnlyAt(e.values(), fitted, j)).toList();
            return fittedTo.stream().filter(t -> along.stream().anyMatch(e -> Math.abs(FitSearch.share(e.figures(), t)
                    - FitSearch.share(fit.figures(), t)) >= MOVES)).toList();
        }

        private static boolean differsOnlyAt(double[] values, double[] fitted, int j) {
            for (int i = 0; i < values.length; i++) if ((i == j) == (values[i] == fitted[i])) return false;
            return true;
        }

        /** The settings of the fitted values. */
        public List<UncertaintySpec.Setting> settings() {
            return CalibrationFit.settings(free, fitted);
        }
    }

    /**
     * Checks the free values and the held-out targets, fits and profiles.
     *
     * @param baseline the baseline file
     * @param court    the 'fewer court productions' test of change for T12, or null
     * @param free     the values to fit, each with its range
     * @param progress told (replications done, replications planned), or null
     * @throws InvalidInputException when a free value cannot be set over its range, or a target is unknown
     */
    public static Results run(Path baseline, Path court, List<UncertaintySpec.Varied> free, Options options,
                              Experiment.ProgressListener progress) {
        long t0 = System.nanoTime();
        List<Free> frees = check(baseline, free, options);
        Scenario nominal = ScenarioLoader.load(baseline);
        long seed = options.seed() != null ? options.seed() : nominal.run().seed();
        int reps = options.replications();
        int planned = reps * (2 + options.evaluations() + FitProfile.MAX_EVALUATIONS * 2 * frees.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
        try {
            FitSearch search = new FitSearch(baseline, frees, options, seed, pool, progress, planned);
            Evaluation asWritten = search.asWritten(nominal);
            search.fittedTo = fittedTo(asWritten.rows(), options.holdOut());
            asWritten = search.rescore(asWritten);
            double[] best = search.minimise();
            double[] rounded = new double[frees.size()];
            for (int j = 0; j < rounded.length; j++) rounded[j] = frees.get(j).rounded(best[j]);
            Evaluation fit = search.evaluate(rounded, Phase.FITTED);
            List<FitProfile.Interval> profiles = new FitProfile(frees, v -> search.evaluate(v, Phase.PROFILE).objective())
                    .intervals(rounded, fit.objective());
            List<Calibration.Row> beforeAll = withT12(asWritten.rows(), court, baseline, List.of(), reps, seed, options.threads());
            List<Calibration.Row> afterAll = withT12(fit.rows(), court, baseline, settings(frees, rounded), reps, seed,
                    options.threads());
            List<String> held = Calibration.TARGETS.stream().filter(options.holdOut()::contains).toList();
            return new Results(baseline, frees, search.fittedTo, held, rounded, profiles, beforeAll, afterAll,
                    search.made, reps, seed, (System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The table's rows judged on the baseline (T12 aside) with the given values set, as an evaluation of a fit
     * makes them.
     */
    public static List<Calibration.Row> rowsAt(Path baseline, List<UncertaintySpec.Setting> settings, int replications,
                                               Long seed, int threads) {
        Scenario s = ScenarioLoader.load(baseline, baseline, settings, null);
        s = s.withRun(s.run().with(replications, seed));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            return Calibration.rows(CalibrationCohort.run(s, pool, null));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The targets in the objective: those computable with the values as written, neither held out nor T12. */
    private static List<String> fittedTo(List<Calibration.Row> rows, Set<String> holdOut) {
        return rows.stream().filter(r -> r.met() != null && !holdOut.contains(r.id()) && !r.id().equals("T12"))
                .map(Calibration.Row::id).toList();
    }

    private static List<Calibration.Row> withT12(List<Calibration.Row> rows, Path court, Path baseline,
                                                 List<UncertaintySpec.Setting> settings, int reps, long seed,
                                                 int threads) {
        List<Calibration.Row> all = new ArrayList<>(rows);
        Scenario s = null;
        if (court != null && Files.isRegularFile(court)) {
            s = ScenarioLoader.load(court, baseline, settings, null);
            s = s.withRun(s.run().with(reps, seed));
        }
        all.add(Calibration.t12(s, court, threads));
        return all;
    }

    static List<UncertaintySpec.Setting> settings(List<Free> free, double[] values) {
        List<UncertaintySpec.Setting> out = new ArrayList<>();
        for (int j = 0; j < free.size(); j++) out.add(new UncertaintySpec.Setting(free.get(j).varied(), values[j]));
        return out;
    }

    /**
     * Everything checked before anything runs: something is free, each once; the held-out targets exist; the budget
     * can start a search; and the baseline builds with every value at the bottom of its range and at the top.
     */
    private static List<Free> check(Path baseline, List<UncertaintySpec.Varied> free, Options options) {
        Location line = Location.of("command line");
        if (free.isEmpty()) {
            throw new InvalidInputException(Location.of(baseline.toString()), "--fit", "nothing to fit: the file has"
                    + " no value tagged '# A (calibrated...)' and no --free value was named",
                    "tag the values to fit, e.g. p: 0.30   # A (calibrated: T2), or name them with --free PATH=LOW..HIGH");
        }
        Set<String> names = new LinkedHashSet<>();
        for (UncertaintySpec.Varied v : free) {
            if (!names.add(v.name())) {
                throw new InvalidInputException(v.at(), v.name(), "named twice", "name each free value once");
            }
        }
        for (String t : options.holdOut()) {
            if (!Calibration.TARGETS.contains(t)) {
                throw new InvalidInputException(line, "--hold-out", "no target '" + t + "'", "hold out some of "
                        + String.join(", ", Calibration.TARGETS.subList(0, Calibration.TARGETS.size() - 1)));
            }
            if (t.equals("T12")) {
                throw new InvalidInputException(line, "--hold-out", "T12 is never fitted: it is judged on the court"
                        + " test of change and reported before and after the fit anyway", "hold out a baseline target,"
                        + " e.g. --hold-out T5,T6");
            }
        }
        int least = free.size() == 1 ? 3 : 2 * free.size() + 2;
        if (options.evaluations() < least) {
            throw new InvalidInputException(line, "--evaluations", "a search over " + free.size() + " value"
                    + (free.size() == 1 ? "" : "s") + " needs at least " + least + " evaluations (got "
                    + options.evaluations() + ")", "e.g. --evaluations " + Math.max(DEFAULT_EVALUATIONS, 10 * least));
        }
        RangeEnds.check(free, false, at -> ScenarioLoader.load(baseline, baseline, at, null));
        return free.stream().map(v -> new Free(v, ScenarioLoader.asWritten(baseline, v))).toList();
    }
}
