package org.pacesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.RunCharts;
import org.pacesim.scenario.ExperimentLoader;

/**
 * Run charts end to end on a small pathway whose one stage halves its time from a date: the three files have the
 * columns the reference gives, small months are withheld, and the rules see the change soon after it and rarely
 * without it.
 */
class RunChartFilesTest {
    @TempDir
    static Path dir;
    private static Experiment.Results results;
    private static List<RunCharts.Charted> charts;

    @BeforeAll
    static void run() throws Exception {
        for (String f : List.of("base.yaml", "faster.yaml", "experiment.yaml")) {
            Files.copy(Path.of("src/test/resources/experiment/run-charts").resolve(f), dir.resolve(f));
        }
        Path file = dir.resolve("experiment.yaml");
        results = Experiment.run(ExperimentLoader.load(file), new Experiment.Options(2, null, null, Double.NaN, 100,
                false), null, null);
        charts = RunCharts.of(results);
    }

    @Test
    void theFilesHaveTheColumnsOfTheReference() {
        List<String> runchart = RunChartFiles.runchartCsv(charts).lines().toList();
        assertEquals("scenario,measure,statistic,month,month_start,mean,p05,p95,replications", runchart.get(0));
        // 2025-08 (the first month to begin after the warm-up of 182.6 days) to 2028-12 (the last before the horizon)
        assertTrue(runchart.get(1).startsWith("Base,wait,median,2025-08,2025-08-01,"), runchart.get(1));
        assertEquals(2 * 2 * 41 + 1, runchart.size(), "two scenarios x two statistics x 41 months to 2028-12");
        assertEquals("scenario,measure,statistic,replication,month,value,n",
                RunChartFiles.replicationsCsv(charts).lines().findFirst().orElseThrow());
        assertEquals("scenario,measure,statistic,rule,months_after_change,detected_share,ci_low,ci_high",
                RunChartFiles.signalsCsv(charts).lines().findFirst().orElseThrow());
    }

    @Test
    void aMonthWithFewerThanFiveChildrenIsAGapWithItsCountWithheld() {
        List<String[]> rows = RunChartFiles.replicationsCsv(charts).lines().skip(1).map(l -> l.split(",", -1)).toList();
        List<String[]> small = rows.stream().filter(r -> r[6].equals("<5")).toList();
        assertTrue(!small.isEmpty(), "about 7 children a month: some months have fewer than five");
        assertTrue(small.stream().allMatch(r -> r[5].isEmpty()), "no point is given for them");
        assertTrue(rows.stream().noneMatch(r -> r[6].matches("[1-4]")), "no count from 1 to 4 is shown");
        assertTrue(rows.stream().filter(r -> !r[6].equals("<5") && !r[6].equals("0"))
                .allMatch(r -> !r[5].isEmpty() && Integer.parseInt(r[6]) >= 5));
    }

    @Test
    void theRulesSeeTheChangeAndRarelyAnythingWithoutIt() {
        List<String> signals = RunChartFiles.signalsCsv(charts).lines().toList();
        double faster = share(signals, "Faster,wait,median,shift,12,");
        double base = share(signals, "Base,wait,median,shift,12,");
        // Halving the work moves every month's median well below the baseline's: a shift within a year nearly always.
        assertTrue(faster > 0.9, "faster: " + faster);
        assertTrue(base < 0.3, "base: " + base);
        assertTrue(share(signals, "Faster,wait,median,shift,-1,") < 0.3, "false shifts in the baseline period");
        String findings = Findings.of(results);
        assertTrue(findings.contains("## Run charts") && findings.contains("Faster: a site making this change would see"
                + " a shift on its wait (median) run chart within 6 months in"), findings);
    }

    @Test
    void eachSitesRunChartAndTheDetectionAreDrawn() throws Exception {
        List<String> written = new java.util.ArrayList<>();
        org.pacesim.report.charts.Charts.Result drawn = org.pacesim.report.charts.Charts.runCharts(charts, "wait",
                org.pacesim.scenario.MeasureStat.MEDIAN, 6, (path, bytes) -> written.add(path));
        assertEquals(List.of("run_chart_detection", "run_chart-base", "run_chart-faster"),
                drawn.drawn().stream().map(org.pacesim.report.charts.Charts.Drawn::name).toList());
        assertTrue(written.contains("charts/run_chart-faster.png") && written.contains("charts/run_chart-faster.svg"));
        assertTrue(drawn.drawn().get(2).title().startsWith("This site's run chart shows a shift"),
                drawn.drawn().get(2).title());
    }

    @Test
    void aSiteTooSmallForAnyRunChartStillGetsItsChartsAndSaysSo() throws Exception {
        // About two children a month: no month reaches five, so no replication has a usable baseline and every
        // detection share is undefined. The charts must still be drawn (this once failed in XChart).
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        Files.writeString(small.resolve("base.yaml"), Files.readString(dir.resolve("base.yaml"))
                .replace("rate: 84/year", "rate: 24/year").replace("replications: 40", "replications: 3"));
        Files.writeString(small.resolve("faster.yaml"), Files.readString(dir.resolve("faster.yaml")));
        Path file = Files.writeString(small.resolve("experiment.yaml"),
                Files.readString(dir.resolve("experiment.yaml")));
        List<RunCharts.Charted> few = RunCharts.of(Experiment.run(ExperimentLoader.load(file),
                new Experiment.Options(2, null, null, Double.NaN, 100, false), null, null));
        org.pacesim.report.charts.Charts.Result drawn = org.pacesim.report.charts.Charts.runCharts(few, "wait",
                org.pacesim.scenario.MeasureStat.MEDIAN, 6, (path, bytes) -> { });
        assertEquals(3, drawn.drawn().size());
        assertTrue(drawn.drawn().get(2).title().contains("too few for a run chart"), drawn.drawn().get(2).title());
    }

    private static double share(List<String> signals, String prefix) {
        String row = signals.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        System.out.println("signals: " + row);
        return Double.parseDouble(Arrays.asList(row.split(",")).get(5));
    }
}
