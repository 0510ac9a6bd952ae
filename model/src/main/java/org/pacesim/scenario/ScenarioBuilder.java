package org.pacesim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Turns a resolved raw tree (parents merged, changes applied) into a typed {@link Scenario}: reads every field,
 * then checks every name against what is declared. All problems are collected; nothing throws until the end.
 * Graph-level checks (reachability, loops) come after, in the graph package.
 */
final class ScenarioBuilder {
    static final List<String> TOP = List.of("name", "description", "extends", "combine", "changes", "run", "attributes",
            "arrivals", "resources", "stages", "milestones", "measures", "caseload", "calendar");
    static final List<String> KINDS = List.of("delay", "service", "meeting", "fork", "join", "exit");
    private static final double SUM_TOLERANCE = 1e-6;

    private final Problems problems = new Problems();
    private final DistributionParser distributions;
    private final String file;
    private final Path baseDir;
    private java.time.LocalDate start;
    private CalendarSpec calendar;
    private final Consumer<String> fileRead;

    private final Map<String, Attribute> attributes = new LinkedHashMap<>();
    private final Map<String, ResourceSpec> resources = new LinkedHashMap<>();
    private final Map<String, StageSpec> stages = new LinkedHashMap<>();
    /** Every name under {@code stages:}, including stages too broken to read (their own problem is reported). */
    private final Set<String> declaredStages = new java.util.HashSet<>();
    private final Map<String, MilestoneSpec> milestones = new LinkedHashMap<>();
    private final Map<String, MeasureSpec> measures = new LinkedHashMap<>();
    private final List<ArrivalSource> arrivals = new ArrayList<>();

    ScenarioBuilder(String file, Path baseDir, Consumer<String> fileRead) {
        this.file = file;
        this.baseDir = baseDir;
        this.fileRead = fileRead;
        this.distributions = new DistributionParser(problems, baseDir, fileRead);
    }

    Problems problems() {
        return problems;
    }

    /** Builds the scenario, or throws {@link InvalidInputException} with every problem found. */
    Scenario build(YamlNode rootNode, List<String> files, List<AppliedChange> changes, List<String> removed) {
        Fields root = new Fields(rootNode, "", problems);
        root.allow(TOP.toArray(String[]::new));
        problems.throwIfAny(); // a file that is not a map, or has stray top-level keys, has nothing else worth reading
        String name = root.requiredText("name", "give the scenario a name, e.g. name: Mid-sized local authority");
        String description = root.text("description", "");
        RunSettings run = run(root);
        this.start = run.start();
        this.calendar = new CalendarReader(problems, baseDir, fileRead).read(root.node("calendar"), run);
        distributions.allowWorkingDays(start != null);
        readAttributes(root.node("attributes"));
        readResources(root.node("resources"));
        readStages(root);
        boolean hasCaseload = root.has("caseload");
        readArrivals(root, run.horizon(), hasCaseload);
        readMilestones(root.node("milestones"));
        readMeasures(root.node("measures"));
        checkNames();
        Caseload caseload = new CaseloadReader(problems, baseDir, fileRead, distributions, attributes, stages, milestones,
                changes).read(root.node("caseload"));
        problems.throwIfAny();
        return new Scenario(name, description, file, List.copyOf(files), run, List.copyOf(attributes.values()),
                List.copyOf(arrivals), Map.copyOf(resources).isEmpty() ? Map.of() : unmodifiable(resources),
                unmodifiable(stages), unmodifiable(milestones), unmodifiable(measures), List.copyOf(changes),
                List.copyOf(removed), caseload, calendar);
    }

