package org.pacesim.random;

/** Draws one duration, in days. Each sampler owns its stream and belongs to one replication. */
@FunctionalInterface
public interface Sampler {
    /** The next draw. */
    double sample();
}
