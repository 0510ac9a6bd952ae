package org.pacesim.report;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.pacesim.experiment.ScenarioResults;
import org.pacesim.report.charts.Charts;
import org.pacesim.report.charts.Runs;
import org.pacesim.scenario.ExperimentSpec;
import org.pacesim.stats.ScenarioSummary;

/**
 * Writes the files of one scenario's results folder ({@code pace run}): CSV files and provenance, and for a complete
 * run the charts and report.html (a run stopped early is marked partial and gets no pictures to quote from).
 */
public final class RunReport {
    private RunReport() {}

    /**
     * Writes the files into the (staging) folder; the caller commits it.
     *
     * @param partial why some replications are missing (the run stopped early, or a merge lacked shards), or null
     *                for a complete run
     */
    public static void write(ScenarioResults r, ResultsFolder folder, List<String> command, Instant started,
                             String partial) throws IOException {
        List<ScenarioSummary> all = List.of(r.summary());
        folder.write("summary.csv", ResultFiles.summaryCsv(all));
        folder.write("stages.csv", ResultFiles.stagesCsv(all));
        folder.write("outcomes.csv", ResultFiles.outcomesCsv(all));
        String caseload = ResultFiles.caseloadCsv(all);
        if (caseload != null) folder.write("caseload.csv", caseload);
        folder.write("run.json", RunJson.of(command, started, List.of(r), partial));
        if (partial != null) return;
        // every chart but the tornado, which needs the runs of 'pace sensitivity'
        List<String> names = ExperimentSpec.CHARTS.stream().filter(c -> !c.equals("tornado")).toList();
        Charts.Result charts = Charts.draw(Runs.of(r), names, folder::write);
        folder.write("report.html", HtmlReport.run(r, charts, command, started));
    }
}
