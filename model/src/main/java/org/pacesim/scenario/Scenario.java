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
 */
public record Scenario(String name, String description, String file, List<String> files, RunSettings run,
                       List<Attribute> attributes, List<ArrivalSource> arrivals, Map<String, ResourceSpec> resources,
                       Map<String, StageSpec> stages, Map<String, MilestoneSpec> milestones,
                       Map<String, MeasureSpec> measures, List<AppliedChange> changes, List<String> removed) {

    /** The stage with this name. */
    public Optional<StageSpec> stage(String name) {
        return Optional.ofNullable(stages.get(name));
    }

    /** The same scenario with other run settings (command-line overrides). */
    public Scenario withRun(RunSettings r) {
        return new Scenario(name, description, file, files, r, attributes, arrivals, resources, stages, milestones,
                measures, changes, removed);
    }
}
