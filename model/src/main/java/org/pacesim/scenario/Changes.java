package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies an intervention's {@code changes} to the merged raw tree, in order. Working on the raw tree means a
 * {@code set} is validated exactly as if it had been written, and a stage added by {@code insert} is read by the
 * same code as any other; nodes a change creates carry the change's own location, so a problem they cause is
 * reported at the change.
 *
 * <p>{@code remove: X} bypasses X: each route into X is replaced by X's routes, probabilities multiplied. This is
 * refused where it is not well defined: X is a fork, join or exit; X routes to itself; a route into X and a route out
 * of X both have an {@code after} delay; X's routes have conditions and the route into X is not its stage's only
 * route; or a milestone is recorded at X.
 */
final class Changes {
    static final List<String> KINDS = List.of("remove", "scale", "set", "route", "insert");

    private final YamlNode.Map root;
    private final List<AppliedChange> applied;
    private final List<String> removed;
    private final Problems problems = new Problems();
    private final Problems unexplained; // changes without a why: reported with the file's other problems, not alone
    private String removedStage;   // the last stage removed, and its single next stage (null when it has several)
    private String bypassTo;
    private final Dating dating;

    /**
     * @param unexplained where a change without a {@code why:} is reported: it does not stop the changes being
     *                    applied and the file read, so that it is listed with every other problem of the file
     */
    Changes(YamlNode.Map root, List<AppliedChange> applied, List<String> removed, Problems unexplained) {
        this(root, applied, removed, unexplained, Dating.undated());
    }

    /** @param dating how changes with a {@code from:} date are treated (see {@link Dating}) */
    Changes(YamlNode.Map root, List<AppliedChange> applied, List<String> removed, Problems unexplained, Dating dating) {
        this.dating = dating;
        this.unexplained = unexplained;
        this.root = root;
        this.applied = applied;
        this.removed = removed;
    }

    /** Applies every change in the list; throws with all problems found. */
    void applyAll(YamlNode list) {
        if (!(list instanceof YamlNode.Seq seq)) {
            problems.add(list.at(), "changes", "expected a list of changes", "write each change as '- remove: STAGE' "
                    + "with a 'why:' line under it");
            problems.throwIfAny();
            return;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            String path = "changes[" + i + "]";
            Fields f = new Fields(seq.items().get(i), path, problems);
            List<String> kinds = f.map().keys().stream().filter(KINDS::contains).toList();
            List<String> allowed = new ArrayList<>(KINDS);
            allowed.add("why");
            allowed.add("from");
            f.allow(allowed.toArray(String[]::new));
            if (kinds.size() != 1) {
                problems.add(f.at(), path, "a change is exactly one of " + String.join(", ", KINDS)
                        + (kinds.isEmpty() ? "" : " (found " + String.join(", ", kinds) + ")"),
                        "split it into one change per list item");
                continue;
            }
            String why = f.text("why", null);
            if (why == null || why.isBlank()) {
                unexplained.add(f.at(), f.path("why"), "required field 'why' is missing",
                        "say why, quoting the source, e.g. why: \"PACE test of change 'Reduction in process'\"");
            }
            String kind = kinds.get(0);
            String p = path + "." + kind;
            ChangeDate from = dating.of(f, problems);
            if (from != null) {
                dating.found.add(from);
                if (!dating.applyDated) continue; // the rules before the date: this change has not happened yet
                if ("set".equals(kind)) settableFrom(new Fields(f.node(kind), p, problems), from);
            }
            int before = problems.size();
            String summary = switch (kind) {
                case "remove" -> remove(f, p);
                case "scale" -> scale(new Fields(f.node(kind), p, problems));
                case "set" -> set(new Fields(f.node(kind), p, problems));
                case "route" -> RouteChange.apply(new Fields(f.node(kind), p, problems), stages(), problems);
                default -> insert(new Fields(f.node(kind), p, problems));
            };
            if (problems.size() == before && summary != null) {
                if (from != null) summary += " from " + from; // the report and 'pace validate' say when
                applied.add(new AppliedChange(kind, summary, why == null ? "" : why, f.at(kind),
                        "remove".equals(kind) ? removedStage : null, "remove".equals(kind) ? bypassTo : null, from));
            }
        }
        if (!problems.isEmpty()) unexplained.list().forEach(problems::add);
        problems.throwIfAny();
    }

