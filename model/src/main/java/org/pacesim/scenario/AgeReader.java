package org.pacesim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a child's age on arrival: {@code age:} on the attribute that is the age band, one distribution per level
 * ({@code age: {under1: {uniform: [0y, 1y]}, age1to4: {uniform: [1y, 5y]}, ...}}), and a source's own {@code age:}
 * (infants accommodated from hospital). An age is a duration since birth, so it is written with a unit and read by
 * the one distribution parser; it must be bounded (a band has an upper end) and under {@link #OLDEST}.
 */
final class AgeReader {
    /** No child is looked after at this age or older; an age beyond it is a typo (a unit missed). */
    static final double OLDEST = 26 * Durations.YEAR;
    static final String HELP = "give each level the ages it holds, e.g. age: {under1: {uniform: [0y, 1y]}, "
            + "age1to4: {uniform: [1y, 5y]}}";

    private final Problems problems;
    private final DistributionParser distributions;

    AgeReader(Problems problems, DistributionParser distributions) {
        this.problems = problems;
        this.distributions = distributions;
    }

    /** The age on arrival of each of {@code levels}, read from {@code node}; every level needs one. */
    Map<String, DistributionSpec> band(YamlNode node, String path, List<String> levels) {
        Fields f = new Fields(node, path, problems);
        Map<String, DistributionSpec> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : f.map().entries()) {
            if (!levels.contains(e.key())) {
                problems.add(e.keyAt(), path + "." + e.key(), "'" + e.key() + "' is not a level of this attribute",
                        Names.hint(e.key(), levels, "level"));
                continue;
            }
            DistributionSpec d = one(e.value(), path + "." + e.key());
            if (d != null) out.put(e.key(), d);
        }
        for (String level : levels) {
            if (!f.has(level)) {
                problems.add(f.at(), path, "level '" + level + "' has no age", "add " + level + ": {uniform: [..y, ..y]}"
                        + " (every level of an age band needs the ages it holds)");
            }
            // A level whose age was refused keeps a stand-in, so that the band is still a band and the conditions
            // that read the age are not refused too (the file is refused for the age itself).
            out.putIfAbsent(level, new DistributionSpec.Fixed(0));
        }
        Map<String, DistributionSpec> ordered = new LinkedHashMap<>();
        for (String level : levels) ordered.put(level, out.get(level));
        return ordered;
    }

    /** One age distribution, or null after reporting. */
    DistributionSpec one(YamlNode node, String path) {
        DistributionSpec d = distributions.parse(node, path);
        if (d == null) return null;
        double oldest = oldest(d);
        if (Double.isInfinite(oldest)) {
            problems.add(node.at(), path, "an age needs an upper end, and " + d.describe() + " has none",
                    "use {uniform: [1y, 5y]} or {triangular: [..]}, or give the distribution a max:");
            return null;
        }
        if (oldest >= OLDEST) {
            problems.add(node.at(), path, "an age of " + Durations.format(oldest) + " is beyond the ages of looked"
                    + " after children", "write ages in years, e.g. {uniform: [12y, 16y]}");
            return null;
        }
        return d;
    }

    /** The largest age a distribution can give, in days (infinite when unbounded). */
    static double oldest(DistributionSpec d) {
        if (d instanceof DistributionSpec.Fixed x) return x.days();
        if (d instanceof DistributionSpec.Uniform x) return x.max();
        if (d instanceof DistributionSpec.Triangular x) return x.max();
        if (d instanceof DistributionSpec.Empirical x) return java.util.Arrays.stream(x.values()).max().orElse(0);
        if (d instanceof DistributionSpec.Observed x) return java.util.Arrays.stream(x.observations()).max().orElse(0);
        if (d instanceof DistributionSpec.Exponential x) return x.bounds().max();
        if (d instanceof DistributionSpec.Lognormal x) return x.bounds().max();
        if (d instanceof DistributionSpec.Gamma x) return x.bounds().max();
        if (d instanceof DistributionSpec.Weibull x) return x.bounds().max();
        return Double.POSITIVE_INFINITY; // working days do not measure an age
    }
}
