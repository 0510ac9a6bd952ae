package org.pacesim.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A {@code route} change: sets the probability of one route out of a stage, named by its label or by where it goes.
 * The other routes of its group (those with the same {@code when}) share what is left in their old proportions, so
 * the group still sums to 1.
 */
final class RouteChange {
    private RouteChange() {
    }

    /**
     * Applies the change to the raw {@code stages}; returns its summary, or null when it is refused (with the reason
     * added to {@code problems}).
     */
    static String apply(Fields f, YamlNode.Map stages, Problems problems) {
        f.allow("stage", "outcome", "to", "when", "p");
        String name = f.requiredText("stage", "the stage whose routes to change");
        String label = f.text("outcome", null);
        String to = f.text("to", null);
        String when = f.text("when", null);
        if ((label == null) == (to == null)) {
            problems.add(f.at(), f.path(), "name the route by its label ('outcome: LABEL') or by where it goes"
                    + " ('to: STAGE'), one of the two", "e.g. route: {stage: panel, outcome: deferred, p: 0.05}");
        }
        double p = f.has("p") ? Values.probability(f.node("p"), f.path("p"), problems) : Double.NaN;
        if (!f.has("p")) f.missing("p", "the new probability, e.g. p: 0.05");
        YamlNode.Map s = name != null && stages.get(name) instanceof YamlNode.Map m ? m : null;
        if (name != null && s == null) {
            problems.add(f.at("stage"), f.path("stage"), "no stage '" + name + "'", Names.hint(name, stages.keys(), "stage"));
        }
        if (s == null || (label == null) == (to == null) || Double.isNaN(p)) return null;
        String key = label != null ? "label" : "to";
        String wanted = label != null ? label : to;
        List<YamlNode.Map> routes = RawRoutes.of(s.get("next"));
        List<YamlNode.Map> hits = routes.stream().filter(r -> wanted.equals(RawRoutes.text(r, key)))
                .filter(r -> when == null || when.trim().equals(trimmed(RawRoutes.text(r, "when")))).toList();
        if (hits.size() > 1 && when == null) {
            // Without 'when', the route of the group without a condition is meant.
            hits = hits.stream().filter(r -> RawRoutes.text(r, "when") == null).toList();
        }
        if (hits.size() != 1) {
            List<String> known = routes.stream().map(r -> RawRoutes.text(r, key)).filter(l -> l != null).distinct().toList();
            String what = label != null ? "labelled '" + label + "'" : "to '" + to + "'";
            problems.add(f.at(key.equals("label") ? "outcome" : "to"), f.path(key.equals("label") ? "outcome" : "to"),
                    hits.isEmpty() ? "stage '" + name + "' has no route " + what + (when == null ? "" : " with when: " + when)
                            : "stage '" + name + "' has " + hits.size() + " routes " + what,
                    hits.isEmpty() ? (known.isEmpty() ? "label the route in the stage's 'next' first"
                            : Names.hint(wanted, known, key.equals("label") ? "label" : "target"))
                            : "add 'when:' to say which group's route is meant, or give the routes different labels");
            return null;
        }
        YamlNode.Map target = hits.get(0);
        String group = trimmed(RawRoutes.text(target, "when"));
        List<YamlNode.Map> members = routes.stream()
                .filter(r -> Objects.equals(group, trimmed(RawRoutes.text(r, "when")))).toList();
        double others = 0;
        for (YamlNode.Map r : members) if (r != target) others += RawRoutes.p(r);
        if (others <= 0 && p < 1) {
            problems.add(f.at("p"), f.path("p"), "the other routes of the group have probability 0, so they cannot take up "
                    + Values.fmt(1 - p), "change the other routes first, or keep p at 1");
            return null;
        }
        Location at = f.at();
        for (YamlNode.Map r : members) {
            double v = r == target ? p : RawRoutes.p(r) * (1 - p) / others;
            r.put("p", at, YamlNode.Scalar.of(v, at));
        }
        s.set("next", RawRoutes.write(routes, s.get("next").at()));
        return "set the probability of the route " + (label != null ? label : "to " + to) + " of " + name
                + (when == null ? "" : " (when " + when + ")") + " to " + Values.fmt(p);
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }
}
