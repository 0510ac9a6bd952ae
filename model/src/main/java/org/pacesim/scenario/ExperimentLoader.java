package org.pacesim.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an experiment file with the same care as a scenario file: every problem with its place, all at once.
 *
 * <pre>
 * name: PACE tests of change
 * baseline: ../scenarios/baseline-la.yaml
 * scenarios: [../scenarios/remove-ratifying-lar.yaml]
 * replications: 200
 * seed: 20130101
 * run: {horizon: 10y, warmup: 3y}
 * compare:
 *   measures: [time_to_permanence, aim2, aim3]
 *   statistics: [mean, median, p90, within_target]
 *   main: {measure: time_to_permanence, statistic: median}
 * charts: [cumulative, distribution, aims]
 * changes_from: 2029-04-01       # every intervention's changes take effect then (needs run.start)
 * run_chart: {main: {measure: aim2, statistic: median}, within: 6}
 * </pre>
 */
public final class ExperimentLoader {
    private ExperimentLoader() {}

    /** Loads and checks an experiment file (the scenario files are loaded later, by the runner). */
    public static ExperimentSpec load(Path file) {
        YamlNode root = YamlLoader.load(file, file.toString());
        Problems problems = new Problems();
        Fields f = new Fields(root, "", problems);
        f.allow("name", "description", "baseline", "scenarios", "replications", "seed", "run", "compare", "charts",
                "uncertainty", "changes_from", "run_chart");
        problems.throwIfAny();
        String name = f.requiredText("name", "name the experiment, e.g. name: PACE tests of change");
        Path dir = file.toAbsolutePath().getParent();
        List<String> scenarios = new ArrayList<>();
        String baseline = f.requiredText("baseline", "the scenario the others are compared with, e.g. baseline: "
                + "../scenarios/baseline-la.yaml");
        if (baseline != null) scenarios.add(scenarioPath(file, dir, baseline, f.node("baseline").at(), problems));
        if (!(f.node("scenarios") instanceof YamlNode.Seq list) || list.items().isEmpty()) {
            f.missing("scenarios", "list the scenario files to compare with the baseline, e.g. scenarios: "
                    + "[../scenarios/remove-ratifying-lar.yaml]");
        } else {
            for (YamlNode item : list.items()) {
                String s = item instanceof YamlNode.Scalar sc ? sc.text() : null;
                if (s == null) {
                    problems.add(item.at(), "scenarios", "expected a file name, found " + item.describe(),
                            "list scenario files, one per item");
                    continue;
                }
                String p = scenarioPath(file, dir, s, item.at(), problems);
                if (scenarios.contains(p)) {
                    problems.add(item.at(), "scenarios", "'" + s + "' is listed twice (or is the baseline)", "list it once");
                }
                scenarios.add(p);
            }
        }
        int replications = (int) f.whole("replications", 0, 1, RunSettings.MAX_REPLICATIONS,
                "a whole number of replications, e.g. 200");
        long seed = f.whole("seed", 0, 1, RunSettings.MAX_SEED, RunSettings.SEED_HELP);
        double horizon = Double.NaN;
        double warmup = Double.NaN;
        double followUp = Double.NaN;
        java.time.LocalDate start = null;
        if (f.has("run")) {
            Fields r = new Fields(f.node("run"), "run", problems);
            r.allow("horizon", "warmup", "follow_up", "start");
            if (r.has("start")) start = Values.date(r.node("start"), "run.start", problems);
            horizon = r.duration("horizon", Double.NaN, true);
            warmup = r.duration("warmup", Double.NaN, false);
            followUp = r.duration("follow_up", Double.NaN, false);
            if (!Double.isNaN(horizon) && !Double.isNaN(warmup) && warmup >= horizon) {
                r.bad("warmup", "the warm-up must end before the horizon", "shorten the warm-up or lengthen the horizon");
            }
        }
        List<String> measures = List.of();
        List<MeasureStat> statistics = ExperimentSpec.DEFAULT_STATISTICS;
        String mainMeasure = MeasureSpec.TIME_TO_PERMANENCE;
        MeasureStat mainStatistic = MeasureStat.MEDIAN;
        Location measuresAt = f.at();
        Location mainAt = f.at();
        if (f.has("compare")) {
            Fields c = new Fields(f.node("compare"), "compare", problems);
            c.allow("measures", "statistics", "main");
            if (c.has("measures")) {
                measuresAt = c.node("measures").at();
                measures = names(c.node("measures"), "compare.measures", problems);
            }
            if (c.has("statistics")) {
                statistics = new ArrayList<>();
                for (String s : names(c.node("statistics"), "compare.statistics", problems)) {
                    if (MeasureStat.of(s) == null) {
                        c.bad("statistics", "unknown statistic '" + s + "'",
                                Names.hint(s, MeasureStat.keys(), "statistic"));
                    } else {
                        statistics.add(MeasureStat.of(s));
                    }
                }
            }
            if (c.has("main")) {
                Fields m = new Fields(c.node("main"), "compare.main", problems);
                m.allow("measure", "statistic");
                mainAt = m.at();
                mainMeasure = m.text("measure", mainMeasure);
                String written = m.text("statistic", mainStatistic.key());
                if (MeasureStat.of(written) == null) {
                    m.bad("statistic", "unknown statistic '" + written + "'",
                            Names.hint(written, MeasureStat.keys(), "statistic"));
                } else {
                    mainStatistic = MeasureStat.of(written);
                }
            }
        }
        List<String> charts = ExperimentSpec.CHARTS;
        if (f.has("charts")) {
            charts = names(f.node("charts"), "charts", problems);
            for (String ch : charts) {
                if (!ExperimentSpec.CHARTS.contains(ch)) {
                    f.bad("charts", "unknown chart '" + ch + "'", Names.hint(ch, ExperimentSpec.CHARTS, "chart"));
                }
            }
        }
        ChangeDate changesFrom = f.has("changes_from") ? Dating.read(f, "changes_from", problems) : null;
        if (changesFrom != null && changesFrom.date() != null && start != null) {
            // Counted from the experiment's start, so that scenarios without a start of their own can take it.
            changesFrom = new ChangeDate(null, changesFrom.day(start), changesFrom.at());
        }
        RunChartSpec runChart = f.has("run_chart") ? RunChartReader.read(f.node("run_chart"), problems) : null;
        problems.throwIfAny();
        return new ExperimentSpec(name, f.text("description", ""), file.toString(), List.copyOf(scenarios),
                replications, seed, horizon, warmup, followUp, List.copyOf(measures), List.copyOf(statistics),
                mainMeasure, mainStatistic, List.copyOf(charts), List.of(measuresAt, mainAt), start, changesFrom,
                runChart);
    }

