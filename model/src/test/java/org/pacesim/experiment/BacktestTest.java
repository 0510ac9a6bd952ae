package org.pacesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.IntervalUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.graph.SystemGraph;
import org.pacesim.records.CaseloadAtDate;
import org.pacesim.records.Pathway;
import org.pacesim.records.Records;
import org.pacesim.records.RecordsReader;
import org.pacesim.report.SyntheticRecords;
import org.pacesim.scenario.Caseload;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;

/**
 * The back-test on synthetic records from a known model ({@code pace run --records}, replication 0 of
 * {@code fit/backtest-known.yaml}: four years at 200 arrivals a year, back-tested over the last two). Against the
 * model that made them (fitted, as {@code pace fit} does, to the records known at the date), the observed figures
 * fall inside their simulated 95% bands about 95% of the time; against records whose arrivals rise by 60% a year,
 * which a fit to the past cannot foresee, clearly less often.
 *
 * <p>The coverage is a share of about 100 figures, so its binomial 95% CI (Wilson) is some 10 points wide; the test
 * asks that the CI of the right model holds 0.95 and that the wrong model's lies wholly below it. Figures of one
 * measure in successive quarters are correlated, so the binomial CI is approximate, which is why only these two
 * coarse statements are asserted, with one fixed seed.
 */
class BacktestTest {
    static final Path KNOWN = Path.of("src/test/resources/fit/backtest-known.yaml");
    static final Path RISING = Path.of("src/test/resources/fit/backtest-rising-arrivals.yaml");
    static final LocalDate AT = LocalDate.of(2026, 1, 1);
    static final int REPLICATIONS = 100;

    @TempDir
    static Path dir;
    static Path known;
    static Path rising;

    /** Records of replication 0 of a scenario, extracted at the end of its arrivals. */
    static Path records(Path scenario, String name) throws Exception {
        Scenario s = ScenarioLoader.load(scenario);
        Path file = dir.resolve(name);
        SyntheticRecords.write(file, s, s.run().horizon(), scenario.toString());
        return file;
    }

    @BeforeAll
    static void makeRecords() throws Exception {
        known = records(KNOWN, "known.csv");
        rising = records(RISING, "rising.csv");
    }

    static Backtest.Result backtest(Path records, int threads) {
        return Backtest.run(KNOWN, records, records.toString(),
                new Backtest.Options(AT, null, null, REPLICATIONS, null, threads));
    }

    private static ConfidenceInterval ci(double[] coverage) {
        int n = (int) coverage[1];
        return IntervalUtils.getWilsonScoreInterval(n, (int) Math.round(coverage[0] * n), 0.95);
    }

    @Test
    void recordsFromTheModelItselfAreCoveredNearNinetyFivePercent() {
        Backtest.Result r = backtest(known, 2);
        double[] c = r.coverage();
        System.out.println("backtest, records from the model itself: " + r.source() + "; coverage " + c[0] + " of " + c[1]);
        assertTrue(c[1] >= 80, "figures scored: " + c[1]);
        ConfidenceInterval ci = ci(c);
        assertTrue(ci.getLowerBound() <= 0.95 && 0.95 <= ci.getUpperBound(),
                "coverage " + c[0] + " of " + c[1] + ", CI " + ci.getLowerBound() + " to " + ci.getUpperBound());
    }

    @Test
    void recordsFromAModelThatChangesAfterTheDateAreCoveredClearlyLess() {
        Backtest.Result r = backtest(rising, 2);
        double[] c = r.coverage();
        System.out.println("backtest, arrivals rising after the date: coverage " + c[0] + " of " + c[1]);
        ConfidenceInterval ci = ci(c);
        assertTrue(ci.getUpperBound() < 0.95, "coverage " + c[0] + " of " + c[1] + ", CI to " + ci.getUpperBound());
        // the arrivals' own counts show it: more children per quarter than the model expects
        Map<String, double[]> by = r.coverageByMeasure();
        assertTrue(by.get("arrivals arrival")[0] < 0.5, "arrivals: " + by.get("arrivals arrival")[0]);
    }

