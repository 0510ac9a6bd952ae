package org.pacesim.theory;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.engine.Model;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;

/**
 * A meeting without a limit on cases per sitting, fed by Poisson arrivals: a case waits for the next sitting its
 * papers are in time for, and its arrival time is uniform within the cycle between sittings.
 *
 * <p>Both scenarios sit every T = 28 days from day 0, and their window [4w, 2804w) is exactly 700 cycles, so that
 * the arrivals in the window are uniform over whole cycles and the boundaries add no bias.
 */
class MeetingUnlimitedTest {
    /** Arrival rate, per day. */
    private static final double LAMBDA = 1.0;
    /** Days between sittings. */
    private static final double T = 28.0;
    /** Widest acceptable 95% CI half-width, as a share of the analytic value. */
    private static final double RELATIVE_HALF_WIDTH = 0.01;

    /**
     * Papers due 0 and decision at the sitting (scenario {@code theory/meeting-unlimited.yaml}): mean wait and mean
     * number waiting (two comparisons, each at 97.5%).
     *
     * <p>Configuration: 20 replications, horizon 2804 weeks, warm-up 4 weeks (nothing carries over a sitting, so
     * no warm-up is needed; it only aligns the window), seed 15; about 19,600 cases per replication.
     *
     * <p>Theory: the wait is the time to the next sitting, uniform on (0, T): W = T/2 = 14 days; by Little's law
     * the time-average number waiting is lambda T/2 = 14.
     *
     * <p>Observed 95% CIs: wait [13.960, 14.024]; number waiting [13.969, 14.080].
     */
    @Test
    void waitIsHalfTheCycle() {
        Model m = Theory.model("meeting-unlimited.yaml");
        List<ReplicationResult> rs = Theory.run(m);
        Theory.Comparisons check = Theory.comparisons(2);
        double w = T / 2;
        check.covers("unlimited meeting mean wait (days)", w, Theory.stage(m, rs, "panel", StageStat.WAIT_MEAN),
                RELATIVE_HALF_WIDTH * w);
        check.covers("unlimited meeting number waiting", LAMBDA * w,
                Theory.stage(m, rs, "panel", StageStat.QUEUE_LENGTH_MEAN), RELATIVE_HALF_WIDTH * LAMBDA * w);
    }

    /**
     * Papers due d = 10 days before a sitting and a decision delay, exponential with mean 3 days (scenario
     * {@code theory/meeting-papers-due.yaml}): mean wait for the sitting and mean time in the stage (two
     * comparisons, each at 97.5%).
     *
     * <p>Configuration: 20 replications, horizon 2804 weeks, warm-up 4 weeks, seed 16.
     *
     * <p>Theory: a case arriving a time u before a sitting is heard there if u >= d and a cycle later otherwise, so
     * W = T/2 + T (d/T) = T/2 + d = 24 days; the time in the stage adds the decision delay: 27 days.
     *
     * <p>Observed 95% CIs: wait [23.965, 24.009]; time in stage [26.961, 27.007].
     */
    @Test
    void papersDueAddTheirNoticeAndDecisionDelayAddsItsMean() {
        Model m = Theory.model("meeting-papers-due.yaml");
        List<ReplicationResult> rs = Theory.run(m);
        Theory.Comparisons check = Theory.comparisons(2);
        double papersDue = 10;
        double decision = 3;
        double w = T / 2 + papersDue;
        check.covers("papers-due meeting mean wait (days)", w, Theory.stage(m, rs, "panel", StageStat.WAIT_MEAN),
                RELATIVE_HALF_WIDTH * w);
        check.covers("papers-due meeting time in stage (days)", w + decision,
                Theory.stage(m, rs, "panel", StageStat.TIME_IN_STAGE_MEAN), RELATIVE_HALF_WIDTH * (w + decision));
    }
}
