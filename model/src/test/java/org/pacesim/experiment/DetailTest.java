package org.pacesim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.engine.Model;
import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.stats.Journey;
import org.pacesim.stats.ReplicationDetail;
import org.pacesim.stats.ReplicationResult;

/** The detail gathered for charts: it only watches, it adds up, and it is the same for any thread count. */
class DetailTest {
    private static final Path SCENARIO = Path.of("src/test/resources/engine/small-la.yaml");

    private static Model model() {
        return Model.compile(SystemGraph.of(ScenarioLoader.load(SCENARIO)));
    }

    @Test
    void gatheringDetailLeavesEveryFigureUnchanged() {
        Model m = model();
        List<ReplicationResult> plain = ScenarioRun.run(m, 4, 2, null);
        List<ScenarioRun.Completed> watched = ScenarioRun.runWithDetail(m, 0, 4, 2, null);
        for (int r = 0; r < 4; r++) {
            ReplicationResult a = plain.get(r);
            ReplicationResult b = watched.get(r).result();
            for (int k = 0; k < a.measures().length; k++) assertArrayEquals(a.measures()[k], b.measures()[k]);
            for (int k = 0; k < a.stages().length; k++) assertArrayEquals(a.stages()[k], b.stages()[k]);
            assertEquals(a.events(), b.events());
        }
    }

    /**
     * Each month's run-chart points, most of a replication's detail, are gathered only for a command that draws run
     * charts; without them every other figure and curve is the same to the bit.
     */
    @Test
    void runChartPointsAreGatheredOnlyWhenAskedForAndChangeNothingElse() {
        Model m = model();
        int[] reps = {0, 1, 2};
        List<ScenarioRun.Completed> charts = ScenarioRun.run(m, reps, 2, null, Detail.CHARTS);
        List<ScenarioRun.Completed> runCharts = ScenarioRun.run(m, reps, 2, null, Detail.RUN_CHARTS);
        for (int r = 0; r < reps.length; r++) {
            ReplicationDetail a = charts.get(r).detail();
            ReplicationDetail b = runCharts.get(r).detail();
            assertNull(a.months());
            assertTrue(b.months().value().length > 0, "run-chart points gathered");
            assertArrayEquals(a.permanenceIncidence(), b.permanenceIncidence());
            assertArrayEquals(a.stageWait(), b.stageWait());
            assertArrayEquals(a.passing(), b.passing());
            for (int s = 0; s < a.waiting().length; s++) assertArrayEquals(a.waiting()[s], b.waiting()[s]);
            assertEquals(a.journeys(), b.journeys());
            assertEquals(charts.get(r).result().events(), runCharts.get(r).result().events());
            for (int k = 0; k < a.waiting().length; k++) {
                assertArrayEquals(charts.get(r).result().stages()[k], runCharts.get(r).result().stages()[k]);
            }
        }
        assertNull(ScenarioRun.run(m, reps, 1, null, Detail.NONE).get(0).detail());
    }

    @Test
    void detailIsIdenticalForOneAndTwoThreads() {
        Model m = model();
        List<ScenarioRun.Completed> one = ScenarioRun.runWithDetail(m, 0, 4, 1, null);
        List<ScenarioRun.Completed> two = ScenarioRun.runWithDetail(m, 0, 4, 2, null);
        for (int r = 0; r < 4; r++) {
            ReplicationDetail a = one.get(r).detail();
            ReplicationDetail b = two.get(r).detail();
            assertArrayEquals(a.permanenceIncidence(), b.permanenceIncidence());
            assertArrayEquals(a.stageWait(), b.stageWait());
            assertArrayEquals(a.stageWork(), b.stageWork());
            for (int s = 0; s < a.waiting().length; s++) assertArrayEquals(a.waiting()[s], b.waiting()[s]);
            assertEquals(a.journeys(), b.journeys());
        }
    }

    @Test
    void timePerStageAddsUpToTheMeanTimeToPermanence() {
        Model m = model();
        ScenarioRun.Completed c = ScenarioRun.runWithDetail(m, 0, 1, 1, null).get(0);
        int ttp = m.layout().measures().indexOf("time_to_permanence");
        double mean = c.result().measures()[ttp][MeasureStat.MEAN.ordinal()];
        double n = c.result().measures()[ttp][MeasureStat.N.ordinal()];
        double sum = 0;
        for (int s = 0; s < c.detail().stageWait().length; s++) sum += c.detail().stageWait()[s] + c.detail().stageWork()[s];
        assertEquals(n, c.detail().permanenceChildren(), 0.0);
        assertEquals(mean, sum, 1e-6 * mean);
    }

    @Test
    void theIncidenceEndsAtTheShareOfTheCohortThatReachedPermanenceByThen() {
        Model m = model();
        ScenarioRun.Completed c = ScenarioRun.runWithDetail(m, 0, 1, 1, null).get(0);
        double[] f = c.detail().permanenceIncidence();
        assertEquals(ReplicationDetail.INCIDENCE_MONTHS + 1, f.length);
        for (int k = 1; k < f.length; k++) assertTrue(f[k] >= f[k - 1], "never decreases");
        int ttp = m.layout().measures().indexOf("time_to_permanence");
        double reached = c.result().measures()[ttp][MeasureStat.N.ordinal()] / c.result().cohort();
        assertTrue(f[f.length - 1] <= reached + 1e-12 && f[f.length - 1] > 0.9 * reached,
                f[f.length - 1] + " against " + reached);
    }

    @Test
    void everyCohortChildPassesTheFirstStageAndExactlyOneExit() {
        Model m = model();
        ScenarioRun.Completed c = ScenarioRun.runWithDetail(m, 0, 1, 1, null).get(0);
        double exits = 0;
        for (int s = 0; s < m.layout().stages().size(); s++) {
            if (m.layout().stageKinds().get(s) == org.pacesim.scenario.StageSpec.Kind.EXIT) exits += c.detail().passing()[s];
        }
        assertEquals((double) c.result().cohortExited() / c.result().cohort(), exits, 1e-12);
        assertEquals(1.0, c.detail().passing()[m.stageIndex("first_lar")], 1e-12);
    }

    @Test
    void onlyReplicationZeroKeepsJourneysAndOnlyAFixedNumber() {
        Model m = model();
        List<ScenarioRun.Completed> cs = ScenarioRun.runWithDetail(m, 0, 2, 2, null);
        List<Journey> js = cs.get(0).detail().journeys();
        assertEquals(ReplicationDetail.JOURNEY_CANDIDATES, js.size());
        assertEquals(List.of(), cs.get(1).detail().journeys());
        for (Journey j : js) {
            assertEquals(0.0, j.milestones().get("arrival"), 0.0);
            for (Journey.Segment s : j.segments()) {
                assertTrue(s.enter() <= s.start() && (Double.isNaN(s.leave()) || s.start() <= s.leave()), s.toString());
            }
            if (j.permanence()) assertEquals(j.end(), j.milestones().get("permanence"), 1e-9);
        }
    }
}
