package org.pacesim.theory;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.engine.Model;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;

/**
 * Two M/M/1 queues in series, a Jackson network (scenario {@code theory/tandem.yaml}): by Burke's theorem the
 * departures of the first are Poisson, so each station behaves as an independent M/M/1 with the same arrival rate.
 */
class TandemNetworkTest {
    /** Arrival rate, per day. */
    private static final double LAMBDA = 0.5;
    /** Service rate of the first station, per day (mean 1.2 days). */
    private static final double MU1 = 1 / 1.2;
    /** Service rate of the second station, per day (mean 1.5 days). */
    private static final double MU2 = 1 / 1.5;
    /** Widest acceptable 95% CI half-width, as a share of the analytic value. */
    private static final double RELATIVE_HALF_WIDTH = 0.02;

    /**
     * Mean sojourn at each station and through the network, the latter from the measure {@code sojourn} (arrival to
     * the {@code served} outcome) (three comparisons, each at 98.3%).
     *
     * <p>Configuration: 300 replications, horizon 61 years, warm-up 1 year, seed 18; about 11,000 children per
     * replication.
     *
     * <p>Theory: 1/(mu1 - lambda) = 3 days; 1/(mu2 - lambda) = 6 days; total 9 days.
     *
     * <p>Observed 95% CIs: station 1 [2.983, 3.008]; station 2 [5.989, 6.082]; total [8.981, 9.081].
     */
    @Test
    void sojournIsSumOfStationSojourns() {
        Model m = Theory.model("tandem.yaml");
        List<ReplicationResult> rs = Theory.run(m);
        double first = 1 / (MU1 - LAMBDA);
        double second = 1 / (MU2 - LAMBDA);
        Theory.Comparisons check = Theory.comparisons(3);
        check.covers("tandem station 1 sojourn (days)", first,
                Theory.stage(m, rs, "first", StageStat.TIME_IN_STAGE_MEAN), RELATIVE_HALF_WIDTH * first);
        check.covers("tandem station 2 sojourn (days)", second,
                Theory.stage(m, rs, "second", StageStat.TIME_IN_STAGE_MEAN), RELATIVE_HALF_WIDTH * second);
        check.covers("tandem total sojourn (days)", first + second,
                Theory.measure(m, rs, "sojourn", MeasureStat.MEAN), RELATIVE_HALF_WIDTH * (first + second));
    }
}
