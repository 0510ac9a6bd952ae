package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code attributes: {age_band: {categorical: {under1: 0.18, age1to4: 0.20, ...}}}}, and on the age band the
 * age on arrival each level holds ({@code age: {under1: {uniform: [0y, 1y]}, ...}}, see {@link AgeReader}).
 */
final class AttributeReader {
    private final Problems problems;
    private final AgeReader ages;

    AttributeReader(Problems problems, AgeReader ages) {
        this.problems = problems;
        this.ages = ages;
    }

    /** The attributes by name, in file order (empty when there are none). */
    Map<String, Attribute> read(YamlNode node) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        if (node == null) return attributes;
        Fields all = new Fields(node, "attributes", problems);
        String bandAt = null;
        for (YamlNode.Entry e : all.map().entries()) {
            String path = "attributes." + e.key();
            Fields f = new Fields(e.value(), path, problems);
            f.allow("categorical", "description", "age");
            if (!(f.node("categorical") instanceof YamlNode.Map levels) || levels.keys().isEmpty()) {
                f.missing("categorical", "list the levels and their shares, e.g. {categorical: {under1: 0.18, "
                        + "age1to4: 0.20, age5to11: 0.30, age12plus: 0.32}}");
                continue;
            }
            List<String> names = new ArrayList<>(levels.keys());
            double[] p = new double[names.size()];
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                YamlNode.Entry le = levels.entry(names.get(i));
                p[i] = Values.probability(le.value(), path + ".categorical." + le.key(), problems);
                sum += p[i];
            }
            if (!Double.isNaN(sum) && Math.abs(sum - 1) > Values.SUM_TOLERANCE) {
                problems.add(levels.at(), path + ".categorical", "the shares add up to " + Values.fmt(Values.round(sum))
                        + ", not 1", "adjust the shares so that they add up to 1");
            }
            Map<String, DistributionSpec> age = Map.of();
            if (f.has("age")) {
                if (bandAt != null) {
                    f.bad("age", "only one attribute can be the age band, and " + bandAt + " already is",
                            "keep age: on one attribute");
                } else {
                    bandAt = "'" + e.key() + "'";
                    age = ages.band(f.node("age"), path + ".age", names);
                }
            }
            attributes.put(e.key(), new Attribute(e.key(), List.copyOf(names), p, e.keyAt(), age));
        }
        return attributes;
    }
}
