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
    /** The index of a level, or -1. */
    public int indexOf(String level) {
        return levels.indexOf(level);
    }
}
