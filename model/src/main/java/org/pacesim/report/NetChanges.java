package org.pacesim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.pacesim.random.Distributions;
import org.pacesim.scenario.DistributionSpec;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.Labels;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;

/**
 * What an intervention changed, stage by stage, against the baseline: the net effect of all its changes, however
 * many there were and in whatever order ("legal advice: durations x0.19" where a package scaled them by 0.75 and
 * again by 0.25). Read from the two finished scenarios, so it is what was run, not what was written.
 */
final class NetChanges {
    private NetChanges() {}

    /** One stage's net change, e.g. ("Legal advice", "durations x0.19, median 3.0 to 0.6 weeks"). */
    record Stage(String label, String change) {
        @Override
        public String toString() {
            return label + ": " + change;
        }
    }

    /**
     * The changes in one line, like changes gathered: "removed Ratifying LAR, Form E part 2; durations x0.5 Form E
     * part 1, x0.38 PO report; Permanence LAR: cancelled no legal advice 38% to 5%".
     */
    static String summary(List<Stage> changes) {
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> scaled = new ArrayList<>();
        List<String> rerouted = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (Stage c : changes) {
            if (c.change().equals("removed")) removed.add(c.label());
            else if (c.change().equals("added")) added.add(c.label());
            else if (c.change().matches("durations x[0-9.]+")) scaled.add(c.label() + " " + c.change().substring(10));
            else if (c.change().equals("routes changed")) rerouted.add(c.label());
            else other.add(c.toString());
        }
        List<String> parts = new ArrayList<>();
        if (!removed.isEmpty()) parts.add("removed " + String.join(", ", removed));
        if (!added.isEmpty()) parts.add("added " + String.join(", ", added));
        if (!scaled.isEmpty()) parts.add("durations " + String.join(", ", scaled));
        if (!rerouted.isEmpty()) parts.add("routes of " + String.join(", ", rerouted));
        parts.addAll(other);
        return String.join("; ", parts);
    }

    /** The net changes of {@code other} against {@code base}, in the order of the baseline's stages, then new ones. */
    static List<Stage> of(Scenario base, Scenario other) {
        List<Stage> out = new ArrayList<>();
        for (StageSpec b : base.stages().values()) {
            StageSpec o = other.stages().get(b.name());
            String label = Labels.stage(base, b.name());
            if (o == null) {
                out.add(new Stage(label, "removed"));
                continue;
            }
            List<String> parts = new ArrayList<>();
            timing(b, o, parts);
            routes(b, o, base, other, parts);
            if (!parts.isEmpty()) out.add(new Stage(label, String.join("; ", parts)));
        }
        for (StageSpec o : other.stages().values()) {
            if (!base.stages().containsKey(o.name())) out.add(new Stage(Labels.stage(other, o.name()), "added"));
        }
        return out;
    }

    private static void timing(StageSpec b, StageSpec o, List<String> parts) {
        if (b instanceof StageSpec.Delay bd && o instanceof StageSpec.Delay od) {
            if (!Objects.equals(bd.until(), od.until())) parts.add("timing changed");
            durations(bd.duration(), bd.scale(), od.duration(), od.scale(), parts);
        } else if (b instanceof StageSpec.Service bs && o instanceof StageSpec.Service os) {
            durations(bs.duration(), bs.scale(), os.duration(), os.scale(), parts);
        } else if (b instanceof StageSpec.Meeting bm && o instanceof StageSpec.Meeting om) {
            if (bm.capacity() != om.capacity()) {
                parts.add("places per sitting " + places(bm) + " to " + places(om));
            }
            if (bm.every() != om.every()) {
                parts.add("sittings every " + Durations.format(bm.every()) + " to every " + Durations.format(om.every()));
            }
            durations(bm.decisionDelay(), bm.scale(), om.decisionDelay(), om.scale(), parts);
        } else if (b.kind() != o.kind()) {
            parts.add("now a " + o.kind() + " stage");
        }
    }

    private static String places(StageSpec.Meeting m) {
        return m.unlimited() ? "unlimited" : String.valueOf(m.capacity());
    }

