package org.pacesim.scenario;

import java.util.Arrays;
import java.util.List;

/**
 * Typed reading of one map of the raw tree, reporting every problem to {@link Problems} with the field's path and
 * place and carrying on with a harmless default, so that one pass finds all the mistakes in a file.
 */
final class Fields {
    private static final YamlNode.Map EMPTY = new YamlNode.Map(Location.of(""));
    private final YamlNode.Map map;
    private final String path;
    private final Problems problems;
    private final Location at;

    /**
     * Reads {@code node} as a map; if it is not one, reports that and reads it as empty.
     */
    Fields(YamlNode node, String path, Problems problems) {
        this.path = path;
        this.problems = problems;
        this.at = node.at();
        if (node instanceof YamlNode.Map m) {
            this.map = m;
        } else {
            problems.add(node.at(), path, "expected a map of fields (key: value), found " + node.describe(),
                    "write the fields as 'key: value' lines indented under '" + last(path) + ":'");
            this.map = EMPTY;
        }
    }

    YamlNode.Map map() {
        return map;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Reports keys other than {@code allowed}, with a suggestion. */
    void allow(String... allowed) {
        List<String> ok = Arrays.asList(allowed);
        for (YamlNode.Entry e : map.entries()) {
            if (!ok.contains(e.key())) {
                problems.add(e.keyAt(), path(e.key()), "unknown field '" + e.key() + "'",
                        Names.hint(e.key(), ok, "field"));
            }
        }
    }

    boolean has(String key) {
        YamlNode n = map.get(key);
        return n != null && !(n instanceof YamlNode.Scalar s && s.text() == null);
    }

    YamlNode node(String key) {
        return map.get(key);
    }

    /** Where the key was written, or the map itself when the key is missing. */
    Location at(String key) {
        YamlNode.Entry e = map.entry(key);
        return e == null ? at : e.keyAt();
    }

    Location at() {
        return at;
    }

    void missing(String key, String fix) {
        problems.add(at, path(key), "required field '" + key + "' is missing", fix);
    }

    void bad(String key, String what, String fix) {
        YamlNode n = map.get(key);
        problems.add(n == null ? at(key) : n.at(), path(key), what, fix);
    }

    /** A text value, or {@code dflt} when absent. Reports a non-scalar. */
    String text(String key, String dflt) {
        YamlNode n = map.get(key);
        if (n == null) return dflt;
        if (n instanceof YamlNode.Scalar s) return s.text() == null ? dflt : s.text();
        bad(key, "expected a single value, found " + n.describe(), "write one value after '" + key + ":'");
        return dflt;
    }

    /** A required text value; reports when missing. */
    String requiredText(String key, String fix) {
        if (!has(key)) { // absent, or present with nothing after the colon
            missing(key, fix);
            return null;
        }
        return text(key, null);
    }

    /** A duration in days (>= 0 or > 0 as asked), or {@code dflt} when absent; NaN after reporting when invalid. */
    double duration(String key, double dflt, boolean positive) {
        YamlNode n = map.get(key);
        if (n == null) return dflt;
        return Values.duration(n, path(key), problems, positive);
    }

    /** A whole number in [min, max], or {@code dflt} when absent. */
    long whole(String key, long dflt, long min, long max, String fix) {
        YamlNode n = map.get(key);
        if (n == null) return dflt;
        return Values.whole(n, path(key), problems, min, max, fix, dflt);
    }

    /** A plain number in [min, max], or {@code dflt} when absent; NaN after reporting when invalid. */
    double number(String key, double dflt, double min, double max, String fix) {
        YamlNode n = map.get(key);
        if (n == null) return dflt;
        return Values.number(n, path(key), problems, min, max, fix);
    }

    private static String last(String path) {
        int i = path.lastIndexOf('.');
        return i < 0 ? path : path.substring(i + 1);
    }
}