    /** A dated {@code set} may change only what can switch part-way through a run: a stage or a resource. */
    private void settableFrom(Fields f, ChangeDate from) {
        String path = f.text("path", null);
        if (path == null || Dating.SETTABLE.contains(path.split("\\.")[0])) return;
        problems.add(f.at("path"), f.path("path"), "a change from a date (" + from + ") cannot set '" + path + "': only"
                + " the fields of stages and resources can change part-way through a run",
                "set it without 'from:', in the parent or in a scenario of its own");
    }

    // ---------------------------------------------------------------- remove

    private String remove(Fields f, String path) {
        String x = f.text("remove", null);
        Location at = f.node("remove").at();
        YamlNode.Map stages = stages();
        YamlNode.Map stage = x == null ? null : asMap(stages.get(x));
        if (stage == null) {
            problems.add(at, path, "no stage '" + x + "' to remove", Names.hint(String.valueOf(x), stages.keys(), "stage"));
            return null;
        }
        StageSpec.Kind kind = StageSpec.Kind.of(RawRoutes.text(stage, "kind"));
        if (kind != null && !kind.hasDuration()) {
            problems.add(at, path, "cannot remove '" + x + "': it is " + (kind == StageSpec.Kind.EXIT ? "an " : "a ")
                    + kind + " stage, so bypassing it is not defined", kind == StageSpec.Kind.EXIT
                    ? "route the stages before it to another exit with 'route' or 'set' instead"
                    : "remove the whole parallel section, or change the branches with 'set'");
            return null;
        }
        List<YamlNode.Map> out = RawRoutes.of(stage.get("next"));
        for (YamlNode.Map r : out) {
            if (x.equals(RawRoutes.to(r))) {
                problems.add(at, path, "cannot remove '" + x + "': it routes back to itself (" + r.at() + "), so the"
                        + " bypass is not defined", "first set that route's probability to 0 with a 'route' change");
                return null;
            }
        }
        YamlNode.Map milestones = asMap(root.get("milestones"));
        if (milestones != null) {
            for (YamlNode.Entry e : milestones.entries()) {
                YamlNode.Map m = asMap(e.value());
                if (m != null && (x.equals(RawRoutes.text(m, "enter")) || x.equals(RawRoutes.text(m, "exit")))) {
                    problems.add(at, path, "cannot remove '" + x + "': milestone '" + e.key() + "' is recorded there ("
                            + e.keyAt() + ")", "redefine the milestone at a neighbouring stage with a 'set' change"
                            + " before this one");
                    return null;
                }
            }
        }
        int redirected = 0;
        for (YamlNode.Entry e : List.copyOf(stages.entries())) {
            YamlNode.Map s = asMap(e.value());
            if (s == null || e.key().equals(x)) continue;
            if (s.get("next") != null) {
                List<YamlNode.Map> routes = RawRoutes.of(s.get("next"));
                List<YamlNode.Map> bypassed = bypass(routes, x, out, at, path, "stage '" + e.key() + "'");
                if (bypassed != routes) {
                    s.set("next", RawRoutes.write(bypassed, s.get("next").at()));
                    redirected++;
                }
            }
            if (s.get("branches") instanceof YamlNode.Seq branches) {
                for (int i = 0; i < branches.items().size(); i++) {
                    if (branches.items().get(i) instanceof YamlNode.Scalar b && x.equals(b.text())) {
                        if (out.size() != 1 || out.get(0).get("when") != null || out.get(0).get("after") != null
                                || out.get(0).get("set") != null) {
                            problems.add(at, path, "cannot remove '" + x + "': fork '" + e.key() + "' starts a branch "
                                    + "there and '" + x + "' does not lead to a single next stage",
                                    "change the fork's branches with 'set' first");
                            return null;
                        }
                        branches.items().set(i, YamlNode.Scalar.of(RawRoutes.to(out.get(0)), at));
                        redirected++;
                    }
                }
            }
        }
        for (YamlNode.Map a : maps(root.get("arrivals"))) {
            if (a.get("to") == null) continue;
            List<YamlNode.Map> routes = RawRoutes.of(a.get("to"));
            List<YamlNode.Map> bypassed = bypass(routes, x, out, at, path, "arrival source '" + RawRoutes.text(a, "name") + "'");
            if (bypassed != routes) {
                a.set("to", RawRoutes.write(bypassed, a.get("to").at()));
                redirected++;
            }
        }
        stages.remove(x);
        removed.add(x);
        removedStage = x;
        bypassTo = out.size() == 1 && out.get(0).get("when") == null && out.get(0).get("after") == null
                && out.get(0).get("set") == null ? RawRoutes.to(out.get(0)) : null;
        return "removed stage " + x + " (" + redirected + " route" + (redirected == 1 ? "" : "s") + " redirected)";
    }

