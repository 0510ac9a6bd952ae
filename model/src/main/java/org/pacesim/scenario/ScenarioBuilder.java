package org.pacesim.scenario;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a resolved raw tree (parents merged, changes applied) into a typed {@link Scenario}: one reader per section
 * ({@link RunReader}, {@link CalendarReader}, {@link AttributeReader}, {@link ResourceReader}, {@link StageReader},
 * {@link ArrivalReader}, {@link MilestoneReader}, {@link MeasureReader}, {@link CaseloadReader}), in the order in
 * which each needs what an earlier one read, then {@link NameCheck} checks every name against what is declared.
 * All problems are collected; nothing throws until the end. Graph-level checks (reachability, loops) come after, in
 * the graph package.
 */
final class ScenarioBuilder {
    static final List<String> TOP = List.of("name", "description", "extends", "combine", "changes", "run", "attributes",
            "arrivals", "resources", "stages", "milestones", "measures", "caseload", "calendar", "uncertainty");

    private final Problems problems = new Problems();
    private final DistributionParser distributions;
    private final String file;
    private final Path baseDir;
    private final Consumer<String> fileRead;

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
        RunSettings run = new RunReader(problems).read(root);
        CalendarSpec calendar = new CalendarReader(problems, baseDir, fileRead).read(root.node("calendar"), run);
        distributions.allowWorkingDays(run.start() != null);
        Map<String, Attribute> attributes = new AttributeReader(problems, new AgeReader(problems, distributions))
                .read(root.node("attributes"));
        Map<String, ResourceSpec> resources = new ResourceReader(problems, run.start(), calendar)
                .read(root.node("resources"));
        RouteReader routes = new RouteReader(problems, attributes, distributions);
        StageReader stageReader = new StageReader(problems, distributions, routes, resources, run.start());
        Map<String, StageSpec> stages = stageReader.read(root);
        List<ArrivalSource> arrivals = new ArrivalReader(problems, attributes, routes, run.start(), new AgeReader(problems, distributions))
                .read(root, run.horizon(), root.has("caseload"));
        Map<String, MilestoneSpec> milestones = new MilestoneReader(problems, file)
                .read(root.node("milestones"), stages);
        MeasureReader measureReader = new MeasureReader(problems, attributes, file, run.start());
        Map<String, MeasureSpec> measures = measureReader.read(root.node("measures"), milestones);
        new NameCheck(problems, file, attributes, resources, stages, stageReader.declared(), arrivals, milestones,
                measures).check();
        Caseload caseload = new CaseloadReader(problems, baseDir, fileRead, distributions, attributes, stages, milestones,
                changes, run.start()).read(root.node("caseload"));
        problems.throwIfAny();
        return new Scenario(name, description, file, List.copyOf(files), run, List.copyOf(attributes.values()),
                List.copyOf(arrivals), resources.isEmpty() ? Map.of() : unmodifiable(resources),
                unmodifiable(stages), unmodifiable(milestones), unmodifiable(measures), List.copyOf(changes),
                List.copyOf(removed), caseload, calendar, new Labels(stageReader.labels(), measureReader.labels()), null);
    }

    private static <V> Map<String, V> unmodifiable(Map<String, V> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
