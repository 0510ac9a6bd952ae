package org.pacesim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.RunSettings;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;
import org.pacesim.stats.Summary;

/** The readable summary printed after a run: measures and stages in weeks, with 95% confidence intervals. */
public final class TerminalReport {
    private TerminalReport() {}

    /** The text for one scenario's results. */
    public static String of(ScenarioResults r) {
        StringBuilder out = new StringBuilder();
        RunSettings run = r.scenario().run();
        List<ReplicationResult> reps = r.replications();
        double cohort = reps.stream().mapToLong(ReplicationResult::cohort).average().orElse(0);
        double censored = reps.stream().mapToLong(ReplicationResult::censored).average().orElse(0);
        out.append(r.name()).append('\n');
        out.append(String.format(Locale.ROOT, "%d replications, seed %d, %d thread%s, %.1f s, %,d events%n",
                reps.size(), run.seed(), r.threads(), r.threads() == 1 ? "" : "s", r.seconds(), r.events()));
        out.append(String.format(Locale.ROOT, "Cohort: children arriving from %s to %s (%.1f per replication),"
                + " followed for %.0f years after; still in the system then (censored): %.2f per replication%n%n",
                years(run.warmup()), years(run.horizon()), cohort, run.followUp() / Durations.YEAR, censored));

        Table m = new Table("measure (weeks)", "n/rep", "censored", "mean", "median", "p90", "within target");
        Map<String, Map<MeasureStat, Summary.Estimate>> byMeasure = new LinkedHashMap<>();
        for (Summary.MeasureRow row : r.summary().measures()) {
            byMeasure.computeIfAbsent(row.measure(), k -> new LinkedHashMap<>()).put(row.statistic(), row.estimate());
        }
        for (Map.Entry<String, Map<MeasureStat, Summary.Estimate>> e : byMeasure.entrySet()) {
            Map<MeasureStat, Summary.Estimate> s = e.getValue();
            Summary.Estimate within = s.get(MeasureStat.WITHIN_TARGET);
            m.add(e.getKey(), plain(s.get(MeasureStat.N).mean()), plain(s.get(MeasureStat.CENSORED).mean()),
                    weeks(s.get(MeasureStat.MEAN)), weeks(s.get(MeasureStat.MEDIAN)), weeks(s.get(MeasureStat.P90)),
                    within == null ? "" : percent(within));
        }
        out.append(m).append('\n');
        String clearance = CaseloadClearance.sentence(r);
        if (clearance != null) out.append("Today's caseload: ").append(clearance).append("\n\n");

        Table st = new Table("stage", "entries/year", "wait (weeks)", "time in stage (weeks)", "queue", "utilisation");
        Map<String, Map<StageStat, Summary.Estimate>> byStage = new LinkedHashMap<>();
        for (Summary.StageRow row : r.summary().stages()) {
            byStage.computeIfAbsent(row.stage(), k -> new LinkedHashMap<>()).put(row.statistic(), row.estimate());
        }
        for (Map.Entry<String, Map<StageStat, Summary.Estimate>> e : byStage.entrySet()) {
            Map<StageStat, Summary.Estimate> s = e.getValue();
            StageSpec.Kind kind = r.layout().stageKinds().get(r.layout().stages().indexOf(e.getKey()));
            boolean queues = kind.queues();
            st.add(e.getKey(), ci(s.get(StageStat.ENTRIES_PER_YEAR), 1), queues ? weeks(s.get(StageStat.WAIT_MEAN)) : "",
                    kind == StageSpec.Kind.EXIT ? "" : weeks(s.get(StageStat.TIME_IN_STAGE_MEAN)),
                    queues ? ci(s.get(StageStat.QUEUE_LENGTH_MEAN), 1) : "",
                    s.get(StageStat.UTILISATION) == null ? "" : percent(s.get(StageStat.UTILISATION)));
        }
        out.append(st).append('\n');

        Table o = new Table("outcome", "per year");
        for (Summary.OutcomeRow row : r.summary().outcomes()) o.add(row.outcome().label(), ci(row.estimate(), 1));
        out.append(o);
        for (String w : r.warnings()) out.append("warning: ").append(w).append('\n');
        return out.toString();
    }

    private static String years(double days) {
        double y = days / Durations.YEAR;
        return y == Math.rint(y) ? String.format(Locale.ROOT, "year %d", (long) y)
                : String.format(Locale.ROOT, "day %.0f", days);
    }

    private static String plain(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String weeks(Summary.Estimate e) {
        if (e == null || Double.isNaN(e.mean())) return "-";
        return ci(new Summary.Estimate(e.mean() / 7, e.low() / 7, e.high() / 7, e.replications()), 1);
    }

    private static String percent(Summary.Estimate e) {
        if (Double.isNaN(e.mean())) return "-";
        return ci(new Summary.Estimate(e.mean() * 100, e.low() * 100, e.high() * 100, e.replications()), 0) + "%";
    }

    private static String ci(Summary.Estimate e, int digits) {
        if (e == null || Double.isNaN(e.mean())) return "-";
        if (Double.isNaN(e.low())) return num(e.mean(), digits);
        return num(e.mean(), digits) + " (" + num(e.low(), digits) + " to " + num(e.high(), digits) + ")";
    }

    /** A number to the given digits, never "-0". */
    private static String num(double v, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        return s.matches("-0(\\.0+)?") ? s.substring(1) : s;
    }

    /** A plain text table with left-aligned first column and padded columns. */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        Table(String... header) {
            rows.add(header);
        }

        void add(String... cells) {
            rows.add(cells);
        }

        @Override
        public String toString() {
            int cols = rows.get(0).length;
            int[] w = new int[cols];
            for (String[] r : rows) for (int c = 0; c < cols; c++) w[c] = Math.max(w[c], r[c].length());
            StringBuilder sb = new StringBuilder();
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < cols; c++) {
                    line.append(c == 0 ? String.format("%-" + w[c] + "s", r[c]) : String.format("  %" + w[c] + "s", r[c]));
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
            return sb.toString();
        }
    }
}
