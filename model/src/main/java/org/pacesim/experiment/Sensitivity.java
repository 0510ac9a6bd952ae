package org.pacesim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.ResourceSpec;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.ReplicationResult;

/**
 * One-at-a-time sensitivity: each stage's durations, each capacity (resources, meeting places and sitting
 * frequency) and each branch probability is moved down and up by a stated amount, one at a time, and the effect on
 * the main statistic is measured against the unchanged scenario with common random numbers. Ranked by the larger
 * of the two effects: the data of a tornado chart, answering "which lever matters most".
 *
 * <p>Each variant is built as a {@code change} (scale, set or route) applied to the file, so a variant is exactly
 * what a planner could have written, and is checked the same way.
 */
public final class Sensitivity {
    private Sensitivity() {}

    /**
     * One lever and its two settings.
     *
     * @param name       e.g. "duration of form_e", "capacity of legal_services"
     * @param kind       duration, capacity, sittings or probability
     * @param baseValue  the value in the scenario (a factor 1 for durations)
     * @param lowValue   the value moved down (NaN when it cannot move)
     * @param highValue  the value moved up (NaN when it cannot move)
     * @param low        change that sets the low value, or null
     * @param high       change that sets the high value, or null
     */
    public record Lever(String name, String kind, double baseValue, double lowValue, double highValue,
                        Map<String, Object> low, Map<String, Object> high) {}

    /**
     * A lever's measured effect.
     *
     * @param lever the lever
     * @param low   effect of the low setting (variant minus base), or null
     * @param high  effect of the high setting, or null
     * @param lowCaveats  why the low setting's figures are not findings (overload, heavy censoring), or empty
     * @param highCaveats the same for the high setting
     */
    public record Effect(Lever lever, Comparison.Difference low, Comparison.Difference high, List<Caveats.Caveat> lowCaveats,
                         List<Caveats.Caveat> highCaveats) {
        /** An effect whose settings both leave the system's figures standing. */
        public Effect(Lever lever, Comparison.Difference low, Comparison.Difference high) {
            this(lever, low, high, List.of(), List.of());
        }

        /** The larger absolute effect of the two settings. */
        public double size() {
            return Math.max(low == null ? 0 : Math.abs(low.difference().mean()),
                    high == null ? 0 : Math.abs(high.difference().mean()));
        }

        /** Whether either setting overloads the system or leaves it heavily censored (see {@link Caveats}). */
        public boolean flagged() {
            return !lowCaveats.isEmpty() || !highCaveats.isEmpty();
        }
    }

    /**
     * The whole analysis.
     *
     * @param base      the unchanged scenario's results
     * @param measure   the measure
     * @param statistic the statistic
     * @param amount    the relative move (0.2 = 20%)
     * @param effects   ranked, largest first
     */
    public record Results(ScenarioResults base, String measure, MeasureStat statistic, double amount,
                          List<Effect> effects) {
        /** What is measured, in words, by the measure's id: "the median time to permanence". */
        public String measured() {
            return statistic.phrase(null, measure);
        }
    }

