package org.pacesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.report.ExperimentFiles;
import org.pacesim.scenario.ExperimentLoader;
import org.pacesim.scenario.ExperimentSpec;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.StageStat;

/** Experiments: paired comparisons with common random numbers. */
class ExperimentTest {
    private static final Path FILE = Path.of("src/test/resources/experiment/experiment.yaml");

    private static Experiment.Options options(int threads) {
        return new Experiment.Options(threads, null, null, Double.NaN, 100, false);
    }

    @Test
    void aScenarioComparedWithItselfDiffersByExactlyZero() {
        Experiment.Results r = Experiment.run(ExperimentLoader.load(FILE), options(2), null, null);
        long rows = 0;
        for (Comparison.Difference d : r.differences()) {
            if (!d.scenario().equals("Small LA again (no change)")) continue;
            rows++;
            assertEquals(0.0, d.difference().mean(), 0.0, d.measure() + " " + d.statistic());
            assertEquals(0.0, d.difference().halfWidth(), 0.0, d.measure() + " " + d.statistic());
        }
        assertTrue(rows > 20, "rows compared: " + rows);
    }

    @Test
    void halvingFormEShortensTimeToPermanenceAndLeavesUpstreamStagesUntouched() {
        Experiment.Results r = Experiment.run(ExperimentLoader.load(FILE), options(2), null, null);
        Comparison.Difference median = r.difference("Form E in half the time", "time_to_permanence", MeasureStat.MEDIAN);
        assertTrue(median.clear() && median.difference().mean() < 0, median.toString());
        Comparison.Difference upstream = r.difference("Form E in half the time", "stage:options_appraisal",
                StageStat.TIME_IN_STAGE_MEAN);
        assertEquals(0.0, upstream.difference().mean(), 0.0); // common random numbers: identical upstream
    }

    @Test
    void resultsAreIdenticalForAnyThreadCount() {
        ExperimentSpec spec = ExperimentLoader.load(FILE);
        String one = ExperimentFiles.comparisonCsv(Experiment.run(spec, options(1), null, null));
        String two = ExperimentFiles.comparisonCsv(Experiment.run(spec, options(2), null, null));
        assertEquals(one, two);
    }

    @Test
    void commonRandomNumbersNarrowTheIntervalAgainstIndependentStreams() {
        Experiment.Options o = new Experiment.Options(2, 12, null, Double.NaN, 100, true);
        Experiment.Results r = Experiment.run(ExperimentLoader.load(FILE), o, null, null);
        assertEquals("Form E in half the time", r.crn().scenario());
        assertTrue(r.crn().ratio() > 1.2, "ratio " + r.crn().ratio());
    }

    @Test
    void automaticReplicationsStopAtThePrecisionOrTheCap() {
        double precision = 7.0; // days
        Experiment.Options o = new Experiment.Options(2, null, null, precision, 200, false);
        Experiment.Results r = Experiment.run(ExperimentLoader.load(FILE), o, null, null);
        int n = r.runs().get(0).replications().size();
        double hw = r.difference("Form E in half the time", "time_to_permanence", MeasureStat.MEDIAN).difference().halfWidth();
        assertTrue(n >= Experiment.AUTO_START && n <= 200, "n " + n);
        assertTrue(hw <= precision || n == 200, "half-width " + hw + " with n " + n);
        assertTrue(n > Experiment.AUTO_START, "20 replications are not enough for a one-week precision here: " + n);
        for (ScenarioResults run : r.runs()) assertEquals(n, run.replications().size());
    }

    @Test
    void badExperimentFilesAreReportedWithTheirPlace(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.yaml"), """
                name: bad
                baseline: nowhere.yaml
                scenarios: []
                compare:
                  statistics: [median, p95]
                charts: [tornadoes]
                """);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ExperimentLoader.load(f));
        String all = e.getMessage();
        assertTrue(all.contains("bad.yaml:2:11: scenarios: cannot find the scenario file 'nowhere.yaml'"), all);
        assertTrue(all.contains("bad.yaml:3:12: scenarios: required field 'scenarios' is missing")
                || all.contains("scenarios: required field 'scenarios' is missing"), all);
        assertTrue(all.contains("unknown statistic 'p95'"), all);
        assertTrue(all.contains("unknown chart 'tornadoes'") && all.contains("did you mean 'tornado'?"), all);
        assertEquals(4, e.problems().size(), all);
    }

    @Test
    void anUnknownMeasureToCompareIsReportedAgainstTheBaseline(@TempDir Path dir) throws Exception {
        Path base = Path.of("src/test/resources/engine/small-la.yaml").toAbsolutePath();
        Path f = Files.writeString(dir.resolve("m.yaml"), "name: m\nbaseline: " + base + "\nscenarios: ["
                + Path.of("src/test/resources/experiment/faster-form-e.yaml").toAbsolutePath() + "]\ncompare:\n"
                + "  measures: [time_to_permanance]\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Experiment.scenarios(ExperimentLoader.load(f), options(1)));
        assertTrue(e.getMessage().contains("m.yaml:5:13: compare.measures: the baseline has no measure"
                + " 'time_to_permanance'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'time_to_permanence'?"), e.getMessage());
    }
}
