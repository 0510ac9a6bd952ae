package org.pacesim.theory;

import java.util.List;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.pacesim.engine.Model;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;

/**
 * M/G/infinity: a delay stage has no capacity limit, so in steady state the number in it is Poisson with mean
 * lambda E[S] whatever the distribution of S. Eight delay stages in tandem (scenario {@code theory/mginf.yaml}), one
 * per distribution family or option, each fed by the Poisson output of the one before; the mean time in each stage
 * also checks that family's parameter conversion (SSJ's conventions differ from the file's: rates for the Weibull,
 * (min, max, mode) for the triangular, log-scale parameters for the lognormal).
 */
class InfiniteServerTest {
    /** Arrival rate, per day. */
    private static final double LAMBDA = 2.0;
    /** Widest acceptable 95% CI half-width, as a share of the analytic value. */
    private static final double RELATIVE_HALF_WIDTH = 0.01;
    /** The 90th percentile of the standard normal. */
    private static final double Z90 = 1.2815515655446004;

    /**
     * Mean number in each delay stage, L = lambda E[S] with lambda = 2/day, and the mean time in it, E[S] (sixteen
     * comparisons, each at 1 - 0.05/16 = 99.69%).
     *
     * <p>Configuration: 20 replications, horizon 21 years, warm-up 1 year, seed 14; about 14,600 children per
     * replication.
     *
     * <p>Theory:
     * <ul>
     *   <li>triangular [7, 14, 42] days: E[S] = (7 + 14 + 42)/3 = 21 days, L = 42;</li>
     *   <li>lognormal median 14 days, p90 42 days: sigma = ln 3 / z_0.9 = 0.85725, E[S] = 14 exp(sigma^2/2) = 20.217
     *       days, L = 40.433;</li>
     *   <li>gamma mean 10 days, sd 4 days (shape 6.25, not an integer, so the acceptance-rejection generator):
     *       L = 20;</li>
     *   <li>uniform [7, 21] days: E[S] = 14 days, L = 28;</li>
     *   <li>Weibull shape 1.5, scale 14 days: E[S] = 14 Gamma(1 + 1/1.5) = 12.638 days, L = 25.277;</li>
     *   <li>empirical 7, 14, 28 days with weights 1, 2, 1: E[S] = 15.75 days, L = 31.5;</li>
     *   <li>exponential mean m = 14 days truncated at b = 28 days: E[S] = m - b e^(-b/m) / (1 - e^(-b/m)) = 9.6175
     *       days, L = 19.235;</li>
     *   <li>exponential mean 14 days with {@code scale: 0.5}: E[S] = 7 days, L = 14.</li>
     * </ul>
     *
     * <p>Observed 95% CIs of L: triangular [41.79, 42.09]; lognormal [40.125, 40.428]; gamma [19.88, 20.04]; uniform
     * [27.86, 28.06]; Weibull [25.12, 25.39]; empirical [31.34, 31.61]; truncated [19.14, 19.32]; scaled
     * [13.93, 14.06] (half-widths 0.36% to 0.53%). Of E[S]: triangular [20.975, 21.032]; lognormal [20.115, 20.234];
     * gamma [9.979, 10.009]; uniform [13.983, 14.015]; Weibull [12.617, 12.674]; empirical [15.730, 15.794];
     * truncated [9.601, 9.653]; scaled [6.986, 7.029]. The lognormal L's 95% interval misses 40.433 by 0.005
     * (its 99.69% interval [40.03, 40.52] holds it); an independent run of 400 replications (seed 99) gave
     * [40.406, 40.498], and the lognormal's E[S] agrees here, so this is one of the misses a 95% interval is
     * expected to make, not a bias.
     */
    @Test
    void meanNumberInStageIsLambdaTimesMeanDuration() {
        Model m = Theory.model("mginf.yaml");
        List<ReplicationResult> rs = Theory.run(m);
        Theory.Comparisons check = Theory.comparisons(16);
        double lognormalMean = 14 * Math.exp(Math.pow(Math.log(3) / Z90, 2) / 2);
        check(check, m, rs, "triangular", (7 + 14 + 42) / 3.0);
        check(check, m, rs, "lognormal", lognormalMean);
        check(check, m, rs, "gamma", 10);
        check(check, m, rs, "uniform", 14);
        check(check, m, rs, "weibull", 14 * Gamma.gamma(1 + 1 / 1.5));
        check(check, m, rs, "empirical", (7 + 2 * 14 + 28) / 4.0);
        check(check, m, rs, "truncated", 14 - 28 * Math.exp(-2) / (1 - Math.exp(-2)));
        check(check, m, rs, "scaled", 0.5 * 14);
    }

    private static void check(Theory.Comparisons check, Model m, List<ReplicationResult> rs, String stage,
                              double meanDays) {
        double l = LAMBDA * meanDays;
        check.covers("M/G/inf " + stage + " L", l, Theory.stage(m, rs, stage, StageStat.IN_STAGE_MEAN),
                RELATIVE_HALF_WIDTH * l);
        check.covers("M/G/inf " + stage + " E[S] (days)", meanDays,
                Theory.stage(m, rs, stage, StageStat.TIME_IN_STAGE_MEAN), RELATIVE_HALF_WIDTH * meanDays);
    }
}