    private static <V> Map<String, V> unmodifiable(Map<String, V> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    // ---------------------------------------------------------------- run settings

    private RunSettings run(Fields root) {
        if (!root.has("run")) {
            root.missing("run", "add e.g. run: {horizon: 10y, warmup: 3y, replications: 100, seed: 1}");
            return new RunSettings(1, 0, 0, 1, 1, RunSettings.DEFAULT_QUEUE_LIMIT, null);
        }
        Fields f = new Fields(root.node("run"), "run", problems);
        f.allow("horizon", "warmup", "follow_up", "replications", "seed", "queue_limit", "start");
        double horizon = f.has("horizon") ? f.duration("horizon", 1, true) : Double.NaN;
        if (!f.has("horizon")) f.missing("horizon", "how long children keep arriving, e.g. horizon: 10y");
        double warmup = f.duration("warmup", 0, false);
        if (horizon > 0 && warmup >= horizon) {
            f.bad("warmup", "the warm-up (" + Durations.format(warmup) + ") must end before the horizon ("
                    + Durations.format(horizon) + ")", "shorten the warm-up or lengthen the horizon");
        }
        if (horizon > 1000 * Durations.YEAR) {
            f.bad("horizon", "a horizon over 1000 years is not a planning question", "use a horizon of years, e.g. 10y");
        }
        double followUp = f.duration("follow_up", RunSettings.DEFAULT_FOLLOW_UP, false);
        int reps = (int) f.whole("replications", RunSettings.DEFAULT_REPLICATIONS, 1, RunSettings.MAX_REPLICATIONS,
                "a whole number of replications from 1 to " + RunSettings.MAX_REPLICATIONS + ", e.g. 100");
        long seed = f.whole("seed", 1, 1, 4294967086L, "a whole number from 1 to 4294967086, e.g. 20130101");
        int limit = (int) f.whole("queue_limit", RunSettings.DEFAULT_QUEUE_LIMIT, 10, 50_000_000,
                "a whole number of children, e.g. 100000");
        java.time.LocalDate start = f.has("start") ? Values.date(f.node("start"), "run.start", problems) : null;
        return new RunSettings(horizon, warmup, followUp, reps, seed, limit, start);
    }

    // ---------------------------------------------------------------- attributes, resources

    private void readAttributes(YamlNode node) {
        if (node == null) return;
        Fields all = new Fields(node, "attributes", problems);
        for (YamlNode.Entry e : all.map().entries()) {
            String path = "attributes." + e.key();
            Fields f = new Fields(e.value(), path, problems);
            f.allow("categorical", "description");
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
            if (!Double.isNaN(sum) && Math.abs(sum - 1) > SUM_TOLERANCE) {
                problems.add(levels.at(), path + ".categorical", "the shares add up to " + Values.fmt(round(sum)) + ", not 1",
                        "adjust the shares so that they add up to 1");
            }
            attributes.put(e.key(), new Attribute(e.key(), List.copyOf(names), p, e.keyAt()));
        }
    }

    private void readResources(YamlNode node) {
        if (node == null) return;
        Fields all = new Fields(node, "resources", problems);
        for (YamlNode.Entry e : all.map().entries()) {
            String path = "resources." + e.key();
            Fields f = new Fields(e.value(), path, problems);
            f.allow("capacity", "priority", "description", "schedule");
            int capacity = 1;
            if (!f.has("capacity")) {
                f.missing("capacity", "how many can work at once, e.g. capacity: 2");
            } else {
                capacity = (int) f.whole("capacity", 1, 1, 1_000_000,
                        "capacity must be a whole number of at least 1; to remove the limit use a delay stage instead");
            }
            String by = null;
            List<String> order = List.of();
            if (f.has("priority")) {
                Fields pf = new Fields(f.node("priority"), path + ".priority", problems);
                if (pf.map().keys().size() != 1) {
                    problems.add(pf.at(), pf.path(), "priority names one attribute and its levels, first served first",
                            "e.g. priority: {age_band: [under1, age1to4]}");
                } else {
                    YamlNode.Entry pe = pf.map().entries().iterator().next();
                    by = pe.key();
                    List<String> levels = new ArrayList<>();
                    if (pe.value() instanceof YamlNode.Seq s) {
                        for (YamlNode item : s.items()) {
                            if (item instanceof YamlNode.Scalar sc && sc.text() != null) levels.add(sc.text());
                        }
                    } else {
                        problems.add(pe.value().at(), pf.path() + "." + by, "expected a list of levels",
                                "e.g. [under1, age1to4]");
                    }
                    order = List.copyOf(levels);
                }
            }
            List<ResourceSpec.Period> schedule = f.has("schedule") ? schedule(f.node("schedule"), path + ".schedule")
                    : List.of();
            resources.put(e.key(), new ResourceSpec(e.key(), capacity, by, order, e.keyAt(), schedule));
        }
    }

    // ---------------------------------------------------------------- stages

    private void readStages(Fields root) {
        if (!root.has("stages")) {
            root.missing("stages", "describe the pathway under stages:, ending in at least one exit");
            return;
        }
        Fields all = new Fields(root.node("stages"), "stages", problems);
        for (YamlNode.Entry e : all.map().entries()) {
            declaredStages.add(e.key());
            StageSpec s = stage(e);
            if (s != null) stages.put(e.key(), s);
        }
        if (all.map().keys().isEmpty()) {
            problems.add(all.at(), "stages", "no stages", "describe the pathway, ending in at least one exit");
        }
    }

    private StageSpec stage(YamlNode.Entry e) {
        String name = e.key();
        String path = "stages." + name;
        Fields f = new Fields(e.value(), path, problems);
        String kind = f.requiredText("kind", "say what the stage is: one of " + String.join(", ", KINDS));
        if (kind == null) return null;
        String description = f.text("description", "");
        Location at = e.keyAt();
        switch (kind) {
            case "delay" -> {
                f.allow("kind", "description", "duration", "until", "scale", "next");
                DistributionSpec d = null;
                StageSpec.Until until = null;
                if (f.has("duration") == f.has("until")) {
                    problems.add(f.at(), path, "a delay needs either 'duration' or 'until' (not both)",
                            "e.g. duration: 2w, or until: {milestone: arrival, plus: 6w}");
                } else if (f.has("duration")) {
                    d = distributions.parse(f.node("duration"), path + ".duration");
                } else {
                    Fields u = new Fields(f.node("until"), path + ".until", problems);
                    u.allow("milestone", "plus");
                    String m = u.requiredText("milestone", "the milestone to count from, e.g. milestone: arrival");
                    until = new StageSpec.Until(m, u.duration("plus", 0, false));
                }
                return new StageSpec.Delay(name, at, description, d, until, scale(f), routes(f, path, true));
            }
            case "service" -> {
                f.allow("kind", "description", "resource", "duration", "scale", "next");
                String resource = f.requiredText("resource", "name the resource this stage needs, e.g. resource: adm");
                if (resource != null && !resources.containsKey(resource)) { // resources are read before stages
                    f.bad("resource", "unknown resource '" + resource + "'", Names.hint(resource, resources.keySet(),
                            "resource") + " (resources are declared under resources:)");
                }
                DistributionSpec d = duration(f, path);
                return new StageSpec.Service(name, at, description, resource, d, scale(f), routes(f, path, true));
            }
            case "meeting" -> {
                return meeting(f, name, at, description, path);
            }
            case "fork" -> {
                f.allow("kind", "description", "branches");
                List<String> branches = new ArrayList<>();
                if (!(f.node("branches") instanceof YamlNode.Seq s) || s.items().size() < 2) {
                    f.missing("branches", "list at least two stages to start in parallel, e.g. branches: [legal_advice, form_e]");
                } else {
                    for (YamlNode item : s.items()) {
                        if (item instanceof YamlNode.Scalar sc && sc.text() != null) branches.add(sc.text());
                        else problems.add(item.at(), path + ".branches", "expected a stage name", "write the first stage of the branch");
                    }
                }
                return new StageSpec.Fork(name, at, description, List.copyOf(branches));
            }
            case "join" -> {
                f.allow("kind", "description", "next");
                return new StageSpec.Join(name, at, description, routes(f, path, true));
            }
            case "exit" -> {
                f.allow("kind", "description", "outcome", "order");
                String outcome = f.requiredText("outcome", "say how children leave here, e.g. outcome: permanence");
                return new StageSpec.Exit(name, at, description, outcome == null ? "" : outcome, f.text("order", ""));
            }
            default -> {
                f.bad("kind", "unknown stage kind '" + kind + "'", Names.hint(kind, KINDS, "kind"));
                return null;
            }
        }
    }

    private StageSpec meeting(Fields f, String name, Location at, String description, String path) {
        f.allow("kind", "description", "every", "first", "dates", "on", "not_in", "if_holiday", "capacity", "papers_due",
                "decision_delay", "scale", "next");
        double every = 0;
        double first = 0;
        double[] dates = new double[0];
        org.pacesim.calendar.SittingRule rule = null;
        int ways = (f.has("every") ? 1 : 0) + (f.has("dates") ? 1 : 0) + (f.has("on") ? 1 : 0);
        if (ways != 1) {
            problems.add(f.at(), path, "a meeting sits either 'every' so often, on listed 'dates', or 'on' a calendar rule"
                    + " (one of the three)", "e.g. every: 4w and first: 2w, or on: first Tuesday of the month");
        } else if (f.has("on")) {
            rule = sittingRule(f, path);
        } else if (f.has("every")) {
            every = f.duration("every", 28, true);
            if (every < 1) {
                f.bad("every", "a meeting sits at most once a day (got every " + Durations.format(every) + ")",
                        "give the interval between sittings in days or weeks, e.g. every: 4w");
            }
            first = f.duration("first", 0, false);
        } else if (f.node("dates") instanceof YamlNode.Seq s && !s.items().isEmpty()) {
            dates = new double[s.items().size()];
            for (int i = 0; i < dates.length; i++) {
                dates[i] = Values.duration(s.items().get(i), path + ".dates[" + i + "]", problems, false);
            }
            Arrays.sort(dates);
        } else {
            f.bad("dates", "expected a list of sitting days", "e.g. dates: [2w, 6w, 10w]");
        }
        int capacity = Integer.MAX_VALUE;
        if (f.node("capacity") instanceof YamlNode.Scalar s && "unlimited".equals(s.text())) {
            capacity = Integer.MAX_VALUE;
        } else if (!f.has("capacity")) {
            f.missing("capacity", "cases heard per sitting, e.g. capacity: 5 (or capacity: unlimited)");
        } else {
            capacity = (int) f.whole("capacity", 1, 1, 1_000_000,
                    "cases per sitting must be a whole number of at least 1, or 'unlimited'");
        }
        double papersDue = f.duration("papers_due", 0, false);
        DistributionSpec decision = f.has("decision_delay")
                ? distributions.parse(f.node("decision_delay"), path + ".decision_delay") : null;
        if (!f.has("on") && (f.has("not_in") || f.has("if_holiday"))) {
            f.bad(f.has("not_in") ? "not_in" : "if_holiday", "'not_in' and 'if_holiday' go with 'on' (a calendar rule)",
                    "e.g. on: first Tuesday of the month, not_in: [july]");
        }
        return new StageSpec.Meeting(name, at, description, every, first, dates, capacity, papersDue, decision,
                scale(f), routes(f, path, true), rule);
    }

    private DistributionSpec duration(Fields f, String path) {
        if (!f.has("duration")) {
            f.missing("duration", "how long the stage takes, e.g. duration: 2w or {lognormal: {median: 4w, p90: 8w}}");
            return null;
        }
        return distributions.parse(f.node("duration"), path + ".duration");
    }

    private double scale(Fields f) {
        return f.number("scale", 1.0, 0, 1e6, "a factor that multiplies the durations, e.g. 0.5");
    }

    private List<Route> routes(Fields f, String path, boolean required) {
        if (!f.has("next")) {
            if (required) f.missing("next", "say where children go next, e.g. next: panel");
            return List.of();
        }
        return readRoutes(f.node("next"), path + ".next");
    }

    /** Reads routes and checks the probabilities of each group. */
    private List<Route> readRoutes(YamlNode node, String path) {
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
            Map<String, String> set = r.has("set") ? assignments(r.node("set"), rp + ".set") : Map.of();
            out.add(new Route(label, when, p, to, after, set, raw.get(i).at()));
        }
        return unreadable ? List.copyOf(out) : checkGroups(out, node.at(), path);
    }

