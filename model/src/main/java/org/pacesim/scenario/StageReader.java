package org.pacesim.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pacesim.calendar.SittingRule;

/**
 * Reads {@code stages:}, the pathway: each stage's kind and the fields that kind takes (a delay's duration or
 * {@code until}, a service's resource, a meeting's sittings, a fork's branches, an exit's outcome), and its routes.
 */
final class StageReader {
    /** The kinds as written in files. */
    static final List<String> KINDS = Arrays.stream(StageSpec.Kind.values()).map(StageSpec.Kind::toString).toList();

    private final Problems problems;
    private final DistributionParser distributions;
    private final RouteReader routeReader;
    private final Map<String, ResourceSpec> resources;
    private final LocalDate start;
    /** Every name under {@code stages:}, including stages too broken to read (their own problem is reported). */
    private final Set<String> declared = new HashSet<>();
    /** The {@code label:} of each stage that has one. */
    private final Map<String, String> labels = new LinkedHashMap<>();

    /**
     * @param resources the declared resources (a service names one)
     * @param start     the run's start date, or null (a sitting rule needs one)
     */
    StageReader(Problems problems, DistributionParser distributions, RouteReader routes,
                Map<String, ResourceSpec> resources, LocalDate start) {
        this.problems = problems;
        this.distributions = distributions;
        this.routeReader = routes;
        this.resources = resources;
        this.start = start;
    }

    /** The stages that could be read, by name in file order. */
    Map<String, StageSpec> read(Fields root) {
        Map<String, StageSpec> stages = new LinkedHashMap<>();
        if (!root.has("stages")) {
            root.missing("stages", "describe the pathway under stages:, ending in at least one exit");
            return stages;
        }
        Fields all = new Fields(root.node("stages"), "stages", problems);
        for (YamlNode.Entry e : all.map().entries()) {
            declared.add(e.key());
            StageSpec s = stage(e);
            if (s != null) stages.put(e.key(), s);
        }
        if (all.map().keys().isEmpty()) {
            problems.add(all.at(), "stages", "no stages", "describe the pathway, ending in at least one exit");
        }
        return stages;
    }

    /** The {@code label:}s read, by stage name: the names reports show instead of the ids. */
    Map<String, String> labels() {
        return labels;
    }

    /** Every name under {@code stages:} after {@link #read}, including those of stages that could not be read. */
    Set<String> declared() {
        return Set.copyOf(declared);
    }

