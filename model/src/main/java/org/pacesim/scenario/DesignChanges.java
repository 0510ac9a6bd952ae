package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A design point's values written as the changes a planner could have written ({@code set}, {@code route},
 * {@code scale}), each placed where its range was written, so that {@link Changes} applies and checks them as if
 * they were in the file and a value a range cannot take is reported at the range.
 *
 * <p>A multiplier (a lognormal range, or a tagged value varied by {@code from_tags}) multiplies the value the tree
 * holds when the change is made: a number (a whole number stays whole), a duration, or a route's probability.
 */
final class DesignChanges {
    static final String WHY = "uncertainty analysis: a design point";

    private DesignChanges() {}

    /** The changes that set a point's values in {@code root}, or null after reporting what cannot be set. */
    static YamlNode.Seq of(YamlNode.Map root, List<UncertaintySpec.Setting> settings, Problems problems) {
        List<YamlNode> items = new ArrayList<>();
        for (UncertaintySpec.Setting s : settings) {
            Map<String, Object> change = change(root, s, problems);
            if (change == null) continue;
            Map<String, Object> item = new LinkedHashMap<>(change);
            item.put("why", WHY);
            items.add(ScenarioLoader.node(item, s.varied().at()));
        }
        return new YamlNode.Seq(items, Location.of("uncertainty"));
    }

    /**
     * The same changes as plain maps, without a {@code why} (a file that writes them gives its own), or null after
     * reporting what cannot be set.
     */
    static List<Map<String, Object>> maps(YamlNode.Map root, List<UncertaintySpec.Setting> settings, Problems problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (UncertaintySpec.Setting s : settings) {
            Map<String, Object> change = change(root, s, problems);
            if (change != null) out.add(change);
        }
        return problems.isEmpty() ? out : null;
    }

    /** The value as written that a varied value replaces or multiplies: 1 for a multiplier; NaN when not found. */
    static double asWritten(YamlNode.Map root, UncertaintySpec.Varied v) {
        if (v.range().multiplier() || v.target() instanceof UncertaintySpec.Target.StageDurations) return 1;
        if (v.target() instanceof UncertaintySpec.Target.RouteShare r) {
            YamlNode.Map route = route(root, r);
            return route == null ? Double.NaN : RawRoutes.p(route);
        }
        String path = ((UncertaintySpec.Target.Field) v.target()).path();
        YamlNode node = find(root, path);
        if (node == null && path.endsWith(".scale")) return 1;
        Double number = node instanceof YamlNode.Scalar sc ? Values.parseNumber(sc) : null;
        return number == null ? Double.NaN : number;
    }

    private static Map<String, Object> change(YamlNode.Map root, UncertaintySpec.Setting s, Problems problems) {
        UncertaintySpec.Varied v = s.varied();
        boolean times = v.range().multiplier();
        if (v.target() instanceof UncertaintySpec.Target.StageDurations d) {
            return Map.of("scale", ordered("stage", d.stage(), "duration", s.value()));
        }
        if (v.target() instanceof UncertaintySpec.Target.RouteShare r) {
            double p = s.value();
            if (times) {
                YamlNode.Map route = route(root, r);
                if (route == null) {
                    problems.add(v.at(), v.name(), "stage '" + r.stage() + "' has no route labelled '" + r.label()
                            + "' to vary", "name a labelled route of the stage, e.g. stages.panel.next.deferred.p");
                    return null;
                }
                p = RawRoutes.p(route) * s.value();
            }
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("stage", r.stage());
            spec.put("outcome", r.label());
            if (r.when() != null) spec.put("when", r.when());
            spec.put("p", p);
            return Map.of("route", spec);
        }
        String path = ((UncertaintySpec.Target.Field) v.target()).path();
        Object value = v.range() instanceof ValueRange.UniformInt ? (Object) Math.round(s.value()) : (Object) s.value();
        if (times) {
            value = multiplied(find(root, path), path, s.value());
            if (value == null) {
                problems.add(v.at(), v.name(), "cannot multiply '" + path + "': it does not hold a number or a duration",
                        "vary it by a range of values (uniform, triangular), or a stage's durations by its scale");
                return null;
            }
        }
        return Map.of("set", ordered("path", path, "value", value));
    }

    /**
     * A two-key map that keeps its keys in this order: the change is written out (a fitted scenario file), and
     * {@code Map.of}'s order changes from one JVM to the next.
     */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    /** The value as written times {@code factor}: a whole number rounded, a duration in days; null when neither. */
    private static Object multiplied(YamlNode current, String path, double factor) {
        // a stage written without a scale has scale 1
        if (current == null && path.endsWith(".scale")) return factor;
        if (!(current instanceof YamlNode.Scalar sc) || sc.text() == null) return null;
        Double number = Values.parseNumber(sc);
        if (number != null) {
            boolean whole = sc.text().trim().matches("-?[0-9_]+");
            return whole ? (Object) Math.round(number * factor) : (Object) (number * factor);
        }
        double days = Durations.parseDuration(sc.text());
        if (Double.isNaN(days) || Durations.isBare(sc.text())) return null;
        return String.format(Locale.ROOT, "%.4fd", days * factor);
    }

    /** The node at a dotted path, as a {@code set} change walks it, or null. */
    static YamlNode find(YamlNode.Map root, String path) {
        YamlNode node = root;
        for (String part : path.split("\\.")) {
            node = Changes.child(node, part);
            if (node == null) return null;
        }
        return node;
    }

    /** The route a route share names, or null. */
    static YamlNode.Map route(YamlNode.Map root, UncertaintySpec.Target.RouteShare r) {
        YamlNode stages = root.get("stages");
        YamlNode stage = stages instanceof YamlNode.Map m ? m.get(r.stage()) : null;
        if (!(stage instanceof YamlNode.Map s)) return null;
        for (YamlNode.Map route : RawRoutes.of(s.get("next"))) {
            String when = RawRoutes.text(route, "when");
            if (r.label().equals(RawRoutes.text(route, "label"))
                    && (r.when() == null ? when == null : when != null && r.when().trim().equals(when.trim()))) {
                return route;
            }
        }
        return null;
    }
}
