package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads routes, a stage's {@code next:} or a source's {@code to:}: one stage name, or a list of
 * {@code {to, p, when, label, after, set}}, and checks that each group's probabilities add up to 1.
 */
final class RouteReader {
    private final Problems problems;
    private final Map<String, Attribute> attributes;
    private final DistributionParser distributions;

    RouteReader(Problems problems, Map<String, Attribute> attributes, DistributionParser distributions) {
        this.problems = problems;
        this.attributes = attributes;
        this.distributions = distributions;
    }

    /** Reads routes and checks the probabilities of each group. */
    List<Route> read(YamlNode node, String path) {
        List<Route> out = new ArrayList<>();
        List<YamlNode.Map> raw = RawRoutes.of(node);
        if (raw.isEmpty()) {
            problems.add(node.at(), path, "no routes", "name at least one stage to go to");
            return out;
        }
        boolean single = raw.size() == 1;
        boolean unreadable = false; // a bad p or when is reported where written; group sums would only repeat it
        for (int i = 0; i < raw.size(); i++) {
            String rp = single ? path : path + "[" + i + "]";
            Fields r = new Fields(raw.get(i), rp, problems);
            r.allow("to", "p", "when", "label", "after", "set");
            String to = r.requiredText("to", "name the stage this route leads to");
            double p = r.has("p") ? Values.probability(r.node("p"), rp + ".p", problems) : Double.NaN;
            Condition when = r.has("when") ? ConditionParser.parse(r.node("when"), rp + ".when", attributes, problems) : null;
            DistributionSpec after = r.has("after") ? distributions.parse(r.node("after"), rp + ".after") : null;
            String label = r.text("label", null);
            unreadable |= r.has("p") && Double.isNaN(p) || r.has("when") && when == null;
            Map<String, String> set = r.has("set")
                    ? AttributeLevels.assignments(attributes, r.node("set"), rp + ".set", problems) : Map.of();
            out.add(new Route(label, when, p, to, after, set, raw.get(i).at()));
        }
        return unreadable ? List.copyOf(out) : checkGroups(out, node.at(), path);
    }

    /** Groups routes by condition; each group's probabilities must sum to 1 (a lone route may omit p). */
    private List<Route> checkGroups(List<Route> routes, Location at, String path) {
        List<Route> out = new ArrayList<>(routes);
        for (RouteGroup group : RouteGroup.of(routes)) {
            List<Integer> members = group.members();
            String which = group.when() == null ? "" : " with when: " + group.when().text();
            if (members.size() == 1) {
                Route r = routes.get(members.get(0));
                if (Double.isNaN(r.p()) || r.p() == 1.0) {
                    out.set(members.get(0), new Route(r.label(), r.when(), 1.0, r.to(), r.after(), r.set(), r.at()));
                } else {
                    problems.add(r.at(), path, "the only route" + which + " has p = " + Values.fmt(r.p())
                            + "; the probabilities of a group must add up to 1",
                            "add the other routes, or drop 'p' from this one");
                }
                continue;
            }
            double sum = 0;
            boolean missing = false;
            for (int i : members) {
                if (Double.isNaN(routes.get(i).p())) missing = true;
                else sum += routes.get(i).p();
            }
            if (missing) {
                problems.add(at, path, "routes" + which + " need a probability 'p' each when there are several",
                        "give every route a p; together they add up to 1");
            } else if (Math.abs(sum - 1) > Values.SUM_TOLERANCE) {
                problems.add(at, path, "probabilities" + which + " add up to " + Values.fmt(Values.round(sum))
                        + ", not 1", "adjust the p values so that they add up to 1");
            }
        }
        return List.copyOf(out);
    }
}
