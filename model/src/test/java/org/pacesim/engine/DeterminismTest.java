package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.ReplicationResult;

/**
 * Replication r uses substream r whatever thread runs it, so results are bit-identical for any thread count, and a
 * fixed seed pins the headline figures exactly (golden numbers: a change that alters them must be deliberate).
 */
class DeterminismTest {
    private static final Path SCENARIO = Path.of("src/test/resources/engine/small-la.yaml");

    @Test
    void resultsAreBitIdenticalForOneTwoAndFourThreads() {
        Model m = Scenarios.model(SCENARIO);
        List<ReplicationResult> one = ScenarioRun.run(m, 12, 1, null);
        List<ReplicationResult> two = ScenarioRun.run(m, 12, 2, null);
        List<ReplicationResult> four = ScenarioRun.run(m, 12, 4, null);
        for (int r = 0; r < 12; r++) {
            for (List<ReplicationResult> other : List.of(two, four)) {
                assertEquals(r, other.get(r).replication());
                for (int k = 0; k < one.get(r).measures().length; k++) {
                    assertArrayEquals(one.get(r).measures()[k], other.get(r).measures()[k]);
                }
                for (int k = 0; k < one.get(r).stages().length; k++) {
                    assertArrayEquals(one.get(r).stages()[k], other.get(r).stages()[k]);
                }
                assertArrayEquals(one.get(r).outcomes(), other.get(r).outcomes());
                assertEquals(one.get(r).events(), other.get(r).events());
            }
        }
    }

    @Test
    void aReplicationIsTheSameWhetherRunAloneOrAmongOthers() {
        Model m = Scenarios.model(SCENARIO);
        ReplicationResult alone = Scenarios.run(m, 7);
        ReplicationResult among = ScenarioRun.run(m, 8, 2, null).get(7);
        assertArrayEquals(alone.outcomes(), among.outcomes());
        assertEquals(alone.events(), among.events());
    }

    @Test
    void goldenNumbersOfReplicationZero() {
        Model m = Scenarios.model(SCENARIO);
        ReplicationResult r = Scenarios.run(m, 0);
        int ttp = m.layout().measures().indexOf("time_to_permanence");
        double[] row = r.measures()[ttp];
        System.out.printf("golden: cohort %d, events %d, n %.0f, median %.10f, p90 %.10f%n", r.cohort(), r.events(),
                row[MeasureStat.N.ordinal()], row[MeasureStat.MEDIAN.ordinal()], row[MeasureStat.P90.ordinal()]);
        assertEquals(GOLDEN_COHORT, r.cohort());
        assertEquals(GOLDEN_EVENTS, r.events());
        assertEquals(GOLDEN_MEDIAN, row[MeasureStat.MEDIAN.ordinal()], 1e-9);
        assertEquals(GOLDEN_P90, row[MeasureStat.P90.ordinal()], 1e-9);
    }

    // Replication 0 of small-la.yaml, seed 20130101 (time to permanence in days).
    private static final long GOLDEN_COHORT = 1036;
    private static final long GOLDEN_EVENTS = 9480;
    private static final double GOLDEN_MEDIAN = 904.1881864069;
    private static final double GOLDEN_P90 = 1608.5055535990;
}
