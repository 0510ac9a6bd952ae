package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;

import org.pacesim.scenario.MeasureSpec;
import org.pacesim.scenario.RunChartSpec;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.MonthlyPoints;
import org.pacesim.stats.ReplicationDetail;
import org.pacesim.stats.RunChart;
import org.pacesim.stats.RunChartRules;

/**
 * The run charts of an experiment: for each scenario and each series asked for, the monthly points of every
 * replication and how often the run-chart rules signal an improvement after the change. A scenario without a dated
 * change (the baseline) is read against the date of the others' changes: what a site that changed nothing would see.
 */
public final class RunCharts {
    private RunCharts() {}

    /**
     * One scenario's run charts.
     *
     * @param scenario  the scenario
     * @param changed   whether it has a dated change (else it is read against the others' date)
     * @param changeDay the day of the change
     * @param charts    one per series, in the order asked for
     */
    public record Charted(Scenario scenario, boolean changed, double changeDay, List<RunChart> charts) {
        /** The chart of a series, or null. */
        public RunChart chart(String measure, MeasureStat statistic) {
            for (RunChart c : charts) {
                if (c.series().measure().equals(measure) && c.series().statistic() == statistic) return c;
            }
            return null;
        }
    }

    /**
     * The run charts of an experiment's runs, or an empty list when it asks for none, or none of its scenarios has a
     * dated change to read them against, or the runs did not gather each month's points.
     */
    public static List<Charted> of(Experiment.Results r) {
        RunChartSpec spec = r.spec().runChart();
        if (spec == null || r.runs().stream().anyMatch(run -> !run.hasDetail())) return List.of();
        double common = Double.NaN;
        for (ScenarioResults run : r.runs()) {
            double day = run.scenario().changeDay();
            if (!Double.isNaN(day)) {
                common = day;
                break;
            }
        }
        if (Double.isNaN(common)) return List.of();
        RunChartRules rules = new RunChartRules(spec.baselineMonths(), spec.shift(), spec.trend(), spec.astronomical());
        List<String> measures = measures(r, spec);
        List<Charted> out = new ArrayList<>();
        for (ScenarioResults run : r.runs()) {
            Scenario s = run.scenario();
            boolean changed = !Double.isNaN(s.changeDay());
            double day = changed ? s.changeDay() : common;
            List<MonthlyPoints> points = run.details().stream().map(ReplicationDetail::months).toList();
            List<RunChart> charts = new ArrayList<>();
            List<MonthlyPoints.Series> series = points.get(0).series();
            for (String m : measures) {
                for (int k = 0; k < series.size(); k++) {
                    if (series.get(k).measure().equals(m)) {
                        charts.add(RunChart.of(points, k, day, s.run().warmup(), s.run().horizon(), rules));
                    }
                }
            }
            out.add(new Charted(s, changed, day, List.copyOf(charts)));
        }
        return List.copyOf(out);
    }

    /** The measures charted: those asked for, else the main measure and every measure with a target. */
    static List<String> measures(Experiment.Results r, RunChartSpec spec) {
        if (!spec.measures().isEmpty()) return spec.measures();
        List<String> out = new ArrayList<>();
        out.add(mainMeasure(r));
        for (MeasureSpec m : r.runs().get(0).scenario().measures().values()) {
            if (!Double.isNaN(m.target()) && !out.contains(m.name())) out.add(m.name());
        }
        return out;
    }

    /** The measure of the findings' sentence. */
    public static String mainMeasure(Experiment.Results r) {
        String m = r.spec().runChart().mainMeasure();
        return m != null ? m : r.spec().mainMeasure();
    }

    /** The statistic of the findings' sentence. */
    public static MeasureStat mainStatistic(Experiment.Results r) {
        return r.spec().runChart().mainStatistic();
    }
}