    private static void durations(DistributionSpec b, double bScale, DistributionSpec o, double oScale,
                                  List<String> parts) {
        if (b == null || o == null) {
            if (b != o) parts.add("timing changed");
            return;
        }
        double before = Distributions.implied(b).median() * bScale;
        double after = Distributions.implied(o).median() * oScale;
        boolean sameShape = Math.abs(Distributions.implied(b).median() - Distributions.implied(o).median()) < 1e-9;
        if (Math.abs(before - after) < 1e-9 && sameShape && bScale == oScale) return;
        String medians = String.format(Locale.ROOT, "median %s to %s weeks", weeks(before), weeks(after));
        // A scaling is said as its net factor (the medians follow from it); a new distribution by its medians.
        parts.add(sameShape && bScale != 0 ? "durations x" + factor(oScale / bScale) : medians);
    }

    private static String weeks(double days) {
        return String.format(Locale.ROOT, "%.1f", days / Durations.WEEK);
    }

    private static String factor(double f) {
        String s = String.format(Locale.ROOT, "%.2f", f).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Route probabilities that moved, by route (label or destination, and condition); new and lost destinations. */
    private static void routes(StageSpec b, StageSpec o, Scenario base, Scenario other, List<String> parts) {
        Map<String, Route> before = byKey(b.routes());
        Map<String, Route> after = byKey(o.routes());
        // A route into a removed stage now goes where that stage went: the removal, already said, not a reroute.
        java.util.Set<String> bypassed = new java.util.HashSet<>();
        for (StageSpec gone : base.stages().values()) {
            if (other.stages().containsKey(gone.name())) continue;
            before.values().removeIf(r -> r.to().equals(gone.name()));
            gone.routes().forEach(r -> bypassed.add(r.to()));
        }
        after.values().removeIf(r -> bypassed.contains(r.to()) && !b.routes().stream()
                .anyMatch(x -> x.to().equals(r.to())));
        // Likewise a route now into an added stage, which leads on to where the route went before: the insertion.
        for (StageSpec added : other.stages().values()) {
            if (base.stages().containsKey(added.name())) continue;
            after.values().removeIf(r -> r.to().equals(added.name()));
            added.routes().forEach(x -> before.values().removeIf(r -> r.to().equals(x.to())));
        }
        List<String> moved = new ArrayList<>();
        boolean rerouted = false;
        List<String> groupsSaid = new ArrayList<>();
        for (Map.Entry<String, Route> e : before.entrySet()) {
            Route a = after.get(e.getKey());
            if (a == null) {
                rerouted = true;
                continue;
            }
            String group = e.getValue().when() == null ? "" : e.getValue().when().text();
            // Of two routes that share a condition, one moving says the other moved the opposite way.
            boolean pair = b.routes().stream().filter(x -> (x.when() == null ? "" : x.when().text()).equals(group))
                    .count() == 2;
            if (Math.abs(a.p() - e.getValue().p()) > 1e-9 && !(pair && groupsSaid.contains(group))) {
                groupsSaid.add(group);
                Route r = e.getValue();
                String name = Labels.inSentence(r.label() != null ? Labels.readable(r.label())
                        : "to " + Labels.inSentence(Labels.stage(base, r.to())));
                moved.add(name + (r.when() == null ? "" : " (" + r.when().text() + ")") + " "
                        + percent(r.p()) + " to " + percent(a.p()));
            }
        }
        if (!before.keySet().containsAll(after.keySet())) rerouted = true;
        if (!moved.isEmpty()) parts.add(String.join(", ", moved));
        if (rerouted) parts.add("routes changed");
    }

    private static Map<String, Route> byKey(List<Route> routes) {
        Map<String, Route> out = new LinkedHashMap<>();
        for (Route r : routes) {
            String key = (r.label() != null ? r.label() : "") + ">" + r.to() + "|" + (r.when() == null ? "" : r.when().text());
            out.putIfAbsent(key, r);
        }
        return out;
    }

    private static String percent(double p) {
        double v = p * 100;
        return (Math.abs(v - Math.rint(v)) < 1e-6 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)) + "%";
    }
}
