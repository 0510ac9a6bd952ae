package org.pacesim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pacesim.scenario.ChangeDate;
import org.pacesim.scenario.ExperimentSpec;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Problem;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.scenario.UncertaintySpec;
import org.pacesim.stats.Comparison;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.ResultLayout;

/**
 * Runs an uncertainty analysis: the experiment's baseline and interventions at every point of a Latin hypercube
 * over the assumed values' ranges ({@link UncertaintyDesign}). At a point, the values are set in the baseline and
 * every intervention alike (an intervention's own changes on top), and each scenario runs replications 0..R-1 with
 * the experiment's seed: common random numbers across the scenarios, and replication r uses substream r at every
 * point, so that what differs between points is the values, not the noise. The values as written run too (point
 * 0), for the simulation-only confidence intervals.
 *
 * <p>Every value a range can produce is checked before anything runs: each scenario is built with every value at
 * the bottom, the middle and the top of its range, then at every design point. A point where any scenario is
 * overloaded or heavily censored ({@link Caveats}), or a queue runs away, is flagged; {@link UncertaintySummary}
 * leaves flagged points out of every summary and says how many.
 */
public final class Uncertainty {
    /** Replications per scenario and point when none are asked for. */
    public static final int DEFAULT_REPLICATIONS = 20;

    private Uncertainty() {}

    /**
     * How to run.
     *
     * @param threads      worker threads
     * @param replications replications per scenario and point (null: {@link #DEFAULT_REPLICATIONS})
     * @param seed         override of the experiment's seed (the runs'; the design's own seed is the block's)
     * @param points       override of the block's number of points, or null
     */
    public record Options(int threads, Integer replications, Long seed, Integer points) {}

    /**
     * A figure compared at every point.
     *
     * @param measure   the measure
     * @param statistic the statistic
     */
    public record Outcome(String measure, MeasureStat statistic) {}

    /**
     * One point's runs.
     *
     * @param index    0 for the values as written, 1.. for the design's points
     * @param settings the values set (empty at point 0)
     * @param values   per-replication figures, [scenario][outcome][replication]; NaN where undefined
     * @param caveats  why the point's figures are not findings, each naming its scenario (empty when they stand)
     */
    public record Point(int index, List<UncertaintySpec.Setting> settings, double[][][] values,
                        List<Caveats.Caveat> caveats) {
        /** Whether the point is left out of the summaries. */
        public boolean flagged() {
            return !caveats.isEmpty();
        }
    }

    /**
     * Everything the analysis produced.
     *
     * @param spec         the experiment
     * @param block        the uncertainty block
     * @param design       the design (points 1..n)
     * @param scenarios    scenario names, baseline first
     * @param outcomes     the figures compared
     * @param main         index of the main figure in {@code outcomes}
     * @param nominal      point 0, the values as written
     * @param points       the design's points, in order
     * @param replications replications per scenario and point
     * @param seed         the runs' seed
     * @param designSeed   the design's seed
     * @param seconds      wall time
     */
    public record Results(ExperimentSpec spec, UncertaintySpec block, UncertaintyDesign design, List<String> scenarios,
                          List<Outcome> outcomes, int main, Point nominal, List<Point> points, int replications,
                          long seed, long designSeed, double seconds) {
        /** The paired difference of scenario {@code s} from the baseline at a point, in one outcome. */
        public Comparison.Difference difference(Point p, int s, int outcome) {
            Outcome o = outcomes.get(outcome);
            return Comparison.paired(scenarios.get(s), scenarios.get(0), o.measure(), o.statistic(),
                    p.values()[0][outcome], p.values()[s][outcome]);
        }
    }

    /** What varies: the block's values, then the baseline's tagged values not already named. */
    public static List<UncertaintySpec.Varied> varied(UncertaintySpec block, Path baseline) {
        List<UncertaintySpec.Varied> out = new ArrayList<>(block.vary());
        if (block.varyTagged()) {
            Set<String> named = new LinkedHashSet<>(block.vary().stream().map(UncertaintySpec.Varied::name).toList());
            for (UncertaintySpec.Varied v : ScenarioLoader.tagged(baseline, block.fromTags())) {
                if (named.add(v.name())) out.add(v);
            }
        }
        return out;
    }

    /**
     * Checks everything and runs the analysis.
     *
     * @param progress told (replications done, replications planned), or null
     */
    public static Results run(ExperimentSpec spec, UncertaintySpec block, Options options,
                              Experiment.ProgressListener progress) {
        return run(spec, block, options, progress, Replications.SIMULATE);
    }

