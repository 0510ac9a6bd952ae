package org.pacesim.scenario;

import java.util.List;

/**
 * A categorical attribute drawn for each child at arrival, e.g. {@code age_band}.
 *
 * @param name          the attribute's name
 * @param levels        the level names, in file order
 * @param probabilities one per level, summing to 1
 * @param at            where it was declared
 */
public record Attribute(String name, List<String> levels, double[] probabilities, Location at) {
    /** Keeps a copy of the probabilities, so that the attribute cannot change after it is made. */
    public Attribute {
        probabilities = probabilities.clone();
    }

    /** The probabilities (a copy). */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** The index of a level, or -1. */
    public int indexOf(String level) {
        return levels.indexOf(level);
    }
}
