package org.pacesim.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.RunCharts;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.report.charts.Charts;
import org.pacesim.report.charts.Runs;
import org.pacesim.stats.ScenarioSummary;

/**
 * Writes an experiment's results folder: the per-scenario CSV files, the comparison, findings and provenance, the
 * charts asked for and report.html.
 */
public final class ExperimentReport {
    private ExperimentReport() {}

    /**
     * Writes every file into the folder and moves it into place; returns where it went.
     *
     * @param partial why some replications are missing (a merge without some shards), or null; marks run.json
     */
    public static Path write(Experiment.Results r, ResultsFolder folder, List<String> command, Instant started,
                             String partial) throws IOException {
        List<ScenarioSummary> all = r.runs().stream().map(ScenarioResults::summary).toList();
        folder.write("summary.csv", ResultFiles.summaryCsv(all));
        folder.write("stages.csv", ResultFiles.stagesCsv(all));
        folder.write("outcomes.csv", ResultFiles.outcomesCsv(all));
        String caseload = ResultFiles.caseloadCsv(all);
        if (caseload != null) folder.write("caseload.csv", caseload);
        folder.write("comparison.csv", ExperimentFiles.comparisonCsv(r));
        try (OutputStream out = folder.open("replications.csv")) {
            ExperimentFiles.replicationsCsv(r.runs(), out);
        }
        List<RunCharts.Charted> runCharts = RunCharts.of(r);
        if (!runCharts.isEmpty()) {
            folder.write("runchart.csv", RunChartFiles.runchartCsv(runCharts));
            folder.write("runchart-replications.csv", RunChartFiles.replicationsCsv(runCharts));
            folder.write("signals.csv", RunChartFiles.signalsCsv(runCharts));
        }
        folder.write("findings.md", Findings.of(r));
        folder.write("run.json", RunJson.of(command, started, r.runs(), partial));
        Charts.Result charts = Charts.draw(Runs.of(r), r.spec().charts(), folder::write);
        if (!runCharts.isEmpty()) {
            Charts.Result more = Charts.runCharts(runCharts, RunCharts.mainMeasure(r), RunCharts.mainStatistic(r),
                    r.spec().runChart().within(), folder::write);
            charts = new Charts.Result(concat(more.drawn(), charts.drawn()), concat(charts.skipped(), more.skipped()),
                    concat(charts.files(), more.files()));
        }
        folder.write("report.html", HtmlReport.experiment(r, charts, command, started, partial));
        return folder.commit();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
