package org.pacesim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one check of an attribute's name and one of its levels against what the scenario declares, wherever a level
 * is written: a route's {@code set:}, a source's fixed attributes, a resource's priority, a condition, the caseload.
 */
final class AttributeLevels {
    private AttributeLevels() {}

    /**
     * What is wrong with naming {@code level} of {@code attribute}, or null when both are declared.
     *
     * @param attributes the declared attributes, by name
     * @param attribute  the attribute named
     * @param level      the level named (null when what was written is not a name)
     */
    static Mistake check(Map<String, Attribute> attributes, String attribute, String level) {
        Attribute a = attributes.get(attribute);
        if (a == null) {
            return new Mistake(false, "unknown attribute '" + attribute + "'",
                    Names.hint(attribute, attributes.keySet(), "attribute"));
        }
        if (level == null || a.indexOf(level) < 0) {
            return new Mistake(true, "'" + level + "' is not a level of attribute '" + attribute + "'",
                    Names.hint(String.valueOf(level), a.levels(), "level"));
        }
        return null;
    }

    /**
     * Reads {@code {attribute: level, ...}} (a route's {@code set:}, a source's fixed attributes), reporting each name
     * that is not declared where it is written; the map holds the declared ones.
     */
    static Map<String, String> assignments(Map<String, Attribute> attributes, YamlNode node, String path,
                                           Problems problems) {
        Fields f = new Fields(node, path, problems);
        Map<String, String> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : f.map().entries()) {
            String level = e.value() instanceof YamlNode.Scalar s ? s.text() : null;
            Mistake m = check(attributes, e.key(), level);
            if (m == null) out.put(e.key(), level);
            else problems.add(m.inLevel() ? e.value().at() : e.keyAt(), path + "." + e.key(), m.what(), m.fix());
        }
        return Map.copyOf(out);
    }

    /**
     * A name that is not declared.
     *
     * @param inLevel true when the attribute exists and the level is the mistake
     * @param what    what is wrong
     * @param fix     what would fix it (the nearest declared name, when one is near)
     */
    record Mistake(boolean inLevel, String what, String fix) {}
}
