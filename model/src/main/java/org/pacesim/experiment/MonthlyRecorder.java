package org.pacesim.experiment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pacesim.engine.Model;
import org.pacesim.records.RecordsWriter;
import org.pacesim.scenario.MeasureSpec;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.MonthlyPoints;
import org.pacesim.stats.Quantiles;

/**
 * Gathers one replication's run-chart points: each child's value of each measure, by the calendar month its end
 * milestone fell in, whenever the child arrived (a site counts everyone who reached the milestone that month).
 * Months are counted from {@code run.start} (or the records' default start date without one) to the horizon.
 */
final class MonthlyRecorder {
    private final Model model;
    private final int measures;
    private final double[] targets;
    private final double horizon;
    private final double[] monthStart;
    /**
     * The month holding each whole day from day 0 to the horizon: months begin on whole days, so a time's month is
     * its day's, found without a search.
     */
    private final int[] monthOfDay;
    private final YearMonth firstMonth;
    private final double[][][] values;   // [measure][month] -> values, grown as needed
    private final int[][] counts;        // [measure][month]

    MonthlyRecorder(Model model) {
        this.model = model;
        List<MeasureSpec> own = List.copyOf(model.scenario().measures().values());
        this.measures = own.size();
        this.targets = own.stream().mapToDouble(MeasureSpec::target).toArray();
        LocalDate start = model.scenario().run().start() == null ? RecordsWriter.DEFAULT_START
                : model.scenario().run().start();
        this.firstMonth = YearMonth.from(start);
        List<Double> starts = new ArrayList<>();
        for (LocalDate m = start.withDayOfMonth(1); ; m = m.plusMonths(1)) {
            double day = ChronoUnit.DAYS.between(start, m);
            starts.add(day); // the last is where the month holding the horizon ends
            if (day >= model.scenario().run().horizon()) break;
        }
        this.monthStart = starts.stream().mapToDouble(Double::doubleValue).toArray();
        this.horizon = model.scenario().run().horizon();
        this.monthOfDay = new int[(int) horizon + 1];
        for (int d = 0; d < monthOfDay.length; d++) monthOfDay[d] = Math.max(0, MonthlyPoints.monthOf(monthStart, d));
        this.values = new double[measures][monthStart.length - 1][];
        this.counts = new int[measures][monthStart.length - 1];
    }

    /** Takes a child's milestones (any child: the cohort's, the caseload's, or one who came before the warm-up). */
    void add(int profile, double[] milestones) {
        for (int m = 0; m < measures; m++) {
            double end = model.measureEnd(m, milestones);
            if (!(end >= 0 && end < horizon)) continue; // also when the end was not reached (NaN)
            double v = model.measured(m, profile, milestones);
            if (Double.isNaN(v)) continue;
            int k = monthOfDay[(int) end];
            double[] list = values[m][k];
            if (list == null) list = values[m][k] = new double[8];
            else if (counts[m][k] == list.length) list = values[m][k] = Arrays.copyOf(list, list.length * 2);
            list[counts[m][k]++] = v;
        }
    }

    /** The points: the median of each month (and the share within target, for a measure with one). */
    MonthlyPoints finish() {
        List<String> names = List.copyOf(model.scenario().measures().keySet());
        List<MonthlyPoints.Series> series = new ArrayList<>();
        List<double[]> value = new ArrayList<>();
        List<int[]> children = new ArrayList<>();
        Quantiles q = new Quantiles();
        for (int m = 0; m < measures; m++) {
            double[] median = new double[counts[m].length];
            double[] within = new double[counts[m].length];
            for (int k = 0; k < counts[m].length; k++) {
                int n = counts[m][k];
                if (n < MonthlyPoints.MIN_CHILDREN) {
                    median[k] = within[k] = Double.NaN;
                    continue;
                }
                median[k] = q.of(values[m][k], n).at(50);
                int in = 0;
                for (int i = 0; i < n; i++) if (values[m][k][i] <= targets[m]) in++;
                within[k] = (double) in / n;
            }
            series.add(new MonthlyPoints.Series(names.get(m), MeasureStat.MEDIAN));
            value.add(median);
            children.add(counts[m]);
            if (Double.isNaN(targets[m])) continue;
            series.add(new MonthlyPoints.Series(names.get(m), MeasureStat.WITHIN_TARGET));
            value.add(within);
            children.add(counts[m]);
        }
        return new MonthlyPoints(MonthlyPoints.number(firstMonth), monthStart, List.copyOf(series), value.toArray(double[][]::new),
                children.toArray(int[][]::new));
    }
}
