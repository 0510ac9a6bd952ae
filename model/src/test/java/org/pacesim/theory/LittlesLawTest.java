package org.pacesim.theory;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.engine.Model;
import org.pacesim.scenario.Durations;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;

/**
 * Little's law, L = lambda W, on every stage of a pathway with every kind of stage, a loop and a resource shared by
 * two stages (scenario {@code theory/little.yaml}), both for the whole stay (number in stage against time in stage)
 * and for the wait (number waiting against the wait for a server, a sitting or a sibling branch).
 *
 * <p>Over a window, Little's law is an identity for the children who are in a stage throughout; what separates the
 * two sides in one replication are the window's edges: children already in the stage when the window opens add to
 * L but are not entries, and children who enter before the horizon but leave after it add their time beyond the
 * horizon to W. For a stationary system the expected area under the number in stage over a window equals the entry
 * rate times the window times the mean stay, so the two edge terms cancel in expectation and the difference
 * L - (entries per day) W has mean exactly 0 in every replication. A bookkeeping error (an entry counted at the
 * wrong time, a stay timed from the wrong instant, a level not updated on some path) shows up as a difference far
 * larger than this edge noise, which is of the order of L times a mean stay over the window (here 1e-4 to 1e-3).
 *
 * <p>The panel sits every two weeks, so the system is periodic rather than stationary and the expectation above
 * holds over whole cycles only: a window ending part-way through a cycle weights that cycle's phases unequally and
 * biases the difference by up to about 1e-3 at the panel (seen while writing this test, with a window of 30 years:
 * most differences were negative and four 95% intervals missed 0). The window here is exactly 780 cycles.
 */
class LittlesLawTest {
    /** Widest acceptable 95% CI half-width of a difference, as a share of the stage's L (or Lq). */
    private static final double RELATIVE_HALF_WIDTH = 0.002;

    /**
     * L - lambda W and Lq - lambda Wq for every stage; two comparisons per stage, 16 in all, each at
     * 1 - 0.05/16 = 99.69%. For delay stages and the fork both sides of Lq - lambda Wq are exactly 0 (nobody waits
     * there), and for the exit so are both sides of L - lambda W (children leave at the instant they enter).
     *
     * <p>Configuration: 40 replications, horizon 1612 weeks, warm-up 52 weeks (window 1560 weeks, 780 sittings),
     * seed 20; about 5,500 children per replication, each passing through all 8 stages (the assessment and the
     * panel 1/0.75 times on average, the join once per branch).
     *
     * <p>Theory: 0 for every difference.
     *
     * <p>Observed: every difference within 0.0006 of 0 (L and Lq range from 0.79 at the report queue to 9.5 at the
     * panel); the largest 95% half-width 0.0014 (panel, 0.015% of its L). One 95% interval excludes 0 narrowly, the
     * join's [-0.00070, -0.00004] (its 99.69% interval [-0.00089, 0.00014] holds 0). An independent run of 3,000
     * replications (seed 777) gave the join [-0.000061, 0.000039] and no difference above 0.00005 (0.002% of L);
     * there the intervals of the two team stages sat just above 0, and with a 3-year warm-up all sixteen held 0.
     */
    @Test
    void littlesLawHoldsOnEveryStage() {
        Model m = Theory.model("little.yaml");
        List<ReplicationResult> rs = Theory.run(m);
        List<String> stages = m.layout().stages();
        Theory.Comparisons check = Theory.comparisons(2 * stages.size());
        for (String stage : stages) {
            int i = Theory.stageIndex(m, stage);
            double[] l = Theory.stage(m, rs, stage, StageStat.IN_STAGE_MEAN);
            double[] lq = Theory.stage(m, rs, stage, StageStat.QUEUE_LENGTH_MEAN);
            double[] inStage = Theory.each(rs, r -> difference(r.stages()[i], StageStat.IN_STAGE_MEAN,
                    StageStat.TIME_IN_STAGE_MEAN));
            double[] waiting = Theory.each(rs, r -> difference(r.stages()[i], StageStat.QUEUE_LENGTH_MEAN,
                    StageStat.WAIT_MEAN));
            check.covers("Little " + stage + ": L - lambda W", 0, inStage, RELATIVE_HALF_WIDTH * Theory.mean(l));
            check.covers("Little " + stage + ": Lq - lambda Wq", 0, waiting, RELATIVE_HALF_WIDTH * Theory.mean(lq));
        }
    }

    /** Time-average number minus entries per day times mean time, for one stage of one replication. */
    private static double difference(double[] row, StageStat number, StageStat time) {
        double entriesPerDay = row[StageStat.ENTRIES_PER_YEAR.ordinal()] / Durations.YEAR;
        return row[number.ordinal()] - entriesPerDay * row[time.ordinal()];
    }
}