    /** The levers of a scenario, moved by {@code amount} (e.g. 0.2). */
    public static List<Lever> levers(Scenario s, double amount) {
        List<Lever> out = new ArrayList<>();
        for (StageSpec st : s.stages().values()) {
            // (a fixed zero duration, such as a routing point, has nothing to scale)
            boolean timed = st instanceof StageSpec.Delay d && d.duration() != null
                    && !(d.duration() instanceof org.pacesim.scenario.DistributionSpec.Fixed f && f.days() == 0)
                    || st instanceof StageSpec.Service
                    || st instanceof StageSpec.Meeting m && m.decisionDelay() != null;
            if (timed) {
                out.add(new Lever("duration of " + st.name(), "duration", 1, 1 - amount, 1 + amount,
                        change("scale", Map.of("stage", st.name(), "duration", 1 - amount)),
                        change("scale", Map.of("stage", st.name(), "duration", 1 + amount))));
            }
            if (st instanceof StageSpec.Meeting m && !m.unlimited()) {
                out.add(capacityLever("places per sitting of " + st.name(), "stages." + st.name() + ".capacity",
                        m.capacity(), amount));
            }
            // Sittings on listed dates or on a calendar rule have no interval to vary.
            if (st instanceof StageSpec.Meeting m && m.dates().length == 0 && m.rule() == null) {
                // More sittings is the 'up' lever: the gap between sittings shrinks.
                out.add(new Lever("sittings of " + st.name(), "sittings", m.every(), m.every() * (1 + amount),
                        m.every() * (1 - amount),
                        set("stages." + st.name() + ".every", m.every() * (1 + amount) + "d"),
                        set("stages." + st.name() + ".every", m.every() * (1 - amount) + "d")));
            }
        }
        for (ResourceSpec r : s.resources().values()) {
            out.add(capacityLever("capacity of " + r.name(), "resources." + r.name() + ".capacity", r.capacity(), amount));
        }
        for (StageSpec st : s.stages().values()) {
            List<Route> routes = st.routes();
            for (int i = 0; i < routes.size(); i++) {
                Route r = routes.get(i);
                long groupSize = routes.stream().filter(x -> sameGroup(x, r)).count();
                if (groupSize < 2 || r.p() <= 0 || r.p() >= 1) continue;
                boolean labelUnique = r.label() != null
                        && routes.stream().filter(x -> sameGroup(x, r) && r.label().equals(x.label())).count() == 1;
                boolean targetUnique = routes.stream().filter(x -> sameGroup(x, r) && r.to().equals(x.to())).count() == 1;
                if (!labelUnique && !targetUnique) continue;
                String name = "p(" + st.name() + " -> " + (labelUnique ? r.label() : r.to())
                        + (r.when() == null ? "" : ", " + r.when().text()) + ")";
                double lo = r.p() * (1 - amount);
                double hi = Math.min(1, r.p() * (1 + amount));
                out.add(new Lever(name, "probability", r.p(), lo, hi, route(st.name(), r, labelUnique, lo),
                        hi == r.p() ? null : route(st.name(), r, labelUnique, hi)));
            }
        }
        return out;
    }

    private static boolean sameGroup(Route a, Route b) {
        return a.when() == null ? b.when() == null : a.when().sameAs(b.when());
    }

    private static Lever capacityLever(String name, String path, int c, double amount) {
        int lo = (int) Math.round(c * (1 - amount));
        int hi = (int) Math.round(c * (1 + amount));
        if (lo == c) lo = c - 1;
        if (hi == c) hi = c + 1;
        return new Lever(name, "capacity", c, lo >= 1 ? lo : Double.NaN, hi, lo >= 1 ? set(path, lo) : null,
                set(path, hi));
    }

