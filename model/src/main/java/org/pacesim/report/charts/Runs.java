package org.pacesim.report.charts;

import org.pacesim.scenario.MeasureSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.Labels;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.RunSettings;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.Summary;

/**
 * The scenarios a set of charts is drawn from: the baseline first, then the others ranked by their effect on the
 * main statistic (as in findings.md), which is the order every chart with a row per scenario uses, so that a
 * reader's eye finds the same scenario in the same place throughout.
 */
public final class Runs {
    private final List<ScenarioResults> ranked;
    private final Experiment.Results experiment;
    private final String name;

    private Runs(List<ScenarioResults> ranked, Experiment.Results experiment, String name) {
        this.ranked = ranked;
        this.experiment = experiment;
        this.name = name;
    }

    /** An experiment's scenarios. */
    public static Runs of(Experiment.Results r) {
        List<ScenarioResults> others = new ArrayList<>(r.runs().subList(1, r.runs().size()));
        others.sort(Comparator.comparingDouble(run -> {
            Comparison.Difference d = r.difference(run.name(), r.spec().mainMeasure(),
                    r.spec().mainStatistic());
            return d == null || Double.isNaN(d.difference().mean()) ? Double.POSITIVE_INFINITY : d.difference().mean();
        }));
        List<ScenarioResults> ranked = new ArrayList<>();
        ranked.add(r.runs().get(0));
        ranked.addAll(others);
        return new Runs(List.copyOf(ranked), r, r.spec().name());
    }

    /** One scenario on its own ({@code pace run}). */
    public static Runs of(ScenarioResults run) {
        return new Runs(List.of(run), null, run.name());
    }

    /** A stage's name as people read it: its label in the first scenario (baseline first) that has the stage. */
    String stage(String name) {
        for (ScenarioResults r : ranked) {
            if (r.scenario().stages().containsKey(name)) return Labels.stage(r.scenario(), name);
        }
        return Labels.readable(name);
    }

    /** A measure's name as people read it, by the baseline's label. */
    String measure(String name) {
        return Labels.measure(baseline().scenario(), name);
    }

    /** Baseline first, then the others by effect (largest reduction first). */
    public List<ScenarioResults> ranked() {
        return ranked;
    }

    /** The baseline. */
    public ScenarioResults baseline() {
        return ranked.get(0);
    }

    /** The scenario with the largest effect on the main statistic, or null when there is only one scenario. */
    ScenarioResults main() {
        return ranked.size() > 1 ? ranked.get(1) : null;
    }

    /** The experiment, or null for a single run. */
    Experiment.Results experiment() {
        return experiment;
    }

    static String name(ScenarioResults r) {
        return r.name();
    }

    /** Whether the charts may use the detail gathered during the runs. */
    boolean hasDetail() {
        return ranked.stream().allMatch(ScenarioResults::hasDetail);
    }

    /** Position of a scenario among the ranked ones (0: baseline), fixing its line style in every chart. */
    int styleIndex(ScenarioResults r) {
        for (int i = 0; i < ranked.size(); i++) if (ranked.get(i) == r) return i;
        return -1;
    }

    /** A measure's statistic across replications (mean and CI), or null when the scenario has no such measure. */
    static Summary.Estimate stat(ScenarioResults r, String measure, MeasureStat statistic) {
        for (Summary.MeasureRow row : r.summary().measures()) {
            if (row.measure().equals(measure) && row.statistic() == statistic) return row.estimate();
        }
        return null;
    }

    /** The mean of a measure's statistic over replications, NaN when absent. */
    static double mean(ScenarioResults r, String measure, MeasureStat statistic) {
        Summary.Estimate e = stat(r, measure, statistic);
        return e == null ? Double.NaN : e.mean();
    }

    /**
     * The PACE aims among the baseline's measures: those named {@code aim} and a number (Aim 1 to Aim 4), or,
     * for a scenario without them, the measures with a target; at most {@code max}.
     */
    List<String> aims(int max) {
        List<String> measures = baseline().layout().measures();
        double[] targets = baseline().layout().targets();
        List<String> aims = new ArrayList<>(measures.stream().filter(m -> m.matches("aim\\d+")).toList());
        if (aims.isEmpty()) {
            for (int i = 0; i < measures.size(); i++) {
                if (!Double.isNaN(targets[i]) && !measures.get(i).startsWith(MeasureSpec.CASELOAD)) aims.add(measures.get(i));
            }
        }
        return aims.subList(0, Math.min(max, aims.size()));
    }

    /** A measure's target in days, NaN when none. */
    double target(String measure) {
        int i = baseline().layout().measures().indexOf(measure);
        return i < 0 ? Double.NaN : baseline().layout().targets()[i];
    }

    /** What was run, for every figure's subtitle. */
    String subtitle() {
        RunSettings run = baseline().scenario().run();
        int reps = baseline().replications().size();
        String cohort = String.format(Locale.ROOT, "cohort: children entering in years %s to %s",
                trim(run.warmup() / Durations.YEAR), trim(run.horizon() / Durations.YEAR));
        if (ranked.size() == 1) {
            return String.format(Locale.ROOT, "%s \u00b7 %d replications, seed %d \u00b7 %s", name, reps, run.seed(),
                    cohort);
        }
        return String.format(Locale.ROOT, "%s: %s and %d other scenario%s \u00b7 %d replications each, seed %d, common"
                + " random numbers \u00b7 %s", name, name(baseline()), ranked.size() - 1, ranked.size() == 2 ? "" : "s",
                reps, run.seed(), cohort);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
