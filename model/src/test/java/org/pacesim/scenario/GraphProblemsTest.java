package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pacesim.scenario.Inputs.assertProblem;
import static org.pacesim.scenario.Inputs.graphFails;
import static org.pacesim.scenario.Inputs.list;
import static org.pacesim.scenario.Inputs.only;
import static org.pacesim.scenario.Inputs.resource;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenarios whose every field is valid but whose pathway cannot run: they load, and {@code SystemGraph.of} refuses
 * them, naming the stage at fault.
 */
class GraphProblemsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # file under invalid/graph | line | col | path                       | what is wrong (fragment)                                     | fix (fragment)
            unreachable-stage.yaml     | 8    | 3   | stages.review              | stage 'review' is never reached                              | route to it from another stage, or delete it
            no-way-to-exit.yaml        | 13   | 3   | stages.review              | children who reach stage 'review' can never reach an exit    | a route that leads to an exit
            no-route-applies.yaml      | 9    | 3   | stages.assessment.next     | children with age_band = older reach 'assessment' but no route applies to them | add a route without 'when' for everyone else
            fork-branch-exits.yaml     | 7    | 3   | stages.preparation.branches | branch 'form_e' of fork 'preparation' can reach exit 'home' before a join | route the exit after the join
            join-without-fork.yaml     | 8    | 3   | stages.papers_ready        | join 'papers_ready' is not where any fork's branches meet     | make it the end of a fork's branches
            """)
    void pathwayThatCannotRunIsRefusedAtTheStageAtFault(String name, int line, int col, String path, String what,
                                                        String fix) {
        Path file = resource("invalid/graph/" + name);
        assertProblem(only(graphFails(file)), file, line, col, path, what, fix);
    }

    @Test
    void loopWhoseOnlyWayOutHasProbabilityZeroIsRefusedAtEachStageOfTheLoop() {
        Path file = resource("invalid/graph/loop-without-exit.yaml");
        InvalidInputException e = graphFails(file);
        assertEquals(2, e.problems().size(), () -> list(e));
        String fix = "give the loop a way out: a route with probability above 0";
        assertProblem(e.problems().get(0), file, 7, 3, "stages.lar", "all children who reach 'lar' can never leave",
                fix);
        assertProblem(e.problems().get(1), file, 8, 3, "stages.report",
                "all children who reach 'report' can never leave", fix);
        for (Problem p : e.problems()) {
            assertEquals(true, p.what().matches(".*the loop through (lar -> report|report -> lar) has no way out"),
                    p::format);
        }
    }

    /** A pathway that fails at 25 stages lists 20 of them and says how many more there are. */
    @Test
    void problemsPastTheFirstTwentyAreCountedNotDropped(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        StringBuilder yaml = new StringBuilder("""
                name: many stages without a route for some
                run: {horizon: 1y}
                attributes: {band: {categorical: {a: 0.5, b: 0.5}}}
                arrivals: [{name: in, rate: 1/day, to: [""");
        StringBuilder stages = new StringBuilder("stages:\n  out: {kind: exit, outcome: done}\n");
        for (int k = 0; k < 25; k++) {
            yaml.append(k == 0 ? "" : ", ").append("{to: s").append(k).append(", p: 0.04}");
            stages.append("  s").append(k).append(": {kind: delay, duration: 1d, next: [{when: band == a, to: out}]}\n");
        }
        yaml.append("]}]\n").append(stages);
        Path file = java.nio.file.Files.writeString(dir.resolve("many.yaml"), yaml);
        InvalidInputException e = graphFails(file);
        assertEquals(21, e.problems().size(), () -> list(e));
        assertEquals(1, e.problems().stream().filter(p -> p.what().equals("5 more stages with a route that does not"
                + " apply or a loop with no way out, not listed")).count(), () -> list(e));
    }
}
