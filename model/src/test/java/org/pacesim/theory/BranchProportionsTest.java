package org.pacesim.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.pacesim.engine.Model;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.ResultLayout;
import org.pacesim.stats.Summary;

/**
 * A three-way probabilistic split (scenario {@code theory/branches.yaml}: after a fixed 1-day decision, home with
 * p = 0.5, a kinship order with 0.3, adoption with 0.2). Every route choice is an independent draw from the
 * stage's routing stream, so given the number N of children leaving in the window the counts per outcome are
 * multinomial(N, p), and each observed share has a binomial confidence interval around it.
 */
class BranchProportionsTest {
    /** Outcome labels and their route probabilities, as in the scenario. */
    private static final String[] OUTCOMES = {"home", "permanence (kinship)", "permanence (adoption)"};
    private static final double[] P = {0.5, 0.3, 0.2};
    /** Widest acceptable 95% half-width of a share. */
    private static final double MAX_HALF_WIDTH = 0.005;

    /**
     * Observed share of each outcome against its route probability, pooled over replications, with a normal
     * approximation to the binomial interval (N is in the hundreds of thousands); three comparisons, each at
     * 1 - 0.05/3 = 98.3%.
     *
     * <p>Configuration: 20 replications, horizon 21 years, warm-up 1 year, seed 21; about 14,600 children per
     * replication.
     *
     * <p>Theory: shares 0.5, 0.3, 0.2.
     *
     * <p>Observed, of N = 291,039 exits: home 0.50128, 95% CI [0.49947, 0.50310]; kinship 0.29897 [0.29730,
     * 0.30063]; adoption 0.19975 [0.19830, 0.20120].
     */
    @Test
    void outcomeSharesMatchRouteProbabilities() {
        Model m = Theory.model("branches.yaml");
        List<ReplicationResult> rs = Theory.run(m);
        ResultLayout layout = m.layout();
        long[] counts = new long[OUTCOMES.length];
        for (ReplicationResult r : rs) {
            for (int k = 0; k < OUTCOMES.length; k++) {
                int o = outcomeIndex(layout, OUTCOMES[k]);
                double count = r.outcomes()[o] * layout.years();   // exits per year back to a count
                assertEquals(Math.rint(count), count, 1e-6, "a whole number of exits");
                counts[k] += Math.round(count);
            }
        }
        long n = 0;
        for (long c : counts) n += c;
        double z95 = z(Summary.LEVEL);
        double zFamily = z(1 - (1 - Summary.LEVEL) / OUTCOMES.length);
        for (int k = 0; k < OUTCOMES.length; k++) {
            double share = (double) counts[k] / n;
            double se = Math.sqrt(share * (1 - share) / n);
            String line = String.format(Locale.ROOT, "share %s: p %.4f, observed %.5f (%d of %d), 95%% CI [%.5f, %.5f]"
                            + " (half-width %.5f; limit %.4f), %.2f%% CI [%.5f, %.5f]", OUTCOMES[k], P[k], share,
                    counts[k], n, share - z95 * se, share + z95 * se, z95 * se, MAX_HALF_WIDTH,
                    100 * (1 - (1 - Summary.LEVEL) / OUTCOMES.length), share - zFamily * se, share + zFamily * se);
            System.out.println(line);
            assertTrue(Math.abs(share - P[k]) <= zFamily * se, "route probability outside the CI. " + line);
            assertTrue(z95 * se <= MAX_HALF_WIDTH, "CI too wide to be informative. " + line);
        }
    }

    private static int outcomeIndex(ResultLayout layout, String label) {
        for (int o = 0; o < layout.outcomes().size(); o++) {
            if (layout.outcomes().get(o).label().equals(label)) return o;
        }
        throw new IllegalArgumentException("no outcome '" + label + "'");
    }

    /** The two-sided standard normal quantile for a confidence level. */
    private static double z(double level) {
        return new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
    }
}