    /**
     * Replaces each route into {@code x} by {@code x}'s own routes. Returns the same list object when nothing
     * pointed at {@code x}.
     */
    private List<YamlNode.Map> bypass(List<YamlNode.Map> routes, String x, List<YamlNode.Map> out, Location at,
                                      String path, String who) {
        if (routes.stream().noneMatch(r -> x.equals(RawRoutes.to(r)))) return routes;
        boolean conditional = out.stream().anyMatch(o -> o.get("when") != null);
        List<YamlNode.Map> result = new ArrayList<>();
        for (YamlNode.Map r : routes) {
            if (!x.equals(RawRoutes.to(r))) {
                result.add(r);
                continue;
            }
            if (conditional && (routes.size() != 1 || r.get("when") != null)) {
                problems.add(at, path, "cannot remove '" + x + "': its routes depend on conditions and " + who
                        + " reaches it by one route among several, so the combined routing is not defined",
                        "rewrite the routes of " + who + " with a 'set' change instead");
                return routes;
            }
            double pr = RawRoutes.p(r);
            for (YamlNode.Map o : out) {
                if (r.get("after") != null && o.get("after") != null) {
                    problems.add(at, path, "cannot remove '" + x + "': the route from " + who + " into it and its route to '"
                            + RawRoutes.to(o) + "' both have an 'after' delay", "merge the two delays by hand with 'set'");
                    return routes;
                }
                YamlNode.Map n = new YamlNode.Map(at);
                n.put("to", at, YamlNode.Scalar.of(RawRoutes.to(o), at));
                double p = pr * RawRoutes.p(o);
                if (r.get("p") != null || o.get("p") != null) n.put("p", at, YamlNode.Scalar.of(p, at));
                YamlNode when = r.get("when") != null ? r.get("when") : o.get("when");
                if (when != null) n.put("when", at, when);
                YamlNode label = r.get("label");
                if (label != null) n.put("label", at, label);
                YamlNode after = r.get("after") != null ? r.get("after") : o.get("after");
                if (after != null) n.put("after", at, after);
                // Attributes set on the way in are set first, then those set on the way out of the removed stage.
                if (r.get("set") instanceof YamlNode.Map || o.get("set") instanceof YamlNode.Map) {
                    YamlNode.Map set = new YamlNode.Map(at);
                    for (YamlNode via : new YamlNode[] {r.get("set"), o.get("set")}) {
                        if (via instanceof YamlNode.Map m) for (YamlNode.Entry e : m.entries()) set.put(e.key(), e.keyAt(), e.value());
                    }
                    n.put("set", at, set);
                }
                result.add(n);
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- scale

    private String scale(Fields f) {
        f.allow("stage", "duration");
        String name = f.requiredText("stage", "the stage whose durations to scale");
        double factor = f.has("duration") ? f.number("duration", 1, 0, 1e6, "a factor such as 0.5 (half as long)")
                : Double.NaN;
        if (!f.has("duration")) f.missing("duration", "the factor, e.g. duration: 0.5");
        YamlNode.Map s = name == null ? null : asMap(stages().get(name));
        if (name != null && s == null) {
            problems.add(f.at("stage"), f.path("stage"), "no stage '" + name + "'", Names.hint(name, stages().keys(), "stage"));
        }
        if (s == null || Double.isNaN(factor)) return null;
        String word = RawRoutes.text(s, "kind");
        StageSpec.Kind kind = StageSpec.Kind.of(word);
        if (kind == null || !kind.hasDuration()) {
            problems.add(f.at("stage"), f.path("stage"), "stage '" + name + "' is a " + word + " and has no duration to scale",
                    "scale a delay, service or meeting stage");
            return null;
        }
        Double old = s.get("scale") == null ? Double.valueOf(1.0) : Values.parseNumber(s.get("scale"));
        double now = (old == null ? 1.0 : old) * factor;
        s.put("scale", f.at(), YamlNode.Scalar.of(now, f.at()));
        return "scaled the durations of " + name + " by " + Values.fmt(factor);
    }

    // ---------------------------------------------------------------- set

    private String set(Fields f) {
        f.allow("path", "value");
        String path = f.requiredText("path", "the field to set, e.g. path: stages.panel.capacity");
        if (!f.map().has("value")) f.missing("value", "the new value, e.g. value: 8");
        if (path == null || !f.map().has("value")) return null;
        String[] parts = path.split("\\.");
        YamlNode node = root;
        YamlNode container = null;
        for (int i = 0; i < parts.length - 1; i++) {
            YamlNode next = child(node, parts[i]);
            if (next == null) {
                problems.add(f.at("path"), f.path("path"), "no such field: '" + String.join(".", java.util.Arrays.copyOf(parts, i + 1))
                        + "'", Names.hint(parts[i], keysOf(node), "name"));
                return null;
            }
            container = node;
            node = next;
        }
        if (!(node instanceof YamlNode.Map parent)) {
            problems.add(f.at("path"), f.path("path"), "'" + path + "' does not name a field of a map",
                    "name a field such as stages.panel.capacity or run.replications");
            return null;
        }
        YamlNode value = f.node("value");
        String leaf = parts[parts.length - 1];
        // The map now holds what the change wrote, so a problem with it as a whole (a field the new value needs, a
        // kind's fields that no longer fit) is the change's: it is placed at the change, not where the parent wrote it.
        YamlNode.Map moved = parent;
        if (container != null) { // the file's root stays where it is
            moved = new YamlNode.Map(f.at());
            for (YamlNode.Entry e : parent.entries()) moved.put(e.key(), e.keyAt(), e.value());
            if (container instanceof YamlNode.Map m) m.set(parts[parts.length - 2], moved);
            else if (container instanceof YamlNode.Seq s) s.items().set(s.items().indexOf(parent), moved);
        }
        moved.put(leaf, f.at("value"), value == null ? YamlNode.Scalar.of(null, f.at("value")) : value.copy());
        return "set " + path + " to " + (value instanceof YamlNode.Scalar s ? s.text() : "a new value");
    }

    static YamlNode child(YamlNode node, String key) {
        if (node instanceof YamlNode.Map m) return m.get(key);
        if (node instanceof YamlNode.Seq s) {
            for (YamlNode item : s.items()) {
                if (item instanceof YamlNode.Map m && key.equals(RawRoutes.text(m, "name"))) return m;
            }
        }
        return null;
    }

    private static List<String> keysOf(YamlNode node) {
        if (node instanceof YamlNode.Map m) return List.copyOf(m.keys());
        List<String> names = new ArrayList<>();
        for (YamlNode.Map m : maps(node)) names.add(String.valueOf(RawRoutes.text(m, "name")));
        return names;
    }

    // ---------------------------------------------------------------- insert

    private String insert(Fields f) {
        f.allow("stage", "before", "spec");
        String name = f.requiredText("stage", "the new stage's name");
        String before = f.requiredText("before", "the stage the new one goes in front of");
        YamlNode spec = f.node("spec");
        if (spec == null) f.missing("spec", "the new stage, e.g. spec: {kind: delay, duration: 2w}");
        YamlNode.Map stages = stages();
        if (name != null && stages.has(name)) {
            problems.add(f.at("stage"), f.path("stage"), "a stage '" + name + "' already exists", "choose a new name");
            return null;
        }
        if (before != null && !stages.has(before)) {
            problems.add(f.at("before"), f.path("before"), "no stage '" + before + "'", Names.hint(before, stages.keys(), "stage"));
            return null;
        }
        if (name == null || before == null || !(spec instanceof YamlNode.Map specMap)) {
            if (spec != null && !(spec instanceof YamlNode.Map)) {
                f.bad("spec", "expected the new stage's fields", "e.g. spec: {kind: delay, duration: 2w}");
            }
            return null;
        }
        YamlNode.Map added = specMap.copy();
        if (!added.has("next")) added.put("next", f.at("spec"), YamlNode.Scalar.of(before, f.at("spec")));
        for (YamlNode.Entry e : stages.entries()) {
            YamlNode.Map s = asMap(e.value());
            if (s == null || e.key().equals(before)) continue;
            redirect(s, "next", before, name);
            if (s.get("branches") instanceof YamlNode.Seq b) {
                for (int i = 0; i < b.items().size(); i++) {
                    if (b.items().get(i) instanceof YamlNode.Scalar sc && before.equals(sc.text())) {
                        b.items().set(i, YamlNode.Scalar.of(name, f.at()));
                    }
                }
            }
        }
        for (YamlNode.Map a : maps(root.get("arrivals"))) redirect(a, "to", before, name);
        // Keep file order readable: the new stage is listed just before the one it precedes.
        List<YamlNode.Entry> entries = List.copyOf(stages.entries());
        for (YamlNode.Entry e : entries) stages.remove(e.key());
        for (YamlNode.Entry e : entries) {
            if (e.key().equals(before)) stages.put(name, f.at("stage"), added);
            stages.put(e.key(), e.keyAt(), e.value());
        }
        return "inserted stage " + name + " before " + before;
    }

    private static void redirect(YamlNode.Map holder, String key, String from, String to) {
        if (holder.get(key) == null) return;
        List<YamlNode.Map> routes = RawRoutes.of(holder.get(key));
        boolean changed = false;
        for (YamlNode.Map r : routes) {
            if (from.equals(RawRoutes.to(r))) {
                r.set("to", YamlNode.Scalar.of(to, r.get("to").at()));
                changed = true;
            }
        }
        if (changed) holder.set(key, RawRoutes.write(routes, holder.get(key).at()));
    }

    // ---------------------------------------------------------------- helpers

    private YamlNode.Map stages() {
        YamlNode.Map s = asMap(root.get("stages"));
        return s == null ? new YamlNode.Map(root.at()) : s;
    }

    private static YamlNode.Map asMap(YamlNode n) {
        return n instanceof YamlNode.Map m ? m : null;
    }

    private static List<YamlNode.Map> maps(YamlNode n) {
        List<YamlNode.Map> out = new ArrayList<>();
        if (n instanceof YamlNode.Seq s) for (YamlNode item : s.items()) if (item instanceof YamlNode.Map m) out.add(m);
        return out;
    }
}
