package org.pacesim.theory;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.engine.Model;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;

/**
 * M/M/1 against its closed forms: a service stage on a resource of capacity 1, Poisson arrivals, exponential
 * service (scenario {@code theory/mm1.yaml}).
 */
class SingleServerQueueTest {
    /** Arrival rate, per day. */
    private static final double LAMBDA = 0.8;
    /** Service rate, per day (mean service 1 day). */
    private static final double MU = 1.0;
    private static final double RHO = LAMBDA / MU;
    /** Widest acceptable 95% CI half-width, as a share of the analytic value. */
    private static final double RELATIVE_HALF_WIDTH = 0.02;

    /**
     * Mean wait in queue, time-average queue length and utilisation of an M/M/1 queue with lambda = 0.8/day and
     * mu = 1/day (three comparisons, each at 98.3%).
     *
     * <p>Configuration: 300 replications, horizon 61 years, warm-up 1 year (the relaxation time of this queue,
     * 1/(mu (1 - sqrt(rho))^2), is about 90 days), seed 11; about 17,500 customers per replication.
     *
     * <p>Theory: Wq = rho / (mu - lambda) = 4 days; Lq = rho^2 / (1 - rho) = 3.2; utilisation rho = 0.8.
     *
     * <p>Observed 95% CIs: Wq [3.966, 4.045] (half-width 0.98%); Lq [3.171, 3.237]; utilisation [0.7987, 0.8007].
     */
    @Test
    void waitQueueLengthAndUtilisationMatchClosedForms() {
        Model m = Theory.model("mm1.yaml");
        List<ReplicationResult> rs = Theory.run(m);
        double wq = RHO / (MU - LAMBDA);
        double lq = RHO * RHO / (1 - RHO);
        Theory.Comparisons check = Theory.comparisons(3);
        check.covers("M/M/1 Wq (days)", wq, Theory.stage(m, rs, "serve", StageStat.WAIT_MEAN),
                RELATIVE_HALF_WIDTH * wq);
        check.covers("M/M/1 Lq", lq, Theory.stage(m, rs, "serve", StageStat.QUEUE_LENGTH_MEAN),
                RELATIVE_HALF_WIDTH * lq);
        check.covers("M/M/1 utilisation", RHO, Theory.stage(m, rs, "serve", StageStat.UTILISATION),
                RELATIVE_HALF_WIDTH * RHO);
    }
}
