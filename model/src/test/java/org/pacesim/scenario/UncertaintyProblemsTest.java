package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code uncertainty:} block: each mistake reported at its line with a fix; a block in a scenario is inherited by
 * the files that extend it; the values tagged as assumed are found where they are written.
 */
class UncertaintyProblemsTest {
    private static final String SCENARIO = """
            name: base
            run: {horizon: 6y, warmup: 1y, replications: 5, seed: 4}
            arrivals: [{name: in, rate: 40/year, to: assess}]
            resources: {legal: {capacity: 3}}   # A: three solicitors
            stages:
              assess:
                kind: delay
                duration: {lognormal: {median: 30w, p90: 60w}}   # A
                next:
                  - {label: plan, p: 0.6, to: advice}   # A
                  - {label: home, p: 0.4, to: home}     # A: the rest
              advice: {kind: service, resource: legal, duration: 5d, next: panel}
              panel: {kind: meeting, every: 4w, capacity: 1, next: done}   # A
              home: {kind: exit, outcome: home}
              done: {kind: exit, outcome: permanence}
            """;

    @TempDir
    Path dir;

    private ExperimentSpec experiment(String block) throws Exception {
        Files.writeString(dir.resolve("base.yaml"), SCENARIO);
        Files.writeString(dir.resolve("other.yaml"), "name: other\nextends: base.yaml\n");
        return ExperimentLoader.load(Files.writeString(dir.resolve("e.yaml"),
                "name: e\nbaseline: base.yaml\nscenarios: [other.yaml]\n" + block));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown kind      | '  vary: {stages.assess.scale: {normal: [1, 2]}}'              | unknown field 'normal'
            misordered        | '  vary: {stages.assess.scale: {uniform: [2, 1]}}'             | the lower bound must be below the upper
            triangle          | '  vary: {stages.assess.scale: {triangular: [1, 0.5, 2]}}'     | min <= most likely <= max
            impossible beta   | '  vary: {stages.assess.next.plan.p: {beta: {mean: 0.5, sd: 0.6}}}' | no share between 0 and 1 has mean 0.5 and sd 0.6
            whole bounds      | '  vary: {resources.legal.capacity: {uniform_int: [1.5, 4]}}'  | the bounds must be whole numbers
            lognormal p90     | '  vary: {stages.panel.every: {lognormal: {median: 1, p90: 0.9}}}' | the 90th percentile must be above the median
            no spread         | '  from_tags: {A: 0%}'                                          | the spread must be above 0%
            nothing varies    | '  seed: 3'                                                    | required field 'vary' is missing
            """)
    void aMistakeInTheBlockIsReportedAtItsLine(String name, String line, String what) throws Exception {
        ExperimentSpec spec = experiment("uncertainty:\n  points: 10\n" + line + "\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ExperimentLoader.uncertainty(spec));
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertTrue(e.problems().get(0).at().line() >= 5, e.problems().get(0).at().toString());
    }

    @Test
    void aScenariosBlockIsInheritedAndTheExperimentsWins() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), SCENARIO + "uncertainty: {points: 12, from_tags: {A: 20%}}\n");
        Files.writeString(dir.resolve("child.yaml"), "name: child\nextends: base.yaml\n");
        UncertaintySpec inherited = ScenarioLoader.uncertainty(dir.resolve("child.yaml"));
        assertEquals(12, inherited.points());
        assertEquals(0.2, inherited.fromTags(), 1e-12);
        ScenarioLoader.load(dir.resolve("child.yaml")); // the block does not stop the scenario loading
        ExperimentSpec spec = ExperimentLoader.load(Files.writeString(dir.resolve("e.yaml"),
                "name: e\nbaseline: child.yaml\nscenarios: [base.yaml]\n"));
        assertEquals(12, ExperimentLoader.uncertainty(spec).points());
        ExperimentSpec own = ExperimentLoader.load(Files.writeString(dir.resolve("f.yaml"),
                "name: f\nbaseline: child.yaml\nscenarios: [base.yaml]\nuncertainty: {points: 30, from_tags: {A: 10%}}\n"));
        assertEquals(30, ExperimentLoader.uncertainty(own).points());
    }

    @Test
    void theTaggedValuesAreEachDurationNumberAndOneShareOfAGroup() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), SCENARIO);
        List<UncertaintySpec.Varied> tagged = ScenarioLoader.tagged(dir.resolve("base.yaml"), 0.3);
        // the panel's line is tagged: its sittings vary, its capacity of 1 cannot move by 30%; 'home' is the second
        // route of the group 'plan' is in
        assertEquals(List.of("resources.legal.capacity", "stages.assess.scale", "stages.assess.next.plan.p",
                        "stages.panel.every"),
                tagged.stream().map(UncertaintySpec.Varied::name).toList());
        assertEquals(4, tagged.get(0).at().line());
        assertTrue(tagged.get(1).target() instanceof UncertaintySpec.Target.StageDurations);
        ValueRange.Triangular share = (ValueRange.Triangular) tagged.get(2).range();
        assertEquals(1.3, share.max(), 1e-12, "0.6 x 1.3 stays below 1");
    }
}
