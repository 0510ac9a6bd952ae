package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Routes in their raw form ({@code next:} of a stage, {@code to:} of an arrival source). Both the changes and the
 * typed builder read routes through here, so that {@code next: panel} and {@code next: [{to: panel}]} mean the same.
 */
final class RawRoutes {
    private RawRoutes() {}

    /**
     * The routes as maps; a bare stage name becomes {@code {to: name}}. Items that are neither are returned as they
     * are wrapped in a map under the key {@code to} so that the builder reports them in place.
     */
    static List<YamlNode.Map> of(YamlNode next) {
        List<YamlNode.Map> out = new ArrayList<>();
        if (next == null) return out;
        if (next instanceof YamlNode.Seq s) {
            for (YamlNode item : s.items()) out.add(asMap(item));
        } else {
            out.add(asMap(next));
        }
        return out;
    }

    private static YamlNode.Map asMap(YamlNode item) {
        if (item instanceof YamlNode.Map m) return m;
        YamlNode.Map m = new YamlNode.Map(item.at());
        m.put("to", item.at(), item);
        return m;
    }

    /** Writes routes back as a list node. */
    static YamlNode.Seq write(List<YamlNode.Map> routes, Location at) {
        return new YamlNode.Seq(new ArrayList<>(routes), at);
    }

    /** The target stage name of a raw route, or null. */
    static String to(YamlNode.Map route) {
        return route.get("to") instanceof YamlNode.Scalar s ? s.text() : null;
    }

    /** The raw text of a key of a route, or null. */
    static String text(YamlNode.Map route, String key) {
        return route.get(key) instanceof YamlNode.Scalar s ? s.text() : null;
    }

    /** The probability as written, or 1 when omitted (the only route of its group); NaN when unreadable. */
    static double p(YamlNode.Map route) {
        YamlNode n = route.get("p");
        if (n == null) return 1.0;
        double v = Values.probability(n, "", new Problems());
        return v;
    }
}
