package org.pacesim.theory;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.engine.Model;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;

/**
 * A loop: a review repeated with probability q = 0.3 after a gap of 2 weeks (scenario {@code theory/loop.yaml}).
 * The number of visits is geometric on 1, 2, ... with mean 1/(1 - q).
 */
class LoopVisitsTest {
    /** Re-entry probability. */
    private static final double Q = 0.3;
    /** Mean review, days. */
    private static final double REVIEW = 7;
    /** Gap before a repeated review, days. */
    private static final double GAP = 14;
    /** Widest acceptable 95% CI half-width, as a share of the analytic value. */
    private static final double RELATIVE_HALF_WIDTH = 0.01;

    /**
     * Visits per child, as entries to the review in the window over the cohort (children arriving in the window),
     * per replication; and the mean time from arrival to leaving, from the measure {@code journey} (two
     * comparisons, each at 97.5%).
     *
     * <p>Configuration: 20 replications, horizon 21 years, warm-up 1 year, seed 19; about 7,300 children per
     * replication. In steady state the expected number of entries in a window equals the entry rate times its
     * length, so children looping across the window's ends cancel on average.
     *
     * <p>Theory: E[V] = 1/(1 - q) = 1.4286 visits; journey E[V] * 7 + (E[V] - 1) * 14 = 10 + 6 = 16 days.
     *
     * <p>Observed 95% CIs: visits [1.4212, 1.4305]; journey [15.845, 16.061].
     */
    @Test
    void visitsPerChildAreGeometric() {
        Model m = Theory.model("loop.yaml");
        List<ReplicationResult> rs = Theory.run(m);
        double years = m.layout().years();
        int review = Theory.stageIndex(m, "review");
        double[] visits = Theory.each(rs,
                r -> r.stages()[review][StageStat.ENTRIES_PER_YEAR.ordinal()] * years / r.cohort());
        double meanVisits = 1 / (1 - Q);
        double journey = meanVisits * REVIEW + (meanVisits - 1) * GAP;
        Theory.Comparisons check = Theory.comparisons(2);
        check.covers("loop visits per child", meanVisits, visits, RELATIVE_HALF_WIDTH * meanVisits);
        check.covers("loop journey (days)", journey, Theory.measure(m, rs, "journey", MeasureStat.MEAN),
                RELATIVE_HALF_WIDTH * journey);
    }
}
