package org.pacesim.random;

import umontreal.ssj.rng.RandomStream;

/** Draws a level index from fixed probabilities by inversion (one uniform per draw). */
public final class Categorical {
    private final double[] cumulative;
    private final RandomStream stream;

    /**
     * @param probabilities one per level, summing to 1
     * @param stream        the stream owned by the caller's replication
     */
    public Categorical(double[] probabilities, RandomStream stream) {
        this.cumulative = new double[probabilities.length];
        double c = 0;
        for (int i = 0; i < probabilities.length; i++) {
            c += probabilities[i];
            cumulative[i] = c;
        }
        this.stream = stream;
    }

    /** The next level index. */
    public int next() {
        double u = stream.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) return i;
        }
        return cumulative.length - 1;
    }
}