    /** Reads {@code set: {attribute: level, ...}} of a route, checking names against the attributes. */
    private Map<String, String> assignments(YamlNode node, String path) {
        Fields f = new Fields(node, path, problems);
        Map<String, String> out = new LinkedHashMap<>();
        for (YamlNode.Entry e : f.map().entries()) {
            Attribute a = attributes.get(e.key());
            String level = e.value() instanceof YamlNode.Scalar s ? s.text() : null;
            if (a == null) {
                problems.add(e.keyAt(), path + "." + e.key(), "unknown attribute '" + e.key() + "'",
                        Names.hint(e.key(), attributes.keySet(), "attribute"));
            } else if (level == null || a.indexOf(level) < 0) {
                problems.add(e.value().at(), path + "." + e.key(), "'" + level + "' is not a level of attribute '"
                        + e.key() + "'", Names.hint(String.valueOf(level), a.levels(), "level"));
            } else {
                out.put(e.key(), level);
            }
        }
        return Map.copyOf(out);
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
            } else if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                problems.add(at, path, "probabilities" + which + " add up to " + Values.fmt(round(sum)) + ", not 1",
                        "adjust the p values so that they add up to 1");
            }
        }
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- arrivals

    private void readArrivals(Fields root, double horizon, boolean hasCaseload) {
        // A caseload-only scenario (how fast does today's caseload clear?) needs no new entrants.
        if (hasCaseload && (!root.has("arrivals")
                || root.node("arrivals") instanceof YamlNode.Seq s && s.items().isEmpty())) {
            return;
        }
        if (!root.has("arrivals")) {
            root.missing("arrivals", "add at least one source, e.g. arrivals: [{name: accommodated, rate: 150/year, to: first_lar}]");
            return;
        }
        if (!(root.node("arrivals") instanceof YamlNode.Seq list) || list.items().isEmpty()) {
            root.bad("arrivals", "expected a list of arrival sources", "e.g. arrivals: [{name: accommodated, rate: 150/year, to: first_lar}]");
            return;
        }
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            Fields f = new Fields(item, "arrivals[" + i + "]", problems);
            f.allow("name", "rate", "times", "to", "attributes", "description", "by_month", "trend");
            String name = f.text("name", "arrivals" + (i == 0 ? "" : String.valueOf(i + 1)));
            String path = "arrivals." + name;
            if (!names.add(name)) f.bad("name", "two arrival sources are named '" + name + "'", "give each a different name");
            double rate = Double.NaN;
            double[] times = new double[0];
            if (f.has("times")) {
                if (f.has("rate")) f.bad("times", "give either 'rate' or 'times', not both", "keep one of them");
                if (f.node("times") instanceof YamlNode.Seq ts && !ts.items().isEmpty()) {
                    times = new double[ts.items().size()];
                    for (int k = 0; k < times.length; k++) {
                        times[k] = Values.duration(ts.items().get(k), path + ".times[" + k + "]", problems, false);
                    }
                    Arrays.sort(times);
                    long before = Arrays.stream(times).filter(t -> t < horizon).count();
                    rate = before / horizon;
                } else {
                    f.bad("times", "expected a list of arrival times", "e.g. times: [0d, 3d, 2w]");
                }
            } else if (!f.has("rate")) {
                f.missing("rate", "children per unit of time, e.g. rate: 150/year (or times: [...] for listed arrivals)");
            } else if (f.node("rate") instanceof YamlNode.Scalar s && s.text() != null) {
                rate = Durations.parseRate(s.text());
                if (Double.isNaN(rate) || Double.isInfinite(rate)) {
                    f.bad("rate", "'" + s.text() + "' is not a rate", Durations.RATE_HELP);
                } else if (rate <= 0) {
                    f.bad("rate", "the rate must be greater than zero (got " + s.text() + ")",
                            "give a positive rate, or remove the source");
                } else if (rate * Durations.YEAR > 1e6) {
                    // Scotland accommodates about 2,750 children a year; a million is a typo, and would run for hours.
                    f.bad("rate", "over a million children a year is not a plausible rate (got " + s.text() + ")",
                            "check the unit: e.g. 150/year, not 150/day");
                }
            } else {
                f.bad("rate", "expected a rate", Durations.RATE_HELP);
            }
            Map<String, String> fixed = new LinkedHashMap<>();
            if (f.has("attributes")) {
                Fields af = new Fields(f.node("attributes"), path + ".attributes", problems);
                for (YamlNode.Entry ae : af.map().entries()) {
                    Attribute a = attributes.get(ae.key());
                    String level = ae.value() instanceof YamlNode.Scalar s ? s.text() : null;
                    if (a == null) {
                        problems.add(ae.keyAt(), path + ".attributes." + ae.key(), "unknown attribute '" + ae.key() + "'",
                                Names.hint(ae.key(), attributes.keySet(), "attribute"));
                    } else if (level == null || a.indexOf(level) < 0) {
                        problems.add(ae.value().at(), path + ".attributes." + ae.key(), "'" + level
                                + "' is not a level of attribute '" + ae.key() + "'", Names.hint(String.valueOf(level), a.levels(), "level"));
                    } else {
                        fixed.put(ae.key(), level);
                    }
                }
            }
            List<Route> routes = List.of();
            if (!f.has("to")) f.missing("to", "the first stage children enter, e.g. to: first_lar");
            else routes = readRoutes(f.node("to"), path + ".to");
            double[] byMonth = f.has("by_month") ? byMonth(f, path) : null;
            double trend = f.has("trend") ? trend(f, path) : 0;
            if ((byMonth != null || trend != 0) && f.has("times")) {
                f.bad(f.has("by_month") ? "by_month" : "trend", "listed arrival times do not vary by month or year",
                        "give a rate with by_month or trend, or list the times you want");
            }
            arrivals.add(new ArrivalSource(name, rate, times, Map.copyOf(fixed), routes, item.at(), byMonth, trend));
        }
    }

    // ---------------------------------------------------------------- milestones and measures

    private void readMilestones(YamlNode node) {
        milestones.put(MilestoneSpec.ARRIVAL, new MilestoneSpec(MilestoneSpec.ARRIVAL, MilestoneSpec.Event.ARRIVAL,
                null, null, null, false, Location.of(file)));
        if (node != null) {
            Fields all = new Fields(node, "milestones", problems);
            for (YamlNode.Entry e : all.map().entries()) {
                String path = "milestones." + e.key();
                if (e.key().equals(MilestoneSpec.ARRIVAL)) {
                    problems.add(e.keyAt(), path, "'arrival' is built in and cannot be redefined", "choose another name");
                    continue;
                }
                Fields f = new Fields(e.value(), path, problems);
                f.allow("enter", "exit", "outcome", "label", "occurrence", "description");
                int kinds = (f.has("enter") ? 1 : 0) + (f.has("exit") ? 1 : 0) + (f.has("outcome") ? 1 : 0);
                if (kinds != 1) {
                    problems.add(f.at(), path, "a milestone is exactly one of {enter: STAGE}, {exit: STAGE} or {outcome: O}",
                            "e.g. adm_decision: {exit: adm}");
                    continue;
                }
                String occurrence = f.text("occurrence", "first");
                if (!occurrence.equals("first") && !occurrence.equals("last")) {
                    f.bad("occurrence", "occurrence is 'first' or 'last' (got '" + occurrence + "')",
                            "write occurrence: first (the default) or occurrence: last");
                }
                boolean last = occurrence.equals("last");
                if (f.has("label") && !f.has("exit")) {
                    f.bad("label", "'label' only applies to {exit: STAGE} milestones", "remove the label, or use exit:");
                }
                MilestoneSpec.Event ev = f.has("enter") ? MilestoneSpec.Event.ENTER
                        : f.has("exit") ? MilestoneSpec.Event.EXIT : MilestoneSpec.Event.OUTCOME;
                String stage = ev == MilestoneSpec.Event.OUTCOME ? null : f.text(ev == MilestoneSpec.Event.ENTER ? "enter" : "exit", null);
                String outcome = ev == MilestoneSpec.Event.OUTCOME ? f.text("outcome", null) : null;
                milestones.put(e.key(), new MilestoneSpec(e.key(), ev, stage, f.text("label", null), outcome, last, e.keyAt()));
            }
        }
        boolean hasPermanence = stages.values().stream()
                .anyMatch(s -> s instanceof StageSpec.Exit x && x.outcome().equals("permanence"));
        if (hasPermanence && !milestones.containsKey(MilestoneSpec.PERMANENCE)) {
            milestones.put(MilestoneSpec.PERMANENCE, new MilestoneSpec(MilestoneSpec.PERMANENCE,
                    MilestoneSpec.Event.OUTCOME, null, null, "permanence", false, Location.of(file)));
        }
    }

    private void readMeasures(YamlNode node) {
        if (node != null) {
            Fields all = new Fields(node, "measures", problems);
            for (YamlNode.Entry e : all.map().entries()) {
                String path = "measures." + e.key();
                Fields f = new Fields(e.value(), path, problems);
                f.allow("from", "to", "target", "when", "description", "count");
                boolean working = false;
                if (f.has("count")) {
                    String count = f.text("count", "");
                    if (count.equals("working_days")) working = true;
                    else if (!count.equals("calendar_days")) {
                        f.bad("count", "'" + count + "' is not a way to count", "count: working_days (a statutory"
                                + " clock) or count: calendar_days (the default)");
                    }
                    if (working && start == null) {
                        f.bad("count", "counting working days needs the date the run starts",
                                "add run.start, e.g. run: {start: 2026-04-01}");
                    }
                }
                String from = f.requiredText("from", "the milestone the interval starts at, e.g. from: arrival");
                String to = f.requiredText("to", "the milestone the interval ends at, e.g. to: adm_decision");
                double target = !f.has("target") ? Double.NaN
                        : working ? workingTarget(f, path) : f.duration("target", Double.NaN, true);
                Condition when = f.has("when")
                        ? ConditionParser.parse(f.node("when"), path + ".when", attributes, problems) : null;
                measures.put(e.key(), new MeasureSpec(e.key(), f.text("description", ""), from, to, target, when,
                        e.keyAt(), working));
            }
        }
        if (milestones.containsKey(MilestoneSpec.PERMANENCE) && !measures.containsKey(MeasureSpec.TIME_TO_PERMANENCE)) {
            LinkedHashMap<String, MeasureSpec> withBuiltIn = new LinkedHashMap<>();
            withBuiltIn.put(MeasureSpec.TIME_TO_PERMANENCE, new MeasureSpec(MeasureSpec.TIME_TO_PERMANENCE,
                    "from becoming looked after to legal permanence", MilestoneSpec.ARRIVAL, MilestoneSpec.PERMANENCE,
                    Double.NaN, null, Location.of(file)));
            withBuiltIn.putAll(measures);
            measures.clear();
            measures.putAll(withBuiltIn);
        }
    }

    // ---------------------------------------------------------------- calendar-dependent fields

    private boolean needsStart(Fields f, String key) {
        if (start != null) return true;
        f.bad(key, "'" + key + "' needs the date the run starts", "add run.start, e.g. run: {start: 2026-04-01}");
        return false;
    }

    private org.pacesim.calendar.SittingRule sittingRule(Fields f, String path) {
        if (!needsStart(f, "on")) return null;
        List<String> notIn = new ArrayList<>();
        if (f.has("not_in")) {
            if (f.node("not_in") instanceof YamlNode.Seq s) {
                for (YamlNode item : s.items()) notIn.add(item instanceof YamlNode.Scalar sc ? sc.text() : "");
            } else if (f.node("not_in") instanceof YamlNode.Scalar sc) {
                notIn.add(sc.text());
            }
        }
        try {
            return org.pacesim.calendar.SittingRule.parse(f.text("on", ""), notIn, f.text("if_holiday", null));
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().contains("is not a month") ? "not_in"
                    : e.getMessage().startsWith("if_holiday") ? "if_holiday" : "on";
            f.bad(key, e.getMessage(), key.equals("on") ? "e.g. on: first Tuesday of the month"
                    : key.equals("not_in") ? "e.g. not_in: [july, august]" : "if_holiday: next_working_day or skip");
            return null;
        }
    }

    /** A resource's periods of other capacity. */
    private List<ResourceSpec.Period> schedule(YamlNode node, String path) {
        List<ResourceSpec.Period> out = new ArrayList<>();
        if (!(node instanceof YamlNode.Seq seq)) {
            problems.add(node.at(), path, "expected a list of periods", "e.g. schedule: [{from: 07-01, to: 08-31, capacity: 1}]");
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            String p = path + "[" + i + "]";
            Fields f = new Fields(seq.items().get(i), p, problems);
            f.allow("from", "to", "closure", "capacity", "description");
            if (!needsStart(f, f.has("closure") ? "closure" : "from")) return out;
            int capacity = (int) f.whole("capacity", 0, 0, 1_000_000, "a whole number of servers, 0 or more");
            if (!f.has("capacity")) f.missing("capacity", "the servers during the period, e.g. capacity: 1");
            org.pacesim.calendar.Closure when = null;
            if (f.has("closure")) {
                String name = f.text("closure", "");
                if (calendar == null) {
                    f.bad("closure", "closures come from the scenario's calendar, and it has none",
                            "add calendar: {file: calendars/scotland.yaml}");
                } else if (!calendar.holidays().closures().containsKey(name)) {
                    f.bad("closure", "'" + name + "' is not a closure of " + calendar.file(),
                            Names.hint(name, calendar.holidays().closures().keySet(), "closure"));
                } else {
                    when = calendar.holidays().closures().get(name);
                }
            } else {
                String from = f.requiredText("from", "the first day, e.g. from: 07-01 (every year) or 2027-01-01 (once)");
                String to = f.requiredText("to", "the last day, e.g. to: 08-31");
                when = period(f, p, from, to);
            }
            if (when != null) out.add(new ResourceSpec.Period(when, capacity, f.at()));
        }
        for (int i = 0; i < out.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (overlap(out.get(i).when(), out.get(j).when())) {
                    problems.add(out.get(i).at(), path + "[" + i + "]", "this period overlaps period " + j,
                            "give each day at most one capacity: split or shorten the periods");
                }
            }
        }
        return out;
    }

    private org.pacesim.calendar.Closure period(Fields f, String path, String from, String to) {
        if (from == null || to == null) return null;
        try {
            return org.pacesim.calendar.Closure.parse("", from, to);
        } catch (IllegalArgumentException e) {
            problems.add(f.at(), path, e.getMessage(), PERIOD_HELP);
            return null;
        }
    }

    static final String PERIOD_HELP = "write month-days for every year (from: 07-01, to: 08-31) or dates for once "
            + "(from: 2027-01-01, to: 2027-06-30)";

    /** Whether two periods share a day, checked over a leap year and its neighbours (or the one-off dates). */
    private static boolean overlap(org.pacesim.calendar.Closure a, org.pacesim.calendar.Closure b) {
        java.time.LocalDate from = java.time.LocalDate.of(2023, 1, 1);
        java.time.LocalDate to = java.time.LocalDate.of(2025, 12, 31);
        if (a.fromDate() != null) {
            from = a.fromDate();
            to = a.toDate();
        } else if (b.fromDate() != null) {
            from = b.fromDate();
            to = b.toDate();
        }
        for (java.time.LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (a.contains(d) && b.contains(d)) return true;
        }
        return false;
    }

    private double[] byMonth(Fields f, String path) {
        if (!needsStart(f, "by_month")) return null;
        double[] m = new double[12];
        java.util.Arrays.fill(m, 1.0);
        Fields bf = new Fields(f.node("by_month"), path + ".by_month", problems);
        for (YamlNode.Entry e : bf.map().entries()) {
            java.time.Month month;
            try {
                month = org.pacesim.calendar.SittingRule.month(e.key());
            } catch (IllegalArgumentException x) {
                problems.add(e.keyAt(), path + ".by_month." + e.key(), "'" + e.key() + "' is not a month",
                        Names.hint(e.key(), List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                "oct", "nov", "dec"), "month"));
                continue;
            }
            m[month.ordinal()] = Values.number(e.value(), path + ".by_month." + e.key(), problems, 0, 100,
                    "a multiplier of the rate, e.g. 1.2 for a month 20% busier, 0 for none");
        }
        return m;
    }

    private double trend(Fields f, String path) {
        if (!needsStart(f, "trend")) return 0;
        String text = f.text("trend", "0").trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([+-]?[0-9.]+)%(?:/|per)(?:year|y|yr)$").matcher(text);
        double trend = Double.NaN;
        if (m.matches()) {
            trend = Double.parseDouble(m.group(1)) / 100;
        } else {
            try {
                trend = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (Double.isNaN(trend) || trend <= -1 || trend > 10) {
            f.bad("trend", "'" + f.text("trend", "") + "' is not a yearly trend",
                    "write the change per year, e.g. trend: +3%/year or trend: -2%/year");
            return 0;
        }
        return trend;
    }

    private double workingTarget(Fields f, String path) {
        String text = f.text("target", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([0-9.]+)\\s*(wd|working ?days?)$")
                .matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches() || Double.parseDouble(m.group(1)) <= 0) {
            f.bad("target", "a measure that counts working days has its target in working days (got '" + text + "')",
                    "e.g. target: 70wd");
            return Double.NaN;
        }
        return Double.parseDouble(m.group(1)) * 7.0 / 5.0; // stored as for every working-day measure: x 7/5
    }

    // ---------------------------------------------------------------- names

    private void checkNames() {
        if (!stages.isEmpty() && stages.values().stream().noneMatch(s -> s instanceof StageSpec.Exit)) {
            problems.add(Location.of(file), "stages", "no stage is an exit, so no child could ever leave",
                    "add a stage with kind: exit and an outcome");
        }
        for (StageSpec s : stages.values()) {
            String path = "stages." + s.name();
            for (int i = 0; i < s.routes().size(); i++) checkRoute(s.routes().get(i), path + ".next");
            if (s instanceof StageSpec.Fork fk) {
                for (String b : fk.branches()) checkStageName(b, s.at(), path + ".branches");
            }
            if (s instanceof StageSpec.Delay d && d.until() != null && d.until().milestone() != null
                    && !milestones.containsKey(d.until().milestone())) {
                problems.add(s.at(), path + ".until.milestone", "unknown milestone '" + d.until().milestone() + "'",
                        Names.hint(d.until().milestone(), milestones.keySet(), "milestone"));
            }
        }
        for (ArrivalSource a : arrivals) {
            for (Route r : a.routes()) checkRoute(r, "arrivals." + a.name() + ".to");
        }
        for (ResourceSpec r : resources.values()) {
            if (r.priorityBy() == null) continue;
            Attribute a = attributes.get(r.priorityBy());
            if (a == null) {
                problems.add(r.at(), "resources." + r.name() + ".priority", "unknown attribute '" + r.priorityBy() + "'",
                        Names.hint(r.priorityBy(), attributes.keySet(), "attribute"));
            } else {
                for (String l : r.priorityOrder()) {
                    if (a.indexOf(l) < 0) {
                        problems.add(r.at(), "resources." + r.name() + ".priority", "'" + l + "' is not a level of '"
                                + a.name() + "'", Names.hint(l, a.levels(), "level"));
                    }
                }
            }
        }
        for (MilestoneSpec m : milestones.values()) {
            String path = "milestones." + m.name();
            if (m.stage() != null) {
                StageSpec s = stages.get(m.stage());
                if (s == null) {
                    checkStageName(m.stage(), m.at(), path);
                } else if (m.label() != null && s.routes().stream().noneMatch(r -> m.label().equals(r.label()))) {
                    List<String> labels = s.routes().stream().map(Route::label).filter(l -> l != null).toList();
                    problems.add(m.at(), path + ".label", "stage '" + s.name() + "' has no route labelled '" + m.label() + "'",
                            labels.isEmpty() ? "label one of its routes, e.g. {label: " + m.label() + ", to: ...}"
                                    : Names.hint(m.label(), labels, "label"));
                }
            }
            if (m.event() == MilestoneSpec.Event.OUTCOME && m.outcome() != null) {
                List<String> outcomes = stages.values().stream().filter(s -> s instanceof StageSpec.Exit)
                        .map(s -> ((StageSpec.Exit) s).outcome()).distinct().toList();
                if (!outcomes.contains(m.outcome())) {
                    problems.add(m.at(), path + ".outcome", "no exit has outcome '" + m.outcome() + "'",
                            Names.hint(m.outcome(), outcomes, "outcome"));
                }
            }
        }
        for (MeasureSpec m : measures.values()) {
            for (String ms : new String[] {m.from(), m.to()}) {
                if (ms != null && !milestones.containsKey(ms)) {
                    problems.add(m.at(), "measures." + m.name(), "unknown milestone '" + ms + "'",
                            Names.hint(ms, milestones.keySet(), "milestone"));
                }
            }
        }
    }

    private void checkRoute(Route r, String path) {
        if (r.to() != null) checkStageName(r.to(), r.at(), path);
    }

    private void checkStageName(String name, Location at, String path) {
        if (!stages.containsKey(name) && !declaredStages.contains(name)) {
            problems.add(at, path, "unknown stage '" + name + "'", Names.hint(name, stages.keySet(), "stage"));
        }
    }

    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }
}
