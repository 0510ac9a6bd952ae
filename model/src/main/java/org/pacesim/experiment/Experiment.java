package org.pacesim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.pacesim.scenario.ExperimentSpec;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.MeasureSpec;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.Names;
import org.pacesim.scenario.Problem;
import org.pacesim.scenario.RunSettings;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.scenario.Statistic;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;

/**
 * Runs an experiment: every scenario with the same seed and replication numbers (common random numbers), then the
 * paired differences of each scenario from the baseline. Optionally adds replications until the main difference
 * is known to a stated precision, and measures what common random numbers gained by running the main comparison
 * once more with independent streams.
 */
public final class Experiment {
    /** Replications to start from when adding replications until a precision is reached. */
    public static final int AUTO_START = 20;

    private Experiment() {}

    /**
     * How to run.
     *
     * @param threads         worker threads
     * @param replications    override of the replications (null: the experiment's or the baseline's)
     * @param seed            override of the seed (null: the experiment's or the baseline's)
     * @param precision       stop adding replications when the main difference's CI half-width is below this
     *                        (in the main statistic's unit: days, or a share); NaN for a fixed number
     * @param maxReplications cap for the sequential procedure
     * @param measureCrnGain  whether to run the main comparison again with independent streams
     */
    public record Options(int threads, Integer replications, Long seed, double precision, int maxReplications,
                          boolean measureCrnGain) {}

    /**
     * What common random numbers gained for the main comparison.
     *
     * @param scenario         the intervention of the main comparison
     * @param crnHalfWidth     CI half-width of the difference with common random numbers
     * @param independentHalfWidth the same with independent streams
     */
    public record CrnGain(String scenario, double crnHalfWidth, double independentHalfWidth) {
        /** How many times narrower the interval is with common random numbers. */
        public double ratio() {
            return independentHalfWidth / crnHalfWidth;
        }
    }

    /**
     * Everything an experiment produced.
     *
     * @param spec        what was asked
     * @param runs        baseline first
     * @param differences paired differences of each scenario from the baseline
     * @param crn         what common random numbers gained, or null
     * @param seconds     wall time
     */
    public record Results(ExperimentSpec spec, List<ScenarioResults> runs, List<Comparison.Difference> differences,
                          CrnGain crn, double seconds) {
        /** The difference of one scenario in one measure statistic, or null. */
        public Comparison.Difference difference(String scenario, String measure, Statistic statistic) {
            for (Comparison.Difference d : differences) {
                if (d.scenario().equals(scenario) && d.measure().equals(measure) && d.statistic() == statistic) {
                    return d;
                }
            }
            return null;
        }
    }

    /** An ad-hoc experiment over scenario files, the first being the baseline ({@code pace compare}). */
    public static ExperimentSpec adHoc(List<Path> files) {
        List<String> names = files.stream().map(Path::toString).toList();
        return new ExperimentSpec("Comparison", "", "command line", names, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                List.of(), ExperimentSpec.DEFAULT_STATISTICS, "time_to_permanence", MeasureStat.MEDIAN,
                ExperimentSpec.CHARTS,
                List.of(Location.of("command line"), Location.of("command line")), null, null, null);
    }

