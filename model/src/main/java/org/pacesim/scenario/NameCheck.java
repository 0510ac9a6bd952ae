package org.pacesim.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every name a scenario uses against what it declares, once everything is read (sections may name what a
 * later section declares): route targets, fork branches, milestones, priority levels, exit outcomes.
 */
final class NameCheck {
    private final Problems problems;
    private final String file;
    private final Map<String, Attribute> attributes;
    private final Map<String, ResourceSpec> resources;
    private final Map<String, StageSpec> stages;
    /** Every name under {@code stages:}, including stages too broken to read (their own problem is reported). */
    private final Set<String> declaredStages;
    private final List<ArrivalSource> arrivals;
    private final Map<String, MilestoneSpec> milestones;
    private final Map<String, MeasureSpec> measures;

    NameCheck(Problems problems, String file, Map<String, Attribute> attributes, Map<String, ResourceSpec> resources,
              Map<String, StageSpec> stages, Set<String> declaredStages, List<ArrivalSource> arrivals,
              Map<String, MilestoneSpec> milestones, Map<String, MeasureSpec> measures) {
        this.problems = problems;
        this.file = file;
        this.attributes = attributes;
        this.resources = resources;
        this.stages = stages;
        this.declaredStages = declaredStages;
        this.arrivals = arrivals;
        this.milestones = milestones;
        this.measures = measures;
    }

    /** Reports every name that is used and not declared, and a pathway with no exit. */
    void check() {
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
            if (s instanceof StageSpec.Delay d && d.until() != null && d.until().age() != null
                    && attributes.values().stream().noneMatch(Attribute::isAgeBand)) {
                problems.add(s.at(), path + ".until.age", "waiting until an age needs the children's age in years,"
                        + " and the scenario gives none", "give the age band its ages (attributes: {age_band:"
                        + " {categorical: {...}, age: {under1: {uniform: [0y, 1y]}, ...}}})");
            }
        }
        for (ArrivalSource a : arrivals) {
            for (Route r : a.routes()) checkRoute(r, "arrivals." + a.name() + ".to");
        }
        for (ResourceSpec r : resources.values()) {
            if (r.priorityBy() == null) continue;
            // An unknown attribute is one problem, however many levels are listed (or none).
            List<String> levels = attributes.containsKey(r.priorityBy()) ? r.priorityOrder() : List.of("");
            for (String level : levels) {
                AttributeLevels.Mistake m = AttributeLevels.check(attributes, r.priorityBy(), level);
                if (m != null) problems.add(r.at(), "resources." + r.name() + ".priority", m.what(), m.fix());
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
}
