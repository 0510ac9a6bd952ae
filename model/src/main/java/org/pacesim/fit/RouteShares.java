package org.pacesim.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.pacesim.scenario.Condition;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.Scenario;

/**
 * Route shares out of the readable stages whose ways out lead to different recorded milestones, estimated as
 * competing risks (Aalen-Johansen at the end of follow-up, not shares of the finished stays, which favour the ways
 * out that come early), one estimate per group of routes where the template's routes depend on attributes.
 */
final class RouteShares {
    private RouteShares() {}

    static List<BaselineFit.RouteFit> of(Scenario s, List<BaselineFit.StageFit> stages,
                                         List<Map<String, Object>> changes, List<String> kept, Disclosure disclosure) {
        List<BaselineFit.RouteFit> out = new ArrayList<>();
        for (BaselineFit.StageFit f : stages) {
            Readings.Reading r = f.reading();
            List<Route> routes = s.stages().get(r.stage()).routes();
            if (r.leavings().stream().map(Readings.Leaving::label).distinct().count() < 2) continue;
            List<Condition> earlier = new ArrayList<>();
            for (Condition when : groups(routes)) {
                List<Route> group = routes.stream().filter(x -> Objects.equals(text(x.when()), text(when))).toList();
                out.add(group(r.stage(), when, earlier, group, f.stays(), f.fit().events(), changes, kept, disclosure));
                if (when != null) earlier.add(when);
            }
        }
        return out;
    }

    /** The conditions of the route groups, in the order written (null for the group without one, last). */
    private static List<Condition> groups(List<Route> routes) {
        List<Condition> out = new ArrayList<>();
        boolean plain = false;
        for (Route r : routes) {
            if (r.when() == null) plain = true;
            else if (out.stream().noneMatch(c -> c.text().equals(r.when().text()))) out.add(r.when());
        }
        if (plain) out.add(null);
        return out;
    }

    private static BaselineFit.RouteFit group(String stage, Condition when, List<Condition> earlier, List<Route> group,
                                              List<Stays.Stay> stays, int allEvents, List<Map<String, Object>> changes,
                                              List<String> kept, Disclosure disclosure) {
        List<String> labels = group.stream().map(RouteShares::label).distinct().toList();
        List<CompetingRisks.Case<String>> cases = new ArrayList<>();
        String missing = null;
        for (Stays.Stay st : stays) {
            Map<String, String> levels = st.child().levels();
            String unknown = unknownAttribute(when, earlier, levels);
            if (unknown != null) {
                missing = unknown;
                continue;
            }
            if (!holds(when, levels) || earlier.stream().anyMatch(c -> holds(c, levels))) continue;
            CompetingRisks.Case<String> c = st.result();
            if (c.cause() != null && !labels.contains(c.cause())) continue;
            cases.add(c);
        }
        CompetingRisks<String> risks = CompetingRisks.of(cases);
        long events = cases.stream().filter(c -> c.cause() != null).count();
        String where = "stages." + stage + ".next" + (when == null ? "" : " (when " + when.text() + ")");
        String note = "";
        if (missing != null && cases.isEmpty()) note = "the records have no '" + missing + "' column for this group";
        else if (events < DurationFit.MIN_EVENTS) {
            note = "only " + disclosure.count(events) + " stays ended (fewer than " + DurationFit.MIN_EVENTS + ")";
        }
        if (!note.isEmpty()) {
            kept.add(where + " kept from the template: " + note);
            return new BaselineFit.RouteFit(stage, when == null ? null : when.text(), risks, false, note);
        }
        Map<String, Estimate> shares = risks.shares();
        double sum = 0;
        for (String l : labels) sum += shares.containsKey(l) ? shares.get(l).value() : 0;
        double[] target = new double[labels.size()];
        double[] template = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            target[i] = shares.containsKey(l) ? shares.get(l).value() / sum : 0;
            for (Route r : group) if (label(r).equals(l)) template[i] += r.p();
        }
        double[] requested = sequence(template, target);
        for (int i = 0; i < labels.size() - 1; i++) {
            String l = labels.get(i);
            Route r = group.stream().filter(x -> label(x).equals(l)).findFirst().orElseThrow();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("stage", stage);
            if (r.label() != null) body.put("outcome", r.label());
            else body.put("to", r.to());
            if (when != null) body.put("when", when.text());
            body.put("p", String.format(Locale.ROOT, "%.4f", requested[i]));
            changes.add(BaselineFit.change("route", body, why(labels.get(i), shares.get(labels.get(i)), target[i],
                    cases.size(), events, risks.open(), labels.size() > 2, disclosure)));
        }
        return new BaselineFit.RouteFit(stage, when == null ? null : when.text(), risks, true, "");
    }

    private static String why(String label, Estimate share, double p, int n, long events, Estimate open,
                              boolean sequential, Disclosure disclosure) {
        String s = share == null ? "never taken" : String.format(Locale.ROOT, "%.3f (%.3f to %.3f)", share.value(),
                share.lower(), share.upper());
        return String.format(Locale.ROOT, "route %s: Aalen-Johansen share at the end of follow-up %s, n=%s, "
                + "ended=%s, still in the stage %.3f; scaled with the group's other routes to add to 1: p %.4f%s",
                label, s, disclosure.count(n), disclosure.count(events), open.value(), p,
                sequential ? " (each route change rescales the routes after it, so the p written here is the one that"
                        + " leaves this share after them)" : "");
    }

    /**
     * The probabilities to write, one route change after another (each rescales the group's other routes), so that
     * the group ends with {@code target}: solved by fixed-point iteration on the changes' own arithmetic.
     */
    static double[] sequence(double[] template, double[] target) {
        int k = target.length;
        double[] a = target.clone();
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] w = apply(template, a);
            double worst = 0;
            for (int j = 0; j < k - 1; j++) {
                worst = Math.max(worst, Math.abs(w[j] - target[j]));
                if (w[j] > 0) a[j] = Math.min(1, a[j] * target[j] / w[j]);
            }
            if (worst < 1e-12) break;
        }
        return a;
    }

    /** The group's probabilities after setting routes 0..k-2 to {@code a} in order, as the route change does. */
    static double[] apply(double[] template, double[] a) {
        double[] w = template.clone();
        for (int j = 0; j < w.length - 1; j++) {
            double others = 0;
            for (int i = 0; i < w.length; i++) if (i != j) others += w[i];
            for (int i = 0; i < w.length; i++) w[i] = i == j ? a[j] : others > 0 ? w[i] * (1 - a[j]) / others : 0;
        }
        return w;
    }

    private static String label(Route r) {
        return r.label() != null ? r.label() : r.to();
    }

    private static String text(Condition c) {
        return c == null ? null : c.text();
    }

    private static boolean holds(Condition c, Map<String, String> levels) {
        if (c == null) return true;
        for (Condition.Clause cl : c.clauses()) if (!cl.levels().contains(levels.get(cl.attribute()))) return false;
        return true;
    }

    private static String unknownAttribute(Condition when, List<Condition> earlier, Map<String, String> levels) {
        List<Condition> all = new ArrayList<>(earlier);
        if (when != null) all.add(when);
        for (Condition c : all) for (Condition.Clause cl : c.clauses()) if (!levels.containsKey(cl.attribute())) return cl.attribute();
        return null;
    }
}
