package org.pacesim.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One complete, validated, runnable description of the system. Immutable; built only by {@link ScenarioLoader}.
 *
 * @param name        the scenario's name
 * @param description what it represents (may be empty)
 * @param file        the file it was loaded from, as named by the user
 * @param files       every file read to build it (the file, its parents, data files), for provenance
 * @param run         run settings
 * @param attributes  attributes drawn at arrival
 * @param arrivals    arrival sources
 * @param resources   resources by name, in file order
 * @param stages      stages by name, in file order
 * @param milestones  milestones by name (including the built-in {@code arrival})
 * @param measures    measures by name
 * @param changes     changes applied on top of the parent, in order
 * @param removed     stages removed by changes (kept for drawing the process map)
 * @param caseload    the children already in the system at the start, or null
 * @param calendar    public holidays and closures for working days, or null (then every weekday works)
 * @param labels      the names stages and measures are shown by (their {@code label:}s)
 * @param dated       the rules before the scenario's dated changes ({@code from:}) took effect, or null when it has none
 */
public record Scenario(String name, String description, String file, List<String> files, RunSettings run,
                       List<Attribute> attributes, List<ArrivalSource> arrivals, Map<String, ResourceSpec> resources,
                       Map<String, StageSpec> stages, Map<String, MilestoneSpec> milestones,
                       Map<String, MeasureSpec> measures, List<AppliedChange> changes, List<String> removed,
                       Caseload caseload, CalendarSpec calendar, Labels labels, Dated dated) {

    /**
     * Changes that take effect on a date: before {@code from} the system runs by {@code before}'s rules (the parent
     * with the changes that carry no date), from it by this scenario's.
     *
     * @param from   when the dated changes take effect
     * @param before the scenario as it is before then (the same name, file and run)
     */
    public record Dated(ChangeDate from, Scenario before) {}

    /** The day the dated changes take effect (a date counted from {@code run.start}), or NaN without any. */
    public double changeDay() {
        return dated == null ? Double.NaN : dated.from().day(run.start());
    }

    /** The stage with this name. */
    public Optional<StageSpec> stage(String name) {
        return Optional.ofNullable(stages.get(name));
    }

    /**
     * Every measure the results report, in order: the scenario's own (for new entrants), then with a caseload the
     * same again for the caseload ({@code caseload.NAME}) and its two clearance measures.
     */
    public List<MeasureSpec> reportedMeasures() {
        List<MeasureSpec> out = new java.util.ArrayList<>(measures.values());
        if (caseload == null) return out;
        for (MeasureSpec m : measures.values()) {
            out.add(new MeasureSpec(MeasureSpec.CASELOAD + m.name(), "Today's caseload: "
                    + (m.description().isEmpty() ? m.from() + " to " + m.to() : m.description()), m.from(), m.to(),
                    m.target(), m.when(), m.at(), m.workingDays()));
        }
        out.add(new MeasureSpec(MeasureSpec.CLEARANCE, "Today's caseload: from the start of the run to any outcome; "
                + "its median and 90th percentile are when half and 90% of the caseload have an outcome",
                MeasureSpec.START, "any outcome", Double.NaN, null, caseload.at()));
        if (milestones.containsKey(MilestoneSpec.PERMANENCE)) {
            out.add(new MeasureSpec(MeasureSpec.PERMANENCE_FROM_START, "Today's caseload: from the start of the run to"
                    + " permanence", MeasureSpec.START, MilestoneSpec.PERMANENCE, Double.NaN, null, caseload.at()));
        }
        return out;
    }

    /** A reported measure by name (see {@link #reportedMeasures()}), or null. */
    public MeasureSpec reportedMeasure(String name) {
        for (MeasureSpec m : reportedMeasures()) if (m.name().equals(name)) return m;
        return null;
    }

    /** The same scenario with other run settings (command-line overrides). */
    public Scenario withRun(RunSettings r) {
        return new Scenario(name, description, file, files, r, attributes, arrivals, resources, stages, milestones,
                measures, changes, removed, caseload, calendar, labels,
                dated == null ? null : new Dated(dated.from(), dated.before().withRun(r)));
    }

    /** The same scenario started from another caseload (a back-test's caseload rebuilt from records), or none. */
    public Scenario withCaseload(Caseload c) {
        return new Scenario(name, description, file, files, run, attributes, arrivals, resources, stages, milestones,
                measures, changes, removed, c, calendar, labels,
                dated == null ? null : new Dated(dated.from(), dated.before().withCaseload(c)));
    }

    /** The same scenario with its dated changes and the rules before them, or without any (null). */
    public Scenario withDated(Dated d) {
        return new Scenario(name, description, file, files, run, attributes, arrivals, resources, stages, milestones,
                measures, changes, removed, caseload, calendar, labels, d);
    }
}