    /**
     * Loads every scenario (reporting the problems of all files at once) and applies the experiment's overrides,
     * so that all scenarios share the seed, the replications and the run window.
     */
    public static List<Scenario> scenarios(ExperimentSpec spec, Options options) {
        List<Scenario> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < spec.scenarios().size(); i++) {
            Path f = Path.of(spec.scenarios().get(i));
            try {
                // The interventions' changes take effect on the experiment's date, if it gives one; not the baseline's.
                out.add(i == 0 ? ScenarioLoader.load(f) : ScenarioLoader.load(f, spec.changesFrom()));
            } catch (InvalidInputException e) {
                // A problem with the experiment's own date is found in every scenario: it is listed once.
                e.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        RunSettings base = out.get(0).run();
        int reps = options.replications() != null ? options.replications()
                : spec.replications() > 0 ? spec.replications() : base.replications();
        if (!Double.isNaN(options.precision())) reps = Math.min(AUTO_START, options.maxReplications());
        long seed = options.seed() != null ? options.seed() : spec.seed() > 0 ? spec.seed() : base.seed();
        List<Scenario> adjusted = new ArrayList<>();
        for (Scenario s : out) {
            RunSettings r = s.run();
            double horizon = Double.isNaN(spec.horizon()) ? r.horizon() : spec.horizon();
            double warmup = Double.isNaN(spec.warmup()) ? r.warmup() : spec.warmup();
            double followUp = Double.isNaN(spec.followUp()) ? r.followUp() : spec.followUp();
            if (warmup >= horizon) {
                throw new InvalidInputException(Location.of(spec.file()), "run", "with the experiment's run settings the"
                        + " warm-up of '" + s.name() + "' does not end before its horizon", "set both in the experiment's run:");
            }
            java.time.LocalDate start = spec.start() != null ? spec.start() : r.start();
            adjusted.add(s.withRun(new RunSettings(horizon, warmup, followUp, reps, seed, r.queueLimit(), start)));
        }
        checkMeasures(spec, adjusted.get(0));
        return adjusted;
    }

    private static void checkMeasures(ExperimentSpec spec, Scenario baseline) {
        List<Problem> problems = new ArrayList<>();
        List<String> known = baseline.reportedMeasures().stream().map(MeasureSpec::name).toList();
        for (String m : spec.measures()) {
            if (!known.contains(m)) {
                problems.add(new Problem(spec.at().get(0), "compare.measures", "the baseline has no measure '" + m + "'",
                        Names.hint(m, known, "measure")));
            }
        }
        if (!known.contains(spec.mainMeasure())) {
            problems.add(new Problem(spec.at().get(1), "compare.main.measure", "the baseline has no measure '"
                    + spec.mainMeasure() + "' to rank the findings by", Names.hint(spec.mainMeasure(), known, "measure")));
        }
        if (spec.runChart() != null) {
            List<String> own = List.copyOf(baseline.measures().keySet()); // a run chart plots the cohort's measures
            List<String> charted = new ArrayList<>(spec.runChart().measures());
            if (spec.runChart().mainMeasure() != null) charted.add(spec.runChart().mainMeasure());
            for (String m : charted) {
                if (!own.contains(m)) {
                    problems.add(new Problem(Location.of(spec.file()), "run_chart", "the baseline has no measure '" + m
                            + "' to chart", Names.hint(m, own, "measure")));
                }
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }

    /**
     * Runs the experiment.
     *
     * @param progress told (replications done, replications planned) as the runs go, or null
     * @param warn     told overload warnings before the runs, or null
     */
    public static Results run(ExperimentSpec spec, Options options, ProgressListener progress, Consumer<String> warn) {
        return run(spec, options, progress, warn, Replications.SIMULATE);
    }

    /**
     * Runs the experiment with its replications from {@code source} (one shard's, or read back from shards; the
     * check of what common random numbers gain, and adding replications until a precision is reached, need every
     * replication in one place and are for {@link Replications#SIMULATE} only).
     */
    public static Results run(ExperimentSpec spec, Options options, ProgressListener progress, Consumer<String> warn,
                              Replications source) {
        long t0 = System.nanoTime();
        List<Scenario> scenarios = scenarios(spec, options);
        List<ScenarioResults.Prepared> prepared = new ArrayList<>();
        for (Scenario s : scenarios) {
            ScenarioResults.Prepared p = ScenarioResults.Prepared.of(s);
            if (warn != null) p.flows().warnings().forEach(w -> warn.accept(s.name() + ": " + w));
            prepared.add(p);
        }
        int n = scenarios.get(0).run().replications();
        boolean extraCrnRun = options.measureCrnGain() && scenarios.size() > 1;
        Tracker tracker = new Tracker(progress, scenarios.size() * n + (extraCrnRun ? n : 0));
        List<ScenarioResults> runs = new ArrayList<>();
        Detail detail = spec.runChart() != null ? Detail.RUN_CHARTS : spec.charts().isEmpty() ? Detail.NONE : Detail.CHARTS;
        for (ScenarioResults.Prepared p : prepared) {
            runs.add(runMore(source, p, null, 0, n, options.threads(), detail, tracker));
        }
        if (!Double.isNaN(options.precision())) {
            while (true) {
                double hw = mainHalfWidth(spec, runs);
                if (!(hw > options.precision()) || n >= options.maxReplications()) break;
                int target = (int) Math.min(options.maxReplications(),
                        Math.max(n + 10, Math.ceil(n * Math.pow(hw / options.precision(), 2) * 1.1)));
                tracker.plan((target - n) * scenarios.size());
                for (int i = 0; i < runs.size(); i++) {
                    runs.set(i, runMore(source, prepared.get(i), runs.get(i), n, target - n, options.threads(), detail, tracker));
                }
                n = target;
            }
        }
        List<Comparison.Difference> differences = differences(spec, runs);
        CrnGain crn = null;
        if (extraCrnRun) {
            int main = mainComparison(spec, runs, differences);
            // The same intervention on replications n..2n-1: independent of the baseline's 0..n-1.
            List<ReplicationResult> independent = ScenarioRun.run(prepared.get(main).model(), n, n, options.threads(),
                    k -> tracker.done(1));
            ScenarioResults base = runs.get(0);
            int m = base.layout().measures().indexOf(spec.mainMeasure());
            int mi = runs.get(main).layout().measures().indexOf(spec.mainMeasure());
            MeasureStat stat = spec.mainStatistic();
            double[] b = Comparison.measureColumn(base.replications(), m, stat);
            double crnHw = Comparison.paired("", "", "", stat, b,
                    Comparison.measureColumn(runs.get(main).replications(), mi, stat)).difference().halfWidth();
            double indHw = Comparison.paired("", "", "", stat, b, Comparison.measureColumn(independent, mi, stat))
                    .difference().halfWidth();
            crn = new CrnGain(runs.get(main).name(), crnHw, indHw);
        }
        return new Results(spec, List.copyOf(runs), differences, crn, (System.nanoTime() - t0) / 1e9);
    }

    private static ScenarioResults runMore(Replications source, ScenarioResults.Prepared p, ScenarioResults sofar,
                                           int first, int n, int threads, Detail detail, Tracker tracker) {
        long t0 = System.nanoTime();
        List<ScenarioRun.Completed> rs = source.run(p.model(), first, n, threads, k -> tracker.done(1), detail);
        double s = (System.nanoTime() - t0) / 1e9;
        if (sofar != null) return sofar.extend(rs, s);
        return detail.any() ? ScenarioResults.ofCompleted(p, rs, threads, s)
                : ScenarioResults.of(p, rs.stream().map(ScenarioRun.Completed::result).toList(), threads, s);
    }

    /** The largest CI half-width of the main difference over the interventions. */
    private static double mainHalfWidth(ExperimentSpec spec, List<ScenarioResults> runs) {
        double worst = 0;
        for (Comparison.Difference d : differences(spec, runs)) {
            if (d.measure().equals(spec.mainMeasure()) && d.statistic() == spec.mainStatistic()) {
                worst = Math.max(worst, Double.isNaN(d.difference().halfWidth()) ? Double.POSITIVE_INFINITY
                        : d.difference().halfWidth());
            }
        }
        return worst;
    }

    /** The intervention with the largest effect on the main statistic (index into runs). */
    private static int mainComparison(ExperimentSpec spec, List<ScenarioResults> runs, List<Comparison.Difference> ds) {
        int best = 1;
        double size = -1;
        for (int i = 1; i < runs.size(); i++) {
            String name = runs.get(i).name();
            for (Comparison.Difference d : ds) {
                if (d.scenario().equals(name) && d.measure().equals(spec.mainMeasure())
                        && d.statistic() == spec.mainStatistic() && Math.abs(d.difference().mean()) > size) {
                    size = Math.abs(d.difference().mean());
                    best = i;
                }
            }
        }
        return best;
    }

    /** Paired differences of every scenario from the baseline: measures, then stage waits and times. */
    static List<Comparison.Difference> differences(ExperimentSpec spec, List<ScenarioResults> runs) {
        List<Comparison.Difference> out = new ArrayList<>();
        ScenarioResults base = runs.get(0);
        List<String> baseMeasures = base.layout().measures();
        List<String> measures = spec.measures().isEmpty() ? baseMeasures : spec.measures();
        String baseName = base.name();
        for (int i = 1; i < runs.size(); i++) {
            ScenarioResults other = runs.get(i);
            String name = other.name();
            List<String> otherMeasures = other.layout().measures();
            for (String m : measures) {
                int bi = baseMeasures.indexOf(m);
                int oi = otherMeasures.indexOf(m);
                if (bi < 0 || oi < 0) continue;
                for (MeasureStat s : spec.statistics()) {
                    if (s == MeasureStat.WITHIN_TARGET && Double.isNaN(base.layout().targets()[bi])) continue;
                    out.add(Comparison.paired(name, baseName, m, s,
                            Comparison.measureColumn(base.replications(), bi, s),
                            Comparison.measureColumn(other.replications(), oi, s)));
                }
            }
            List<String> baseStages = base.layout().stages();
            List<String> otherStages = other.layout().stages();
            for (int bs = 0; bs < baseStages.size(); bs++) {
                int os = otherStages.indexOf(baseStages.get(bs));
                if (os < 0) continue;
                for (StageStat s : Comparison.STAGE_STATISTICS) {
                    Comparison.Difference d = Comparison.paired(name, baseName, Comparison.STAGE + baseStages.get(bs), s,
                            Comparison.stageColumn(base.replications(), bs, s),
                            Comparison.stageColumn(other.replications(), os, s));
                    if (d.difference().replications() > 0) out.add(d);
                }
            }
        }
        return out;
    }

    /** Receives progress: replications done so far and replications planned in all. */
    @FunctionalInterface
    public interface ProgressListener {
        /** Called after each replication (from any thread). */
        void update(int done, int planned);
    }

    /** Counts replications across scenarios for one progress display. */
    private static final class Tracker {
        private final ProgressListener listener;
        private int done;
        private int planned;

        Tracker(ProgressListener listener, int planned) {
            this.listener = listener;
            this.planned = planned;
        }

        synchronized void plan(int more) {
            planned += more;
        }

        synchronized void done(int k) {
            done += k;
            if (listener != null) listener.update(done, planned);
        }
    }
}
