package org.pacesim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.pacesim.experiment.CalibrationFit.Evaluation;
import org.pacesim.experiment.CalibrationFit.Free;
import org.pacesim.experiment.CalibrationFit.Options;
import org.pacesim.experiment.CalibrationFit.Phase;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;

/**
 * The search of one fit and its evaluations: each setting run once (remembered) on common random numbers, in the
 * order asked, and scored by the objective {@link CalibrationFit} describes.
 */
final class FitSearch {
    /** What a figure that cannot be computed at a setting adds, per unit of weight: as if 10 tolerance units off. */
    static final double NOT_COMPUTABLE = 100;
    /** BOBYQA's first trust region radius and its last, in the [0, 1] scale of each range. */
    private static final double FIRST_RADIUS = 0.2;
    private static final double LAST_RADIUS = 0.01;

    private final Path baseline;
    private final List<Free> free;
    private final Options options;
    private final long seed;
    private final ExecutorService pool;
    private final Experiment.ProgressListener progress;
    private final int planned;
    private final AtomicInteger done = new AtomicInteger();
    private final Map<String, Evaluation> seen = new HashMap<>();
    final List<Evaluation> made = new ArrayList<>();
    List<String> fittedTo = List.of();

    FitSearch(Path baseline, List<Free> free, Options options, long seed, ExecutorService pool,
           Experiment.ProgressListener progress, int planned) {
        this.baseline = baseline;
        this.free = free;
        this.options = options;
        this.seed = seed;
        this.pool = pool;
        this.progress = progress;
        this.planned = planned;
    }

    Evaluation asWritten(Scenario nominal) {
        double[] values = free.stream().mapToDouble(Free::asWritten).toArray();
        return record(values, Phase.AS_WRITTEN, nominal);
    }

    /** The first evaluation scored once the targets in the objective are known (they are found from it). */
    Evaluation rescore(Evaluation e) {
        Evaluation scored = new Evaluation(e.index(), e.phase(), e.values(), e.rows(), objective(e.figures()));
        made.set(e.index(), scored);
        return scored;
    }

    /**
     * The best values the search finds within its budget. BOBYQA stops when its trust region has shrunk to
     * {@link #LAST_RADIUS}, which on an objective with the small steps of common random numbers can be in a shallow
     * dip; while budget remains and the last run improved the best, it starts again from the best setting with its
     * first radius, so the rest of the budget explores around it rather than going unspent.
     */
    double[] minimise() {
        double[] start = new double[free.size()];
        for (int j = 0; j < start.length; j++) {
            double written = free.get(j).asWritten();
            start[j] = Double.isNaN(written) ? 0.5 : free.get(j).unit(written);
        }
        int remaining = options.evaluations();
        try {
            if (free.size() == 1) {
                new BrentOptimizer(1e-3, LAST_RADIUS).optimize(new MaxEval(remaining), GoalType.MINIMIZE,
                        new UnivariateObjectiveFunction(u -> atUnit(new double[] {u})),
                        new SearchInterval(0, 1, start[0]));
            } else {
                double[] lower = new double[start.length];
                double[] upper = new double[start.length];
                Arrays.fill(upper, 1);
                int points = 2 * start.length + 1;
                double bestSoFar = Double.POSITIVE_INFINITY;
                while (remaining > points) {
                    BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(points, FIRST_RADIUS, LAST_RADIUS);
                    bobyqa.optimize(new MaxEval(remaining), GoalType.MINIMIZE, new ObjectiveFunction(this::atUnit),
                            new InitialGuess(start), new SimpleBounds(lower, upper));
                    remaining -= bobyqa.getEvaluations();
                    Evaluation best = best();
                    if (!(best.objective() < bestSoFar)) break;
                    bestSoFar = best.objective();
                    double[] v = best.values();
                    for (int j = 0; j < start.length; j++) start[j] = free.get(j).unit(v[j]);
                }
            }
        } catch (TooManyEvaluationsException e) {
            // the budget is spent: the best setting seen stands
        }
        return best().values();
    }

    private Evaluation best() {
        Evaluation best = null;
        for (Evaluation e : made) {
            if (e.phase() == Phase.SEARCH && (best == null || e.objective() < best.objective())) best = e;
        }
        return best;
    }

    private double atUnit(double[] unit) {
        double[] values = new double[unit.length];
        for (int j = 0; j < unit.length; j++) values[j] = free.get(j).value(Math.max(0, Math.min(1, unit[j])));
        return evaluate(values, Phase.SEARCH).objective();
    }

    /** The evaluation at {@code values}, run once; the fitted values are listed again under their own phase. */
    Evaluation evaluate(double[] values, Phase phase) {
        String key = Arrays.toString(values);
        Evaluation known = seen.get(key);
        if (known != null && phase != Phase.FITTED) return known;
        Evaluation e;
        if (known != null) {
            // the same values on the same substreams give the same figures: the fit is listed under its own phase
            // without running them again
            e = new Evaluation(made.size(), phase, values, known.rows(), known.objective());
            made.add(e);
        } else {
            Scenario s = ScenarioLoader.load(baseline, baseline, CalibrationFit.settings(free, values), null);
            e = record(values, phase, s);
        }
        seen.put(key, e);
        return e;
    }

    private Evaluation record(double[] values, Phase phase, Scenario s) {
        Scenario run = s.withRun(s.run().with(options.replications(), seed));
        CalibrationCohort cohort = CalibrationCohort.run(run, pool, r -> {
            if (progress != null) progress.update(done.incrementAndGet(), Math.max(planned, done.get()));
        });
        List<Calibration.Row> rows = Calibration.rows(cohort).stream().map(this::published).toList();
        Evaluation e = new Evaluation(made.size(), phase, values, rows, objective(rows.stream()
                .flatMap(r -> r.figures().stream()).toList()));
        made.add(e);
        return e;
    }

    /** A row with its bands re-centred on the values fitted to instead of the brief's, if any. */
    private Calibration.Row published(Calibration.Row r) {
        if (r.figures().stream().noneMatch(f -> options.published().containsKey(f.name()))) return r;
        List<Calibration.Figure> figures = r.figures().stream().map(f -> {
            Double v = options.published().get(f.name());
            double half = (f.high() - f.low()) / 2;
            return v == null ? f : new Calibration.Figure(f.target(), f.what(), f.value(), v - half, v + half,
                    f.weight());
        }).toList();
        return new Calibration.Row(r.id(), r.target(), r.published() + " (fitted to other values)", r.simulated(),
                r.tolerance(), figures);
    }

    /** The weighted sum of squared distances over the fitted targets' figures (see {@link CalibrationFit}). */
    double objective(List<Calibration.Figure> figures) {
        double sum = 0;
        for (String t : fittedTo) sum += share(figures, t);
        return sum;
    }

    /**
     * One target's share of the objective: its figures' weighted squared distances, or {@link #NOT_COMPUTABLE}
     * times the weight of each figure (or of the target) that cannot be computed.
     */
    static double share(List<Calibration.Figure> figures, String target) {
        List<Calibration.Figure> fs = figures.stream().filter(f -> f.target().equals(target)).toList();
        if (fs.isEmpty()) return NOT_COMPUTABLE;
        double sum = 0;
        for (Calibration.Figure f : fs) {
            double d = f.distance();
            sum += f.weight() * (Double.isNaN(d) ? NOT_COMPUTABLE : d * d);
        }
        return sum;
    }
}