    /**
     * The experiment's {@code uncertainty:} block (see {@link UncertaintySpec}), or else the baseline scenario's
     * (written there or in a file it extends), or null when neither has one.
     */
    public static UncertaintySpec uncertainty(ExperimentSpec spec) {
        Path file = Path.of(spec.file());
        YamlNode root = YamlLoader.load(file, spec.file());
        YamlNode block = root instanceof YamlNode.Map m ? m.get("uncertainty") : null;
        if (block == null) return ScenarioLoader.uncertainty(Path.of(spec.scenarios().get(0)));
        Problems problems = new Problems();
        UncertaintySpec u = UncertaintyReader.read(block, problems);
        problems.throwIfAny();
        return u;
    }

    private static String scenarioPath(Path file, Path dir, String name, Location at, Problems problems) {
        Path p = dir.resolve(name).normalize();
        if (!Files.isRegularFile(p)) {
            String near = Names.file(name, p);
            problems.add(at, "scenarios", "cannot find the scenario file '" + name + "' (looked for " + p + ")",
                    near != null ? near : "name a scenario file relative to this experiment file");
        }
        // Show paths relative to where the user is, as they would type them.
        Path shown = file.getParent() == null ? Path.of(name) : file.getParent().resolve(name).normalize();
        return shown.toString();
    }

    private static List<String> names(YamlNode n, String path, Problems problems) {
        List<String> out = new ArrayList<>();
        if (n instanceof YamlNode.Seq s) {
            for (YamlNode item : s.items()) {
                if (item instanceof YamlNode.Scalar sc && sc.text() != null) out.add(sc.text());
                else problems.add(item.at(), path, "expected a name, found " + item.describe(), "list names, one per item");
            }
        } else if (n instanceof YamlNode.Scalar sc && sc.text() != null) {
            out.add(sc.text());
        } else {
            problems.add(n.at(), path, "expected a list of names", "e.g. [time_to_permanence, aim2]");
        }
        return out;
    }
}
