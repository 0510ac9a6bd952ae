package org.pacesim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pacesim.experiment.Caveats;
import org.pacesim.experiment.Sensitivity;
import org.pacesim.report.charts.Charts;
import org.pacesim.scenario.Durations;
import org.pacesim.stats.Comparison;

/**
 * The files of a sensitivity analysis: sensitivity.csv (tornado data), sensitivity.md, the base run's files, the
 * tornado chart and report.html.
 */
public final class SensitivityReport {
    private SensitivityReport() {}

    /** sensitivity.csv: one row per lever, ranked; differences in days (or a share), variant minus base. */
    public static String csv(Sensitivity.Results r) {
        StringBuilder sb = new StringBuilder(Csv.row("rank", "lever", "kind", "measure", "statistic", "base_value",
                "low_value", "high_value", "low_difference", "low_ci_low", "low_ci_high", "high_difference",
                "high_ci_low", "high_ci_high", "replications"));
        int rank = 1;
        for (Sensitivity.Effect e : r.effects()) {
            Sensitivity.Lever l = e.lever();
            sb.append(Csv.row(String.valueOf(rank++), Csv.text(l.name()), l.kind(), r.measure(), r.statistic().key(),
                    Csv.number(l.baseValue()), Csv.number(l.lowValue()), Csv.number(l.highValue()),
                    cell(e.low(), 0), cell(e.low(), 1), cell(e.low(), 2), cell(e.high(), 0), cell(e.high(), 1),
                    cell(e.high(), 2), String.valueOf(r.base().replications().size())));
        }
        return sb.toString();
    }

    private static String cell(Comparison.Difference d, int which) {
        if (d == null) return "";
        return Csv.number(which == 0 ? d.difference().mean() : which == 1 ? d.difference().low() : d.difference().high());
    }

    /** The ranked table in words and weeks. */
    public static String markdown(Sensitivity.Results r) {
        double scale = r.statistic().readingScale();
        String unit = r.statistic().differenceUnit();
        StringBuilder sb = new StringBuilder();
        sb.append("# Sensitivity: ").append(r.base().name()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Each lever moved down and up by %.0f%%, one at a time; effect on %s"
                + " (%s, variant minus base, mean of %d paired replications with 95%% CI). Largest effect first.%n%n",
                r.amount() * 100, r.measured(), unit, r.base().replications().size()));
        List<String> warnings = warnings(r);
        if (!warnings.isEmpty()) {
            sb.append("## Warnings\n\nThese settings overload the system or leave too many children waiting at the end"
                    + " of follow-up: their effects are not findings, and are marked in the table and the chart.\n\n");
            warnings.forEach(w -> sb.append("- ").append(w).append('\n'));
            sb.append('\n');
        }
        sb.append("| rank | lever | down | effect of down | up | effect of up |\n|---:|---|---:|---|---:|---|\n");
        int rank = 1;
        for (Sensitivity.Effect e : r.effects()) {
            Sensitivity.Lever l = e.lever();
            sb.append("| ").append(rank++).append(" | ").append(l.name()).append(" | ").append(value(l, l.lowValue()))
                    .append(" | ").append(effect(e.low(), scale)).append(flag(e.lowCaveats())).append(" | ")
                    .append(value(l, l.highValue())).append(" | ").append(effect(e.high(), scale))
                    .append(flag(e.highCaveats())).append(" |\n");
        }
        return sb.toString();
    }

    /** " **OVERLOADED: not a finding**" beside an effect whose setting has caveats, else nothing. */
    private static String flag(List<Caveats.Caveat> caveats) {
        String f = Caveats.flag(caveats);
        return f.isEmpty() ? "" : " **" + f.toUpperCase(Locale.ROOT) + ": not a finding**";
    }

    /**
     * Every setting whose figures are not findings, and why: the unchanged scenario's caveats, then each lever's
     * ("places per sitting of panel moved down to 2: panel: offered load 1.17 ..."). For the warnings before the
     * table and for run.json.
     */
    public static List<String> warnings(Sensitivity.Results r) {
        List<String> out = new ArrayList<>();
        for (Caveats.Caveat c : Caveats.of(r.base())) out.add("the unchanged scenario: " + c);
        for (Sensitivity.Effect e : r.effects()) {
            Sensitivity.Lever l = e.lever();
            for (Caveats.Caveat c : e.lowCaveats()) {
                out.add(l.name() + " moved down to " + value(l, l.lowValue()) + ": " + c);
            }
            for (Caveats.Caveat c : e.highCaveats()) {
                out.add(l.name() + " moved up to " + value(l, l.highValue()) + ": " + c);
            }
        }
        return out;
    }

    private static String value(Sensitivity.Lever l, double v) {
        if (Double.isNaN(v)) return "-";
        return switch (l.kind()) {
            case "duration" -> String.format(Locale.ROOT, "x%.2f", v);
            case "capacity" -> String.format(Locale.ROOT, "%.0f", v);
            case "sittings" -> "every " + Durations.format(Math.round(v * 10) / 10.0);
            default -> String.format(Locale.ROOT, "%.3f", v);
        };
    }

    private static String effect(Comparison.Difference d, double scale) {
        if (d == null) return "-";
        return String.format(Locale.ROOT, "%+.1f (%+.1f to %+.1f)", d.difference().mean() * scale,
                d.difference().low() * scale, d.difference().high() * scale);
    }

    /**
     * Writes the folder and moves it into place.
     *
     * @param partial why some replications are missing (a merge without some shards), or null; marks run.json
     */
    public static Path write(Sensitivity.Results r, ResultsFolder folder, List<String> command, Instant started,
                             String partial) throws IOException {
        List<org.pacesim.stats.ScenarioSummary> all = List.of(r.base().summary());
        folder.write("summary.csv", ResultFiles.summaryCsv(all));
        folder.write("stages.csv", ResultFiles.stagesCsv(all));
        folder.write("outcomes.csv", ResultFiles.outcomesCsv(all));
        folder.write("sensitivity.csv", csv(r));
        folder.write("sensitivity.md", markdown(r));
        folder.write("run.json", RunJson.of(command, started, List.of(r.base()), partial, warnings(r)));
        Charts.Result charts = Charts.tornado(r, folder::write);
        folder.write("report.html", HtmlReport.sensitivity(r, charts, command, started, partial));
        return folder.commit();
    }
}
