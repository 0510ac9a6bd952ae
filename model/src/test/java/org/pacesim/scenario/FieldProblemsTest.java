package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pacesim.scenario.Inputs.assertProblem;
import static org.pacesim.scenario.Inputs.list;
import static org.pacesim.scenario.Inputs.loadFails;
import static org.pacesim.scenario.Inputs.only;
import static org.pacesim.scenario.Inputs.resource;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Well-formed YAML with one wrong field. Every file under {@code invalid/fields} is the same small scenario with
 * exactly one mistake, so each must produce exactly one problem: no cascade of follow-on messages.
 */
class FieldProblemsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # file under invalid/fields        | line | col | path                                   | what is wrong (fragment)                          | fix (fragment)
            unknown-top-level-key.yaml         | 13   | 1   | stagse                                 | unknown field 'stagse'                              | did you mean 'stages'?
            unknown-stage-field.yaml           | 29   | 5   | stages.panel.paper_due                 | unknown field 'paper_due'                           | did you mean 'papers_due'?
            map-for-duration.yaml              | 4    | 12  | run.horizon                            | expected a duration, found a map                    | a number with a unit: 3d, 6w, 4mo, 2y
            missing-horizon.yaml               | 4    | 3   | run.horizon                            | required field 'horizon' is missing                 | horizon: 10y
            missing-stage-kind.yaml            | 26   | 5   | stages.panel.kind                      | required field 'kind' is missing                    | one of delay, service, meeting, fork, join, exit
            missing-exit-outcome.yaml          | 30   | 9   | stages.home.outcome                    | required field 'outcome' is missing                 | outcome: permanence
            missing-service-resource.yaml      | 21   | 5   | stages.legal_advice.resource           | required field 'resource' is missing                | name the resource this stage needs
            unknown-stage-kind.yaml            | 26   | 11  | stages.panel.kind                      | unknown stage kind 'meting'                         | did you mean 'meeting'?
            negative-duration.yaml             | 16   | 15  | stages.assessment.duration             | must be zero or more (got -2w)                      | non-negative duration
            zero-duration.yaml                 | 27   | 12  | stages.panel.every                     | must be greater than zero (got 0w)                  | positive duration
            lognormal-p90-below-median.yaml    | 16   | 46  | stages.assessment.duration.lognormal.p90 | p90 (4w) must be above the median (10w)          | make it larger than the median
            probability-above-one.yaml         | 18   | 26  | stages.assessment.next[0].p            | a probability must be between 0 and 1 (got 30)      | 0.38 (not 38)
            probability-negative.yaml          | 18   | 26  | stages.assessment.next[0].p            | a probability must be between 0 and 1 (got -0.3)    | a number from 0 to 1
            route-probabilities-not-summing.yaml | 18 | 7   | stages.assessment.next                 | probabilities add up to 0.9, not 1                  | add up to 1
            categorical-shares-not-summing.yaml | 8   | 27  | attributes.age_band.categorical        | the shares add up to 1.1, not 1                     | add up to 1
            unknown-next-stage.yaml            | 24   | 11  | stages.legal_advice.next               | unknown stage 'pannel'                              | did you mean 'panel'?
            unknown-resource.yaml              | 22   | 15  | stages.legal_advice.resource           | unknown resource 'legl'                             | did you mean 'legal'?
            unknown-measure-milestone.yaml     | 35   | 3   | measures.aim3                          | unknown milestone 'recomended'                      | did you mean 'recommended'?
            unknown-condition-attribute.yaml   | 18   | 16  | stages.assessment.next[0].when         | unknown attribute 'ageband' in condition            | did you mean 'age_band'?
            unknown-condition-level.yaml       | 18   | 16  | stages.assessment.next[0].when         | 'under2' is not a level of attribute 'age_band'     | did you mean 'under1'?
            unknown-milestone-label.yaml       | 33   | 3   | milestones.recommended.label           | stage 'assessment' has no route labelled 'recomended' | did you mean 'recommended'?
            capacity-zero.yaml                 | 12   | 21  | resources.legal.capacity               | must be a whole number from 1 to 1000000 (got 0)    | capacity must be a whole number of at least 1
            rate-zero.yaml                     | 10   | 32  | arrivals[0].rate                       | the rate must be greater than zero (got 0/year)     | give a positive rate
            rate-negative.yaml                 | 10   | 32  | arrivals[0].rate                       | the rate must be greater than zero (got -60/year)   | give a positive rate
            rate-without-unit.yaml             | 10   | 32  | arrivals[0].rate                       | '60' is not a rate                                  | a count per unit, e.g. 150/year
            duration-without-unit.yaml         | 16   | 15  | stages.assessment.duration             | '6' has no unit                                     | write 6d or 6w
            warmup-not-below-horizon.yaml      | 5    | 11  | run.warmup                             | the warm-up (5y) must end before the horizon (5y)   | shorten the warm-up or lengthen the horizon
            replications-zero.yaml             | 6    | 17  | run.replications                       | must be a whole number from 1 to 1000000 (got 0)    | a whole number of replications from 1
            working-days.yaml                  | 23   | 15  | stages.legal_advice.duration           | working days ('10wd') need the date the run starts | add run.start
            """)
    void oneWrongFieldIsOneProblemAtThatField(String name, int line, int col, String path, String what, String fix) {
        Path file = resource("invalid/fields/" + name);
        assertProblem(only(loadFails(file)), file, line, col, path, what, fix);
    }

    @Test
    void threeIndependentMistakesAreReportedTogetherInFileOrder() {
        Path file = resource("invalid/fields/three-problems.yaml");
        InvalidInputException e = loadFails(file);
        assertEquals(3, e.problems().size(), () -> list(e));
        List<Problem> p = e.problems();
        assertProblem(p.get(0), file, 19, 7, "stages.assessment.next", "probabilities add up to 0.9, not 1",
                "add up to 1");
        assertProblem(p.get(1), file, 23, 15, "stages.legal_advice.resource", "unknown resource 'legl'",
                "did you mean 'legal'?");
        assertProblem(p.get(2), file, 28, 12, "stages.panel.every", "must be greater than zero (got -4w)",
                "positive duration");
    }

    /** Every duration needs a unit, wherever it is written (a bare number was silently days); 0 is 0 in any unit. */
    @Test
    void aBareNumberIsRefusedAsADurationEverywhereButZeroIsTaken(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("bare.yaml"), """
                name: bare numbers
                run: {horizon: 5y, warmup: 0}
                arrivals: [{name: in, times: [0, 10], to: a}]
                stages:
                  a: {kind: delay, duration: {lognormal: {median: 4, p90: 10w}}, next: b}
                  b: {kind: delay, duration: {uniform: [0, 3]}, next: c}
                  c: {kind: meeting, every: 4w, first: 2, capacity: 5, next: d}
                  d: {kind: delay, duration: 0, next: out}
                  out: {kind: exit, outcome: permanence}
                measures:
                  m: {from: arrival, to: permanence, target: 26}
                """);
        InvalidInputException e = loadFails(file);
        assertEquals(List.of("arrivals.in.times[1]: '10' has no unit",
                "stages.a.duration.lognormal.median: '4' has no unit",
                "stages.b.duration.uniform[1]: '3' has no unit",
                "stages.c.first: '2' has no unit",
                "measures.m.target: '26' has no unit"),
                e.problems().stream().map(p -> p.path() + ": " + p.what()).toList(), () -> list(e));
        assertEquals("write 26d or 26w (days or weeks; also mo and y)", e.problems().get(4).fix());
    }
}
