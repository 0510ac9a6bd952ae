package org.pacesim.engine;

import java.util.List;

import org.pacesim.random.Distributions;
import org.pacesim.random.Sampler;
import org.pacesim.scenario.Attribute;
import org.pacesim.scenario.DistributionSpec;

import umontreal.ssj.rng.RandomStream;

/**
 * Draws a child's age on arrival (days): within the age band it was given (each level's {@code age:}), or from its
 * source's own age where the source has one. Without an age band every child's age is unknown (NaN), and nothing
 * is drawn, so scenarios without ages draw exactly the numbers they always did.
 */
final class AgeDraw {
    private final int band;
    private final Sampler[] byLevel;
    private final Sampler own;

    /**
     * @param attributes the scenario's attributes
     * @param own        the source's own age on arrival, or null for the band's
     * @param stream     the stream the ages are drawn from (one per source, and one for the caseload)
     */
    AgeDraw(List<Attribute> attributes, DistributionSpec own, RandomStream stream) {
        int b = -1;
        for (int a = 0; a < attributes.size(); a++) if (attributes.get(a).isAgeBand()) b = a;
        this.band = b;
        this.byLevel = b < 0 ? null : attributes.get(b).levels().stream()
                .map(l -> Distributions.sampler(attributes.get(band).ages().get(l), stream, 1.0)).toArray(Sampler[]::new);
        this.own = b < 0 || own == null ? null : Distributions.sampler(own, stream, 1.0);
    }

    /** The age on arrival of a child with these attribute levels, in days; NaN when children have no age. */
    double next(int[] levels) {
        if (band < 0) return Double.NaN;
        return own != null ? own.sample() : byLevel[levels[band]].sample();
    }
}
