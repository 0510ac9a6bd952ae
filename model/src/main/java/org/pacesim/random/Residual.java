package org.pacesim.random;

import org.pacesim.scenario.DistributionSpec;

import umontreal.ssj.probdist.Distribution;
import umontreal.ssj.rng.RandomStream;

/**
 * The remaining time of a duration that has already lasted a while: for a duration X (times a stage's scale) that
 * has lasted {@code a}, a draw of X - a given X > a. Used to start a run from today's caseload, where a child who
 * has spent 20 weeks on a Form E is less likely to be nearly done than a fresh draw would say (lognormal) or exactly as
 * likely (exponential, which has no memory). Restarting the whole duration instead would bias every caseload child's
 * time long.
 *
 * <p>By inversion, one uniform per draw: u is mapped onto (F(a), 1) and X = F<sup>-1</sup>(u). When the time
 * already spent is beyond what the distribution allows (F(a) = 1 to double precision, e.g. more than a fixed
 * duration), the remaining time is 0: the child goes on at once.
 */
public final class Residual {
    private final Distribution dist;  // null for a fixed duration
    private final double fixed;
    private final double scale;
    private final RandomStream stream;

    /**
     * @param spec   the stage's duration distribution
     * @param stream the stream owned by the caller's replication
     * @param scale  the stage's scale (draws are {@code scale} times the spec's)
     */
    public Residual(DistributionSpec spec, RandomStream stream, double scale) {
        this.dist = spec instanceof DistributionSpec.Fixed ? null : Distributions.of(spec);
        this.fixed = spec instanceof DistributionSpec.Fixed f ? f.days() * scale : Double.NaN;
        this.scale = scale;
        this.stream = stream;
    }

    /** The remaining days of a duration that has lasted {@code elapsed} days. */
    public double remaining(double elapsed) {
        if (dist == null) return Math.max(0, fixed - elapsed);
        double a = elapsed / scale;
        double fa = a <= 0 ? 0 : dist.cdf(a);
        double u = stream.nextDouble();   // drawn even when not needed, so the stream stays in step across scenarios
        if (fa >= 1) return 0;
        double x = dist.inverseF(Math.min(fa + u * (1 - fa), Math.nextDown(1.0))); // 1 itself maps to infinity
        return Math.max(0, x * scale - elapsed);
    }
}