    @Test
    void theSameSeedGivesTheSameFiguresOnAnyNumberOfThreads() {
        assertEquals(backtest(known, 1).figures(), backtest(known, 2).figures());
    }

    /**
     * Every child who had arrived before the date is either placed or counted as gone, and the placed ones are
     * exactly those the milestones say were still on their way, in the stage they say: in court when lodged and not
     * granted, in assessment when not assessed (an assessed child without a lodged date went home).
     */
    @Test
    void theCaseloadAtTheDateAccountsForEveryOpenChild() {
        Pathway p = new Pathway(SystemGraph.of(ScenarioLoader.load(KNOWN)));
        Records all = new RecordsReader(p).read(known, "known.csv", null, null);
        CaseloadAtDate.Rebuilt rebuilt = CaseloadAtDate.of(p, all, AT);
        double cut = all.days(AT);
        int arrived = 0;
        int inCourt = 0;
        int inAssessment = 0;
        int assessed = all.milestone("assessed");
        int lodged = all.milestone("lodged");
        int granted = all.milestone("granted");
        for (Records.Child c : all.children()) {
            if (!(c.day(0) < cut)) continue;
            arrived++;
            if (!(c.day(assessed) < cut)) inAssessment++;
            else if (c.day(lodged) < cut && !(c.day(granted) < cut)) inCourt++;
        }
        assertEquals(arrived, rebuilt.arrivedBefore());
        assertEquals(arrived, rebuilt.open() + rebuilt.left());
        assertEquals(inAssessment + inCourt, rebuilt.open());
        assertEquals(Map.of("assess", inAssessment, "court", inCourt), rebuilt.perStage());
        assertEquals(0, rebuilt.placedByAssumption(), "the milestones say where every child is");
        assertEquals(0, rebuilt.mayHaveLeft(), "home is reached only by an assessed child without a lodged date");
        assertNotNull(rebuilt.caseload());
        for (Caseload.Child c : rebuilt.caseload().children()) {
            assertTrue(c.inStage() >= 1 && c.inStage() <= c.sinceAccommodation(), c.toString());
            if (c.stage().equals("court")) assertEquals(c.inStage(), c.milestonesAgo().get("lodged"));
            else assertEquals(c.inStage(), c.sinceAccommodation());
        }
    }

    /**
     * With only arrival and the order recorded, a child without an order may be in assessment or in court, or have
     * gone home: it is placed in the first stage after its arrival, in it since then, and counted as placed so.
     */
    @Test
    void aChildTheMilestonesDoNotPlaceGoesToTheFirstStageAfterItsLastMilestone() throws Exception {
        Pathway p = new Pathway(SystemGraph.of(ScenarioLoader.load(KNOWN)));
        Path file = java.nio.file.Files.writeString(dir.resolve("sparse.csv"), """
                child,arrival,granted
                C1,2025-03-01,
                C2,2025-06-01,2025-12-01
                C3,2025-09-01,
                C4,2026-02-01,
                """);
        Records r = new RecordsReader(p).read(file, "sparse.csv", LocalDate.of(2026, 6, 30), null);
        CaseloadAtDate.Rebuilt rebuilt = CaseloadAtDate.of(p, r, AT);
        assertEquals(3, rebuilt.arrivedBefore());
        assertEquals(1, rebuilt.left());
        assertEquals(2, rebuilt.placedByAssumption());
        assertEquals(2, rebuilt.mayHaveLeft(), "without an outcome column, either may have gone home");
        assertEquals(Map.of("assess", 2), rebuilt.perStage());
        Caseload.Child c1 = rebuilt.caseload().children().get(0);
        assertEquals(LocalDate.of(2025, 3, 1).until(AT, java.time.temporal.ChronoUnit.DAYS), c1.inStage());
    }
}
