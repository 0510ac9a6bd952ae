package org.pacesim.report;

import java.util.List;
import java.util.Locale;

import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.RunCharts;
import org.pacesim.scenario.Labels;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.MonthlyPoints;
import org.pacesim.stats.RunChart;
import org.pacesim.stats.RunChartRules;

/**
 * The run-chart files: runchart.csv (each month's point over replications), runchart-replications.csv (every
 * replication's points, for analysis) and signals.csv (how often each rule signals an improvement by each month after
 * the change), and the sentence the findings give. Only monthly figures are written, never a child's dates; a month
 * with fewer than five children has no point, and its count is shown as {@code <5}.
 */
public final class RunChartFiles {
    private RunChartFiles() {}

    /** runchart.csv: the mean and the 5th and 95th percentiles of each month's point over the replications. */
    public static String runchartCsv(List<RunCharts.Charted> all) {
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "measure", "statistic", "month", "month_start", "mean",
                "p05", "p95", "replications"));
        for (RunCharts.Charted c : all) {
            for (RunChart chart : c.charts()) {
                for (int k = 0; k < chart.months(); k++) {
                    double[] s = chart.spread(k);
                    sb.append(Csv.row(Csv.text(c.scenario().name()), Csv.text(chart.series().measure()),
                            chart.series().statistic().key(), chart.firstMonth().plusMonths(k).toString(),
                            chart.firstMonth().plusMonths(k).atDay(1).toString(), Csv.number(s[0]), Csv.number(s[1]),
                            Csv.number(s[2]), String.valueOf((int) s[3])));
                }
            }
        }
        return sb.toString();
    }

    /** runchart-replications.csv: every replication's monthly points and the children behind each. */
    public static String replicationsCsv(List<RunCharts.Charted> all) {
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "measure", "statistic", "replication", "month", "value",
                "n"));
        for (RunCharts.Charted c : all) {
            String name = Csv.text(c.scenario().name());
            for (RunChart chart : c.charts()) {
                String head = name + "," + Csv.text(chart.series().measure()) + "," + chart.series().statistic().key();
                for (int r = 0; r < chart.points().length; r++) {
                    for (int k = 0; k < chart.months(); k++) {
                        int n = chart.children()[r][k];
                        String count = n > 0 && n < MonthlyPoints.MIN_CHILDREN ? "<" + MonthlyPoints.MIN_CHILDREN
                                : String.valueOf(n);
                        sb.append(head).append(',').append(r).append(',').append(chart.firstMonth().plusMonths(k))
                                .append(',');
                        Csv.number(sb, chart.points()[r][k]).append(',').append(count).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * signals.csv: per rule, the share of replications in which it signalled an improvement by each month after the
     * change, with exact 95% intervals; {@code months_after_change = -1} is the baseline period (a false signal).
     */
    public static String signalsCsv(List<RunCharts.Charted> all) {
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "measure", "statistic", "rule", "months_after_change",
                "detected_share", "ci_low", "ci_high"));
        for (RunCharts.Charted c : all) {
            for (RunChart chart : c.charts()) {
                for (RunChartRules.Rule rule : RunChartRules.Rule.values()) {
                    for (RunChart.Share s : chart.detection(rule)) {
                        sb.append(Csv.row(Csv.text(c.scenario().name()), Csv.text(chart.series().measure()),
                                chart.series().statistic().key(), rule.key(), String.valueOf(s.monthsAfter()),
                                Csv.number(s.share()), Csv.number(s.low()), Csv.number(s.high())));
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * The findings' sentences, one per changed scenario: how often a site making the change would see a shift on its
     * run chart of the main series within the months asked for, and how often one appears with no change. Null when
     * there are no run charts.
     */
    public static String sentences(Experiment.Results r, List<RunCharts.Charted> all) {
        if (all.isEmpty()) return null;
        String measure = RunCharts.mainMeasure(r);
        MeasureStat stat = RunCharts.mainStatistic(r);
        int within = r.spec().runChart().within();
        RunChart.Share none = null;
        for (RunCharts.Charted c : all) {
            RunChart chart = c.chart(measure, stat);
            if (!c.changed() && chart != null) none = at(chart.detection(RunChartRules.Rule.SHIFT), within);
        }
        StringBuilder sb = new StringBuilder();
        for (RunCharts.Charted c : all) {
            RunChart chart = c.chart(measure, stat);
            if (!c.changed() || chart == null) continue;
            RunChart.Share s = at(chart.detection(RunChartRules.Rule.SHIFT), within);
            String label = Labels.inSentence(Labels.measure(c.scenario(), measure))
                    + (stat == MeasureStat.WITHIN_TARGET ? " (share within target)" : " (median)");
            sb.append("- ").append(c.scenario().name()).append(": ");
            if (s == null || s.replications() == 0) {
                sb.append("too few baseline months with five or more children to freeze a median on.\n");
                continue;
            }
            sb.append(String.format(Locale.ROOT, "a site making this change would see a shift on its %s run chart"
                    + " within %d months in %s of cases (95%% CI %s to %s)", label, within, pct(s.share()),
                    pct(s.low()).replace("%", ""), pct(s.high())));
            if (none != null && none.replications() > 0) {
                sb.append(String.format(Locale.ROOT, "; with no change, a false shift appears within the same time in"
                        + " %s (95%% CI %s to %s)", pct(none.share()), pct(none.low()).replace("%", ""),
                        pct(none.high())));
            }
            if (s.replications() < chart.points().length) {
                sb.append(String.format(Locale.ROOT, " (in the %d of %d replications with %d or more baseline months of"
                        + " %d or more children)", s.replications(), chart.points().length,
                        chart.rules().baselineMonths(), MonthlyPoints.MIN_CHILDREN));
            }
            sb.append(".\n");
        }
        return sb.toString();
    }

    /** The share by month {@code k} after the change (the last month there is, if fewer). */
    private static RunChart.Share at(List<RunChart.Share> shares, int k) {
        return shares.size() <= 1 ? null : shares.get(Math.min(k, shares.size() - 1));
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
