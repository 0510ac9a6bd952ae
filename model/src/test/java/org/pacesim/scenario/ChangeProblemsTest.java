package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pacesim.scenario.Inputs.assertProblem;
import static org.pacesim.scenario.Inputs.loadFails;
import static org.pacesim.scenario.Inputs.only;
import static org.pacesim.scenario.Inputs.resource;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pacesim.graph.SystemGraph;

/**
 * Interventions: {@code extends} and {@code changes} on {@code valid/base.yaml}. A problem caused by a change is
 * reported at the change, in the file that makes it, not in the parent.
 */
class ChangeProblemsTest {

    @Test
    void theBaseTheseFilesExtendIsValid() {
        Scenario s = ScenarioLoader.load(resource("valid/base.yaml"));
        SystemGraph.of(s);
        assertEquals("Validation base", s.name());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # file under invalid/changes | line | col | path                       | what is wrong (fragment)                                        | fix (fragment)
            missing-parent.yaml          | 3    | 10  | extends                    | cannot find the parent scenario '../../valid/bsae.yaml'          | did you mean 'extends: ../../valid/base.yaml'?
            remove-missing-stage.yaml    | 5    | 13  | changes[0].remove          | no stage 'ratifyng_lar' to remove                                | did you mean 'ratifying_lar'?
            remove-exit.yaml             | 5    | 13  | changes[0].remove          | cannot remove 'home': it is an exit stage, so bypassing it is not defined | route the stages before it to another exit
            remove-fork.yaml             | 5    | 13  | changes[0].remove          | cannot remove 'preparation': it is a fork stage                  | remove the whole parallel section
            remove-join.yaml             | 5    | 13  | changes[0].remove          | cannot remove 'papers_ready': it is a join stage                 | remove the whole parallel section
            remove-self-loop.yaml        | 5    | 13  | changes[0].remove          | cannot remove 'permanence_lar': it routes back to itself         | set that route's probability to 0 with a 'route' change
            route-unknown-label.yaml     | 5    | 36  | changes[0].route.outcome   | stage 'permanence_lar' has no route labelled 'canceled'          | did you mean 'cancelled'?
            set-bad-path.yaml            | 5    | 11  | changes[0].set.path        | no such field: 'stages.pannel'                                   | did you mean 'panel'?
            set-misspelt-field.yaml      | 5    | 40  | stages.panel.capasity      | unknown field 'capasity'                                         | did you mean 'capacity'?
            set-invalid-value.yaml       | 7    | 14  | stages.panel.capacity      | must be a whole number from 1 to 1000000 (got 0)                 | cases per sitting must be a whole number of at least 1
            change-without-why.yaml      | 7    | 5   | changes[1].why             | required field 'why' is missing                                  | say why, quoting the source
            """)
    void badChangeIsReportedAtTheChange(String name, int line, int col, String path, String what, String fix) {
        Path file = resource("invalid/changes/" + name);
        assertProblem(only(loadFails(file)), file, line, col, path, what, fix);
    }

    /** A missing why does not stop the change being applied, nor hide the file's other problems. */
    @Test
    void aChangeWithoutWhyIsListedWithTheFilesOtherProblems(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("both.yaml"), """
                name: no why, and a bad stage
                extends: %s
                changes:
                  - remove: ratifying_lar
                stages:
                  form_e: {kind: delay, duration: {lognormal: {median: 4w, p90: 2w}}, next: papers_ready}
                """.formatted(resource("valid/base.yaml")));
        InvalidInputException e = loadFails(file);
        assertEquals(2, e.problems().size(), () -> Inputs.list(e));
        assertEquals(List.of("changes[0].why", "stages.form_e.duration.lognormal.p90"),
                e.problems().stream().map(Problem::path).toList(), () -> Inputs.list(e));
    }

    /** What a set leaves missing or at odds in the map it changed is reported at the change, not in the parent. */
    @Test
    void aSetThatLeavesItsStageIncompleteIsReportedAtTheChange(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("set.yaml"), """
                name: the panel as a service
                extends: %s
                changes:
                  - set: {path: stages.panel.kind, value: service}
                    why: test
                """.formatted(resource("valid/base.yaml")));
        InvalidInputException e = loadFails(file);
        // (a field of the parent's that a service does not take stays where the parent wrote it)
        Problem missing = e.problems().stream().filter(p -> p.path().equals("stages.panel.resource")).findFirst()
                .orElseThrow(() -> new AssertionError(Inputs.list(e)));
        assertEquals(file + ":4", missing.at().file() + ":" + missing.at().line(), missing::format);
    }

    @Test
    void removingAStageThatRoutesToItselfNamesTheRouteInTheParent() {
        Problem p = only(loadFails(resource("invalid/changes/remove-self-loop.yaml")));
        Path parent = resource("valid/base.yaml");
        assertEquals(true, p.what().contains("(" + parent + ":23:9)"), p::format);
    }

    @Test
    void extendsCycleIsReportedAtTheExtendsThatClosesIt() {
        Path a = resource("invalid/changes/cycle-a.yaml");
        Path b = resource("invalid/changes/cycle-b.yaml");
        assertProblem(only(loadFails(a)), b, 3, 10, "extends",
                "'cycle-a.yaml' extends, directly or through others, this file: the files form a cycle",
                "make one of them stand alone");
        assertProblem(only(loadFails(b)), a, 3, 10, "extends",
                "'cycle-b.yaml' extends, directly or through others, this file: the files form a cycle",
                "make one of them stand alone");
    }
}