    private static Map<String, Object> route(String stage, Route r, boolean byLabel, double p) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("stage", stage);
        if (byLabel) spec.put("outcome", r.label());
        else spec.put("to", r.to());
        if (r.when() != null) spec.put("when", r.when().text());
        spec.put("p", p);
        return change("route", spec);
    }

    private static Map<String, Object> set(String path, Object value) {
        return change("set", Map.of("path", path, "value", value));
    }

    private static Map<String, Object> change(String kind, Map<String, Object> spec) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(kind, spec);
        c.put("why", "sensitivity analysis");
        return c;
    }

    /**
     * Runs the analysis.
     *
     * @param file         the scenario file
     * @param amount       the relative move, e.g. 0.2
     * @param replications replications per variant
     * @param seed         seed, or null for the scenario's
     * @param measure      the measure
     * @param statistic    the statistic
     * @param threads      worker threads
     * @param progress     told (variants done, variants planned), or null
     */
    public static Results run(Path file, double amount, int replications, Long seed, String measure, MeasureStat statistic,
                              int threads, Experiment.ProgressListener progress) {
        return run(file, amount, replications, seed, measure, statistic, threads, progress, Replications.SIMULATE);
    }

    /** Runs the analysis with its replications from {@code source} (one shard's, or read back from shards). */
    public static Results run(Path file, double amount, int replications, Long seed, String measure, MeasureStat statistic,
                              int threads, Experiment.ProgressListener progress, Replications source) {
        Scenario base = withRun(ScenarioLoader.load(file), replications, seed);
        SystemGraph.of(base); // a broken base is reported before any variant is built
        List<String> known = base.reportedMeasures().stream().map(org.pacesim.scenario.MeasureSpec::name).toList();
        if (!known.contains(measure)) {
            throw new org.pacesim.scenario.InvalidInputException(org.pacesim.scenario.Location.of("command line"),
                    "--measure", "the scenario has no measure '" + measure + "'",
                    org.pacesim.scenario.Names.hint(measure, known, "measure"));
        }
        List<Lever> levers = levers(base, amount);
        // Build every variant first, so that a variant that cannot be built is reported before hours of running.
        List<Scenario[]> variants = new ArrayList<>();
        for (Lever l : levers) {
            variants.add(new Scenario[] {
                    l.low() == null ? null : withRun(ScenarioLoader.load(file, List.of(l.low())), replications, seed),
                    l.high() == null ? null : withRun(ScenarioLoader.load(file, List.of(l.high())), replications, seed)});
        }
        int planned = 1 + (int) variants.stream().flatMap(v -> java.util.Arrays.stream(v)).filter(v -> v != null).count();
        int[] done = {0};
        ScenarioResults.Prepared bp = ScenarioResults.Prepared.of(base);
        long b0 = System.nanoTime();
        ScenarioResults baseRun = ScenarioResults.of(bp, results(source.run(bp.model(), 0, replications, threads, null,
                Detail.NONE)), threads, (System.nanoTime() - b0) / 1e9);
        if (progress != null) progress.update(++done[0], planned);
        int m = baseRun.layout().measures().indexOf(measure);
        double[] baseColumn = Comparison.measureColumn(baseRun.replications(), m, statistic);
        List<Effect> effects = new ArrayList<>();
        for (int i = 0; i < levers.size(); i++) {
            Comparison.Difference[] d = new Comparison.Difference[2];
            List<List<Caveats.Caveat>> caveats = new ArrayList<>(List.of(List.of(), List.of()));
            for (int side = 0; side < 2; side++) {
                Scenario v = variants.get(i)[side];
                if (v == null) continue;
                ScenarioResults.Prepared p = ScenarioResults.Prepared.of(v);
                long t0 = System.nanoTime();
                List<ReplicationResult> rs = results(source.run(p.model(), 0, replications, threads, null, Detail.NONE));
                // Summarised like any run, so that an overloaded or heavily censored setting is known as such.
                caveats.set(side, Caveats.of(ScenarioResults.of(p, rs, threads, (System.nanoTime() - t0) / 1e9)));
                int vm = p.model().layout().measures().indexOf(measure);
                d[side] = Comparison.paired(levers.get(i).name(), base.name(), measure, statistic, baseColumn,
                        Comparison.measureColumn(rs, vm, statistic));
                if (progress != null) progress.update(++done[0], planned);
            }
            effects.add(new Effect(levers.get(i), d[0], d[1], caveats.get(0), caveats.get(1)));
        }
        effects.sort(Comparator.comparingDouble(Effect::size).reversed());
        return new Results(baseRun, measure, statistic, amount, List.copyOf(effects));
    }

    private static List<ReplicationResult> results(List<ScenarioRun.Completed> completed) {
        return completed.stream().map(ScenarioRun.Completed::result).toList();
    }

    private static Scenario withRun(Scenario s, int replications, Long seed) {
        return s.withRun(s.run().with(replications, seed));
    }
}
