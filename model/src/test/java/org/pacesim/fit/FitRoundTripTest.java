package org.pacesim.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.graph.SystemGraph;
import org.pacesim.records.Pathway;
import org.pacesim.records.Records;
import org.pacesim.records.RecordsReader;
import org.pacesim.report.SyntheticRecords;
import org.pacesim.scenario.DistributionSpec;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.scenario.StageSpec;

/**
 * The round trip through files: records written by {@code pace run --records} from a scenario with known durations
 * (assess: lognormal median 26w, p90 52w; court: gamma mean 40w, sd 15w; 70% of assessments go to court; 150
 * arrivals a year), extracted at the end of two years of arrivals when about 40% of the stays are still open, read
 * back and fitted. One fixed seed: the fitted 95% intervals cover the true values, and fitting the finished stays
 * alone would have been visibly biased. (Coverage over many seeds is the statistics core's test.)
 */
class FitRoundTripTest {
    static final Path TEMPLATE = Path.of("src/test/resources/fit/known-durations.yaml");

    @TempDir
    static Path dir;

    static BaselineFit fit;
    static Records records;

    @BeforeAll
    static void roundTrip() throws Exception {
        Scenario s = ScenarioLoader.load(TEMPLATE);
        SystemGraph g = SystemGraph.of(s);
        Path file = dir.resolve("records.csv");
        SyntheticRecords.write(file, s, s.run().horizon(), TEMPLATE.toString());
        Pathway pathway = new Pathway(g);
        records = new RecordsReader(pathway).read(file, "records.csv", null, null);
        fit = BaselineFit.of(TEMPLATE, pathway, records, new Disclosure(true));
    }

    private static BaselineFit.StageFit stage(String name) {
        return fit.stages().stream().filter(f -> f.item().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aboutFortyPercentOfTheStaysAreOpenAtTheAsOfDate() {
        int n = 0;
        int open = 0;
        for (BaselineFit.StageFit f : fit.stages()) {
            n += f.fit().n();
            open += f.fit().censored();
        }
        double share = (double) open / n;
        assertTrue(share > 0.30 && share < 0.50, "open share " + share);
    }

    @Test
    void theFittedIntervalsCoverTheTrueDurations() {
        DurationFit.Candidate assess = stage("assess").fit().of(Family.LOGNORMAL).orElseThrow();
        assertTrue(assess.parameter("median").covers(26 * 7), assess.toString());
        assertTrue(assess.parameter("p90").covers(52 * 7), assess.toString());
        DurationFit.Candidate court = stage("court").fit().of(Family.GAMMA).orElseThrow();
        assertTrue(court.parameter("mean").covers(40 * 7), court.toString());
        assertTrue(court.parameter("sd").covers(15 * 7), court.toString());
    }

    @Test
    void fittingOnlyTheFinishedStaysWouldHaveBeenBiasedShort() {
        for (String s : new String[] {"assess", "court"}) {
            BaselineFit.StageFit f = stage(s);
            double naive = f.finishedOnly().best().orElseThrow().median().value();
            Estimate censored = f.fit().best().orElseThrow().median();
            assertTrue(naive < censored.lower(), s + ": finished-only median " + naive + " vs " + censored);
        }
    }

    @Test
    void theRouteShareAndArrivalRateCoverTheTruth() {
        BaselineFit.RouteFit route = fit.routes().get(0);
        assertEquals("assess", route.stage());
        // nearly every assessment ends within the two years (lognormal p99.4 is 100w), so the share at the end
        // of follow-up is the route's probability
        assertTrue(route.risks().shares().get("court").covers(0.7), route.toString());
        assertTrue(route.risks().shares().get("home").covers(0.3), route.toString());
        assertTrue(fit.arrivals().get(0).rate().perYear().covers(150), fit.arrivals().get(0).toString());
    }

    @Test
    void theFittedScenarioLoadsWithOneChangePerFittedValue() {
        Scenario fitted = fit.scenario();
        SystemGraph.of(fitted);
        StageSpec.Delay court = (StageSpec.Delay) fitted.stages().get("court");
        assertTrue(court.duration() instanceof DistributionSpec && !(court.duration() instanceof DistributionSpec.Fixed));
        // assess and court durations, one route share, one arrival rate
        assertEquals(4, fit.changes().size(), fit.changes().toString());
        for (Map<String, Object> c : fit.changes()) assertTrue(c.containsKey("why"), c.toString());
    }
}