    /**
     * Runs the analysis with its replications from {@code source}: one shard's share of the (point, replication)
     * units, or read back from shards.
     */
    public static Results run(ExperimentSpec spec, UncertaintySpec block, Options options,
                              Experiment.ProgressListener progress, Replications source) {
        long t0 = System.nanoTime();
        int reps = options.replications() != null ? options.replications() : DEFAULT_REPLICATIONS;
        List<Scenario> nominal = Experiment.scenarios(spec, new Experiment.Options(options.threads(), reps,
                options.seed(), Double.NaN, reps, false));
        Path baseline = Path.of(spec.scenarios().get(0));
        List<UncertaintySpec.Varied> varied = varied(block, baseline);
        int n = options.points() != null ? options.points() : block.points();
        check(files(spec), spec.changesFrom(), nominal, block, varied, n);
        long seed = nominal.get(0).run().seed();
        long designSeed = block.seed() > 0 ? block.seed() : seed;
        UncertaintyDesign design = UncertaintyDesign.of(varied, n, designSeed);
        List<List<Scenario>> pointScenarios = loadAll(spec, nominal, design, options.threads());
        ResultLayout layout = ScenarioResults.Prepared.of(nominal.get(0)).model().layout();
        List<Outcome> outcomes = outcomes(spec, layout);
        int main = outcomes.indexOf(new Outcome(spec.mainMeasure(), spec.mainStatistic()));
        Counter counter = new Counter(progress, (n + 1) * nominal.size() * reps);
        Point p0 = runPoint(source.atPoint(0, reps), 0, List.of(), nominal, outcomes, reps, options.threads(),
                counter);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(runPoint(source.atPoint(i + 1, reps), i + 1, design.points().get(i), pointScenarios.get(i),
                    outcomes, reps, options.threads(), counter));
            pointScenarios.set(i, null); // built models are not kept; their figures are
        }
        List<String> names = nominal.stream().map(Scenario::name).toList();
        return new Results(spec, block, design, names, outcomes, main, p0, List.copyOf(points), reps, seed, designSeed,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Checks a scenario's own {@code uncertainty:} block (its own or inherited) as {@link #run} would, the scenario
     * as the baseline of an experiment of its own: what {@code pace validate} reports, so that a bad range is found
     * before an analysis is planned on it.
     *
     * @param scenario the scenario file
     * @param loaded   the scenario as loaded from it
     * @param block    its block
     * @return the values that vary
     */
    public static List<UncertaintySpec.Varied> check(Path scenario, Scenario loaded, UncertaintySpec block) {
        List<UncertaintySpec.Varied> varied = varied(block, scenario);
        check(List.of(scenario), null, List.of(loaded), block, varied, block.points());
        return varied;
    }

    /**
     * Every check made before anything runs: something varies, there are points enough, and every value a range
     * can produce builds. Each scenario is built with every value at the bottom, the middle and the top of its
     * range, all together; each problem is reported where its range was written, saying which end broke it.
     *
     * @param files   the scenario files, baseline first
     * @param from    the date of the interventions' changes that carry none, or null
     * @param nominal the files' scenarios as loaded, with the run settings they run with
     * @param points  the design's number of points
     */
    private static void check(List<Path> files, ChangeDate from, List<Scenario> nominal, UncertaintySpec block,
                              List<UncertaintySpec.Varied> varied, int points) {
        checkSize(block, varied, points);
        RangeEnds.check(varied, true, at -> load(files, from, nominal, at, true));
    }

    private static List<Path> files(ExperimentSpec spec) {
        return spec.scenarios().stream().map(Path::of).toList();
    }

    /** PRCC holds p - 1 values fixed and needs n - 3 - (p - 1) >= 1, and a few more points to say anything. */
    private static void checkSize(UncertaintySpec block, List<UncertaintySpec.Varied> varied, int n) {
        if (varied.isEmpty()) {
            throw new InvalidInputException(block.at(), "uncertainty", "nothing varies: no value in 'vary', and no"
                    + " value of the baseline is tagged '# A'", "name values under vary:, or tag assumed values");
        }
        int least = varied.size() + 3;
        if (n < least) {
            throw new InvalidInputException(block.at(), "uncertainty.points", n + " points are too few for " + varied.size()
                    + " values that vary: the importance of each (its partial rank correlation) needs at least "
                    + least, "points: " + Math.max(least, 2 * varied.size()) + " or more");
        }
    }

    /** Every scenario with a point's values set, the run settings as the experiment's; all problems at once. */
    private static List<Scenario> load(List<Path> files, ChangeDate from, List<Scenario> nominal,
                                       List<UncertaintySpec.Setting> settings, boolean compile) {
        Path baseline = files.get(0);
        Set<Problem> problems = new LinkedHashSet<>();
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < nominal.size(); i++) {
            try {
                // the interventions' changes take effect on the experiment's date, as in the experiment itself
                Scenario s = ScenarioLoader.load(files.get(i), baseline, settings, i == 0 ? null : from)
                        .withRun(nominal.get(i).run());
                if (compile) ScenarioResults.Prepared.of(s); // graph problems too: a share of 0 can cut a path
                out.add(s);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(List.copyOf(problems));
        return out;
    }

    /**
     * Every design point's scenarios, built on {@code threads} threads (a few hundred builds of the main job take
     * a noticeable share of a run); the problems of the first point that has any, as a sequential build would.
     */
    private static List<List<Scenario>> loadAll(ExperimentSpec spec, List<Scenario> nominal, UncertaintyDesign design,
                                                int threads) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "uncertainty-build");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<List<Scenario>>> built = new ArrayList<>();
            for (List<UncertaintySpec.Setting> settings : design.points()) {
                built.add(pool.submit(() -> load(files(spec), spec.changesFrom(), nominal, settings, false)));
            }
            List<List<Scenario>> out = new ArrayList<>();
            for (java.util.concurrent.Future<List<Scenario>> f : built) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The measures and statistics the experiment compares (a target share only where the measure has a target). */
    static List<Outcome> outcomes(ExperimentSpec spec, ResultLayout layout) {
        List<String> measures = spec.measures().isEmpty() ? layout.measures() : spec.measures();
        List<Outcome> out = new ArrayList<>();
        for (String m : measures) {
            int i = layout.measures().indexOf(m);
            for (MeasureStat s : spec.statistics()) {
                if (i < 0 || s == MeasureStat.WITHIN_TARGET && Double.isNaN(layout.targets()[i])) continue;
                out.add(new Outcome(m, s));
            }
        }
        return out;
    }

    private static Point runPoint(Replications source, int index, List<UncertaintySpec.Setting> settings,
                                  List<Scenario> scenarios, List<Outcome> outcomes, int reps, int threads,
                                  Counter counter) {
        double[][][] values = new double[scenarios.size()][outcomes.size()][reps];
        List<Caveats.Caveat> caveats = new ArrayList<>();
        for (int s = 0; s < scenarios.size(); s++) {
            Scenario scenario = scenarios.get(s);
            ScenarioResults.Prepared p = ScenarioResults.Prepared.of(scenario);
            long t0 = System.nanoTime();
            List<ReplicationResult> rs;
            int[] done = {0};
            try {
                rs = source.run(p.model(), 0, reps, threads, k -> {
                    counter.done(1);
                    synchronized (done) {
                        done[0]++;
                    }
                }, Detail.NONE).stream().map(ScenarioRun.Completed::result).toList();
            } catch (ScenarioRun.RunawayException e) {
                caveats.add(new Caveats.Caveat(Caveats.Kind.OVERLOADED, scenario.name() + ": " + e.getMessage()));
                synchronized (done) {
                    counter.done(reps - done[0]);
                }
                for (double[] v : values[s]) java.util.Arrays.fill(v, Double.NaN);
                continue;
            }
            ScenarioResults r = ScenarioResults.of(p, rs, threads, (System.nanoTime() - t0) / 1e9);
            for (Caveats.Caveat c : Caveats.of(r)) caveats.add(new Caveats.Caveat(c.kind(), scenario.name() + ": " + c.text()));
            List<String> measures = p.model().layout().measures();
            for (int o = 0; o < outcomes.size(); o++) {
                int m = measures.indexOf(outcomes.get(o).measure());
                if (m < 0) java.util.Arrays.fill(values[s][o], Double.NaN);
                else values[s][o] = Comparison.measureColumn(rs, m, outcomes.get(o).statistic());
            }
        }
        return new Point(index, settings, values, List.copyOf(caveats));
    }

    /** Replications done across scenarios and points, for one progress display. */
    private static final class Counter {
        private final Experiment.ProgressListener listener;
        private final int planned;
        private int done;

        Counter(Experiment.ProgressListener listener, int planned) {
            this.listener = listener;
            this.planned = planned;
        }

        synchronized void done(int k) {
            done += k;
            if (listener != null) listener.update(done, planned);
        }
    }
}
