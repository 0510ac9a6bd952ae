package org.pacesim.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.engine.Model;
import org.pacesim.scenario.MeasureSpec;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.RunSettings;
import org.pacesim.stats.ReplicationResult;

/**
 * Conservation of children: every child of the cohort (arrived in [warmup, horizon)) either reached an exit or is
 * counted as censored at the end of follow-up, in every replication; none is lost or counted twice, whether or not
 * follow-up ends before the system empties. The pathway (scenario {@code theory/conservation-censored.yaml}) has a
 * fork and join (branches must not be counted as children), a loop with an {@code after} gap (children in transit
 * between stages are still in the system), a shared resource queue and a meeting queue.
 *
 * <p>These are exact identities, not statistical comparisons: they must hold in every replication.
 */
class ConservationTest {
    /**
     * Follow-up of 10 weeks after a 4-year horizon, journeys of a year and more: censoring in every replication.
     *
     * <p>Configuration: 20 replications, horizon 4 years, warm-up 1 year, follow-up 10 weeks, seed 22; about 440
     * children in the cohort per replication, of whom about 40% are censored.
     *
     * <p>Checks, per replication: cohort = exited + censored; censored > 0; the run ended at the end of follow-up
     * at the latest; and for {@code time_to_permanence} (every exit is a permanence) the completed and censored
     * intervals add up to the cohort, the censored ones being exactly the censored children.
     */
    @Test
    void everyChildIsExitedOrCensoredWhenFollowUpIsShort() {
        Model m = Theory.model("conservation-censored.yaml");
        RunSettings run = m.scenario().run();
        List<ReplicationResult> rs = Theory.run(m);
        long censored = 0;
        long cohort = 0;
        for (ReplicationResult r : rs) {
            assertTrue(r.conserves(), "replication " + r.replication() + ": cohort " + r.cohort() + " != exited "
                    + r.cohortExited() + " + censored " + r.censored());
            assertTrue(r.censored() > 0, "replication " + r.replication() + " should censor someone");
            assertTrue(r.endTime() <= run.horizon() + run.followUp(), "ran past the end of follow-up");
            checkMeasure(m, r);
            censored += r.censored();
            cohort += r.cohort();
        }
        System.out.printf("conservation with censoring: cohort %d, censored %d over %d replications%n", cohort,
                censored, rs.size());
    }

    /**
     * The same pathway and seed followed up for 50 years: nobody is censored, and since the runs use the same
     * streams (common random numbers) the cohort is the same child for child as with the short follow-up.
     *
     * <p>Configuration: as above, with follow-up 50 years (the run stops when the last cohort child exits).
     */
    @Test
    void everyChildExitsWhenFollowUpIsLong() {
        Model shortFollowUp = Theory.model("conservation-censored.yaml");
        Model m = Theory.model("conservation-complete.yaml");
        List<ReplicationResult> shortRuns = Theory.run(shortFollowUp);
        List<ReplicationResult> rs = Theory.run(m);
        for (ReplicationResult r : rs) {
            assertTrue(r.conserves(), "replication " + r.replication());
            assertEquals(0, r.censored(), "replication " + r.replication());
            assertEquals(r.cohort(), r.cohortExited(), "replication " + r.replication());
            assertEquals(shortRuns.get(r.replication()).cohort(), r.cohort(), "same arrivals under the same seed");
            assertTrue(shortRuns.get(r.replication()).cohortExited() <= r.cohortExited());
            checkMeasure(m, r);
        }
    }

    /** Completed + censored intervals of the built-in time to permanence = cohort; censored = censored children. */
    private static void checkMeasure(Model m, ReplicationResult r) {
        int i = m.layout().measures().indexOf(MeasureSpec.TIME_TO_PERMANENCE);
        double n = r.measures()[i][MeasureStat.N.ordinal()];
        double censored = r.measures()[i][MeasureStat.CENSORED.ordinal()];
        assertEquals(r.cohort(), n + censored, "replication " + r.replication() + ": intervals");
        assertEquals(r.censored(), censored, "replication " + r.replication() + ": censored intervals");
    }
}
