package org.pacesim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pacesim.experiment.Caveats;
import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.Labels;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.Scenario;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.Summary;

/**
 * The compact table an experiment's findings lead with, in findings.md, report.html and the terminal: a row per
 * scenario (the baseline first, then by effect on the main statistic), a column per main measure (the main
 * statistic, then the share within target of each PACE aim); each cell the scenario's level and, for an
 * intervention, its paired difference from the baseline with the 95% CI.
 */
final class KeyFigures {
    /**
     * A column: a measure's statistic.
     *
     * @param measure   the measure's name
     * @param statistic the statistic
     * @param heading   the column's heading
     */
    record Column(String measure, MeasureStat statistic, String heading) {}

    private final Experiment.Results results;
    private final List<ScenarioResults> ranked;
    private final List<Column> columns;

    KeyFigures(Experiment.Results results, List<ScenarioResults> ranked) {
        this.results = results;
        this.ranked = ranked;
        this.columns = columns(results);
    }

    /**
     * The main statistic of the main measure, then each aim's share within target (measures named aim and a number)
     * that some scenario changes clearly.
     */
    static List<Column> columns(Experiment.Results r) {
        ScenarioResults base = r.runs().get(0);
        Scenario s = base.scenario();
        List<Column> out = new ArrayList<>();
        MeasureStat main = r.spec().mainStatistic();
        out.add(new Column(r.spec().mainMeasure(), main, capital(Findings.phrase(s, main, r.spec().mainMeasure())
                .replaceFirst("^the ", "")) + (main.isDuration() ? " (weeks)" : "")));
        List<String> measures = base.layout().measures();
        double[] targets = base.layout().targets();
        for (int i = 0; i < measures.size(); i++) {
            String m = measures.get(i);
            boolean changed = r.differences().stream().anyMatch(d -> d.measure().equals(m)
                    && d.statistic() == MeasureStat.WITHIN_TARGET && d.clear());
            // An aim no scenario changes is one line in the findings, not a column of zeros.
            if (m.matches("aim\\d+") && !Double.isNaN(targets[i]) && !m.equals(r.spec().mainMeasure()) && changed) {
                out.add(new Column(m, MeasureStat.WITHIN_TARGET, Labels.measure(s, m) + " within "
                        + Durations.format(targets[i])));
            }
        }
        return out;
    }

    List<Column> columns() {
        return columns;
    }

    /** The table in markdown: differences whose interval excludes zero in bold, flagged scenarios marked. */
    String markdown() {
        StringBuilder sb = new StringBuilder("| Scenario |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Column c : columns) {
            sb.append(' ').append(c.heading()).append(" |");
            rule.append("---:|");
        }
        sb.append('\n').append(rule).append('\n');
        for (String[] row : rows(true)) sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        return sb.toString();
    }

    /** The table as plain text for the terminal. */
    String text() {
        String[] header = new String[columns.size() + 1];
        header[0] = "scenario";
        for (int i = 0; i < columns.size(); i++) header[i + 1] = columns.get(i).heading();
        TerminalReport.Table t = new TerminalReport.Table(header);
        for (String[] row : rows(false)) t.add(row);
        return t.toString();
    }

    private List<String[]> rows(boolean markdown) {
        List<String[]> out = new ArrayList<>();
        for (ScenarioResults run : ranked) {
            String[] row = new String[columns.size() + 1];
            String name = run.name();
            boolean baseline = run == results.runs().get(0);
            String flag = Caveats.flag(run);
            row[0] = (baseline ? "Baseline: " : "") + name + (flag.isEmpty() ? "" : " [" + flag.toUpperCase(Locale.ROOT)
                    + ": not a finding]");
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                String level = level(Findings.estimate(run, c.measure(), c.statistic()), c.statistic());
                Comparison.Difference d = baseline ? null : results.difference(name, c.measure(), c.statistic());
                row[i + 1] = d == null ? level : level + " (" + difference(d, c.statistic(), markdown) + ")";
            }
            out.add(row);
        }
        return out;
    }

    /** A level as the table shows it: weeks to one decimal, a share as a whole percentage. */
    static String level(Summary.Estimate e, MeasureStat s) {
        if (e == null || Double.isNaN(e.mean())) return "-";
        if (s == MeasureStat.WITHIN_TARGET) return String.format(Locale.ROOT, "%.0f%%", e.mean() * 100);
        if (s.isDuration()) return String.format(Locale.ROOT, "%.1f", e.mean() / Durations.WEEK);
        return String.format(Locale.ROOT, "%.1f", e.mean());
    }

    /** "-47.0; -48.6 to -45.5", with the figure in bold in markdown when clear; "0" when identical throughout. */
    private static String difference(Comparison.Difference d, MeasureStat s, boolean markdown) {
        Summary.Estimate e = d.difference();
        if (e.mean() == 0 && e.halfWidth() == 0) return "0";
        double scale = s.readingScale();
        String mean = Findings.signed(e.mean() * scale);
        // (clear, but too small to show at one decimal: not bold, as the paragraphs leave it out)
        if (markdown && d.clear() && !Findings.number(Math.abs(e.mean()) * scale).equals("0.0")) mean = "**" + mean + "**";
        String low = Findings.number(e.low() * scale);
        String high = Findings.number(e.high() * scale);
        // An interval that is zero at the precision shown says no more than the figure.
        if (Double.isNaN(e.low()) || low.equals("0.0") && high.equals("0.0")) return mean;
        return mean + "; " + low + " to " + high;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
