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
    /**
     * How many scenarios besides the baseline a line chart tells apart by colour: with more, lines of repeated
     * colours could not be told apart, so only the scenarios with the largest effects keep a colour.
     */
    static final int COLOURED = 4;

    private final List<ScenarioResults> ranked;
    private final Experiment.Results experiment;
    private final String name;
    /** Per ranked scenario, its place among those drawn in colour (0: the baseline), or -1 when drawn grey. */
    private final int[] colour;

    private Runs(List<ScenarioResults> ranked, Experiment.Results experiment, String name, int[] colour) {
        this.ranked = ranked;
        this.experiment = experiment;
        this.name = name;
        this.colour = colour;
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
        double[] size = new double[ranked.size()];
        for (int i = 1; i < ranked.size(); i++) {
            Comparison.Difference d = r.difference(ranked.get(i).name(), r.spec().mainMeasure(), r.spec().mainStatistic());
            size[i] = d == null || Double.isNaN(d.difference().mean()) ? -1 : Math.abs(d.difference().mean());
        }
        return new Runs(List.copyOf(ranked), r, r.spec().name(), colours(size));
    }

    /** One scenario on its own ({@code pace run}). */
    public static Runs of(ScenarioResults run) {
        return new Runs(List.of(run), null, run.name(), new int[] {0});
    }

    /**
     * Which scenarios keep a colour: all of them when there are few; otherwise the baseline, the first ranked (the
     * one every title names) and the others with the largest effects on the main statistic, in ranked order.
     *
     * @param size per ranked scenario, the size of its effect (-1 when it has none)
     */
    static int[] colours(double[] size) {
        int[] colour = new int[size.length];
        List<Integer> byEffect = new ArrayList<>();
        for (int i = 2; i < size.length; i++) byEffect.add(i);
        byEffect.sort((a, b) -> Double.compare(size[b], size[a]));
        java.util.Set<Integer> kept = new java.util.HashSet<>(byEffect.subList(0, Math.min(COLOURED - 1, byEffect.size())));
        int next = 1;
        for (int i = 1; i < size.length; i++) colour[i] = i == 1 || kept.contains(i) ? next++ : -1;
        return colour;
    }

    /** How a scenario's line is drawn in every line chart: its colour, or grey when it is not among those kept. */
    Palette.Line line(int i) {
        return colour[i] < 0 ? Palette.OTHER : Palette.scenario(colour[i]);
    }

    /** Whether a scenario is drawn grey, its effect too small to keep a colour of its own. */
    boolean greyed(int i) {
        return colour[i] < 0;
    }

    /** How many scenarios are drawn grey. */
    int greyedCount() {
        int n = 0;
        for (int c : colour) if (c < 0) n++;
        return n;
    }

    /** The legend's entry for the grey lines, e.g. "9 other scenarios (smaller effects on the median time ...)". */
    String greyedLabel() {
        int n = greyedCount();
        String what = experiment == null ? "" : " on " + experiment.spec().mainStatistic().phrase(baseline().scenario(),
                experiment.spec().mainMeasure());
        return n + " other scenario" + (n == 1 ? "" : "s") + " (smaller effects" + what + ")";
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