    private StageSpec stage(YamlNode.Entry e) {
        String name = e.key();
        String path = "stages." + name;
        Fields f = new Fields(e.value(), path, problems);
        String word = f.requiredText("kind", "say what the stage is: one of " + String.join(", ", KINDS));
        if (word == null) return null;
        String description = f.text("description", "");
        String label = f.text("label", "");
        if (!label.isBlank()) labels.put(name, label.trim());
        Location at = e.keyAt();
        StageSpec.Kind kind = StageSpec.Kind.of(word);
        if (kind == null) {
            f.bad("kind", "unknown stage kind '" + word + "'", Names.hint(word, KINDS, "kind"));
            return null;
        }
        return switch (kind) {
            case DELAY -> {
                f.allow("kind", "label", "description", "duration", "until", "scale", "next");
                DistributionSpec d = null;
                StageSpec.Until until = null;
                if (f.has("duration") == f.has("until")) {
                    problems.add(f.at(), path, "a delay needs either 'duration' or 'until' (not both)",
                            "e.g. duration: 2w, or until: {milestone: arrival, plus: 6w}");
                } else if (f.has("duration")) {
                    d = distributions.parse(f.node("duration"), path + ".duration");
                } else {
                    Fields u = new Fields(f.node("until"), path + ".until", problems);
                    u.allow("milestone", "plus", "age");
                    if (u.has("age")) {
                        if (u.has("milestone") || u.has("plus")) {
                            u.bad("age", "wait either until an age or until a milestone, not both",
                                    "e.g. until: {age: {uniform: [16y, 18y]}}");
                        }
                        until = new StageSpec.Until(null, 0, distributions.parse(u.node("age"), path + ".until.age"));
                    } else {
                        String m = u.requiredText("milestone", "the milestone to count from, e.g. milestone: arrival"
                                + " (or an age: until: {age: 16y})");
                        until = new StageSpec.Until(m, u.duration("plus", 0, false));
                    }
                }
                yield new StageSpec.Delay(name, at, description, d, until, scale(f), next(f, path));
            }
            case SERVICE -> {
                f.allow("kind", "label", "description", "resource", "duration", "scale", "next");
                String resource = f.requiredText("resource", "name the resource this stage needs, e.g. resource: adm");
                if (resource != null && !resources.containsKey(resource)) { // resources are read before stages
                    f.bad("resource", "unknown resource '" + resource + "'", Names.hint(resource, resources.keySet(),
                            "resource") + " (resources are declared under resources:)");
                }
                DistributionSpec d = duration(f, path);
                yield new StageSpec.Service(name, at, description, resource, d, scale(f), next(f, path));
            }
            case MEETING -> {
                yield meeting(f, name, at, description, path);
            }
            case FORK -> {
                f.allow("kind", "label", "description", "branches");
                List<String> branches = new ArrayList<>();
                if (!(f.node("branches") instanceof YamlNode.Seq s) || s.items().size() < 2) {
                    f.missing("branches", "list at least two stages to start in parallel, e.g. branches: [legal_advice, form_e]");
                } else {
                    for (YamlNode item : s.items()) {
                        if (item instanceof YamlNode.Scalar sc && sc.text() != null) branches.add(sc.text());
                        else problems.add(item.at(), path + ".branches", "expected a stage name", "write the first stage of the branch");
                    }
                }
                yield new StageSpec.Fork(name, at, description, List.copyOf(branches));
            }
            case JOIN -> {
                f.allow("kind", "label", "description", "next");
                yield new StageSpec.Join(name, at, description, next(f, path));
            }
            case EXIT -> {
                f.allow("kind", "label", "description", "outcome", "order");
                String outcome = f.requiredText("outcome", "say how children leave here, e.g. outcome: permanence");
                yield new StageSpec.Exit(name, at, description, outcome == null ? "" : outcome, f.text("order", ""));
            }
        };
    }

    private StageSpec meeting(Fields f, String name, Location at, String description, String path) {
        f.allow("kind", "label", "description", "every", "first", "dates", "on", "not_in", "if_holiday", "capacity", "papers_due",
                "decision_delay", "scale", "next");
        double every = 0;
        double first = 0;
        double[] dates = new double[0];
        SittingRule rule = null;
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
                scale(f), next(f, path), rule);
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

    private List<Route> next(Fields f, String path) {
        if (!f.has("next")) {
            f.missing("next", "say where children go next, e.g. next: panel");
            return List.of();
        }
        return routeReader.read(f.node("next"), path + ".next");
    }

    private SittingRule sittingRule(Fields f, String path) {
        if (!CalendarReader.needsStart(f, "on", start)) return null;
        List<String> notIn = new ArrayList<>();
        if (f.has("not_in")) {
            if (f.node("not_in") instanceof YamlNode.Seq s) {
                for (YamlNode item : s.items()) notIn.add(item instanceof YamlNode.Scalar sc ? sc.text() : "");
            } else if (f.node("not_in") instanceof YamlNode.Scalar sc) {
                notIn.add(sc.text());
            }
        }
        try {
            return SittingRule.parse(f.text("on", ""), notIn, f.text("if_holiday", null));
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().contains("is not a month") ? "not_in"
                    : e.getMessage().startsWith("if_holiday") ? "if_holiday" : "on";
            f.bad(key, e.getMessage(), key.equals("on") ? "e.g. on: first Tuesday of the month"
                    : key.equals("not_in") ? "e.g. not_in: [july, august]" : "if_holiday: next_working_day or skip");
            return null;
        }
    }
}
