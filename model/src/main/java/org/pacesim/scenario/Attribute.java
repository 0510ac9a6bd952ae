package org.pacesim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A categorical attribute drawn for each child at arrival, e.g. {@code age_band}.
 *
 * @param name          the attribute's name
 * @param levels        the level names, in file order
 * @param probabilities one per level, summing to 1
 * @param at            where it was declared
 * @param ages          for the one attribute that is an age band ({@code age:} in the file): each level's age on
 *                      arrival, in days, drawn within the band; empty for any other attribute
 */
public record Attribute(String name, List<String> levels, double[] probabilities, Location at,
                        Map<String, DistributionSpec> ages) {
    /** Keeps a copy of the probabilities, so that the attribute cannot change after it is made. */
    public Attribute {
        probabilities = probabilities.clone();
        ages = Map.copyOf(ages);
    }

    /** An attribute that is not an age band. */
    public Attribute(String name, List<String> levels, double[] probabilities, Location at) {
        this(name, levels, probabilities, at, Map.of());
    }

    /** Whether each level carries an age on arrival ({@code age:}): the child's age in years then follows it. */
    public boolean isAgeBand() {
        return !ages.isEmpty();
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
