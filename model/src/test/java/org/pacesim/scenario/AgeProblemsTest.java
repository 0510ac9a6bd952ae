package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pacesim.scenario.Inputs.list;
import static org.pacesim.scenario.Inputs.loadFails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ages in years: how they are written, read into conditions, and refused with the line and a fix when wrong. */
class AgeProblemsTest {
    private static final String BASE = """
            name: ages
            run: {horizon: 5y}
            attributes:
              age_band:
                categorical: {under5: 0.4, older: 0.6}
            AGES
            arrivals: [{name: in, rate: 100/year, to: a}]
            stages:
              a:
                kind: delay
                duration: 2w
                next:
                  - {when: WHEN, to: young}
                  - {to: old}
              young: {kind: exit, outcome: young}
              old: {kind: exit, outcome: old}
            """;
    private static final String AGES = "    age: {under5: {uniform: [0y, 5y]}, older: {uniform: [5y, 17y]}}";

    @TempDir
    Path dir;

    private Path write(String ages, String when) throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), BASE.replace("AGES", ages).replace("WHEN", when));
    }

    @Test
    void anAgeConditionReadsYearsOrADurationAsAHalfOpenRange() throws IOException {
        Condition c = ScenarioLoader.load(write(AGES, "age >= 1 and age < 18mo")).stages().get("a").routes().get(0)
                .when();
        assertNotNull(c.age());
        assertEquals(Durations.YEAR, c.age().from(), 1e-9);
        assertEquals(18 * Durations.MONTH, c.age().to(), 1e-9);
        assertTrue(c.age().holds(Durations.YEAR) && !c.age().holds(18 * Durations.MONTH));
        assertNull(ScenarioLoader.load(write(AGES, "age_band == under5")).stages().get("a").routes().get(0).when()
                .age());
    }

    @Test
    void anAgeConditionWithoutAgesIsRefusedAtItsLine() throws IOException {
        InvalidInputException e = loadFails(write("", "age < 5"));
        Problem p = Inputs.only(e);
        assertEquals(13, p.at().line(), () -> list(e));
        assertEquals("stages.a.next[0].when", p.path());
        assertTrue(p.what().contains("needs the children's age in years"), p.what());
        assertTrue(p.fix().contains("age:"), p.fix());
    }

    @Test
    void anAgeBandMustGiveEveryLevelABoundedAge() throws IOException {
        InvalidInputException e = loadFails(write("    age: {under5: {exponential: {mean: 2y}}, oldr: {uniform: [5y, 17y]}}",
                "age < 5"));
        List<String> what = e.problems().stream().map(p -> p.at().line() + " " + p.path() + ": " + p.what()).toList();
        assertEquals(List.of(
                "6 attributes.age_band.age: level 'older' has no age",
                "6 attributes.age_band.age.under5: an age needs an upper end, and exponential(mean 2y) has none",
                "6 attributes.age_band.age.oldr: 'oldr' is not a level of this attribute"), what, () -> list(e));
    }

    @Test
    void noAgeMeetsAnEmptyRangeAndAMeasureCannotChooseByAge() throws IOException {
        Problem p = Inputs.only(loadFails(write(AGES, "age >= 5 and age < 5")));
        assertEquals("no age meets 'age >= 5 and age < 5'", p.what());
        Path file = Files.writeString(dir.resolve("m.yaml"), BASE.replace("AGES", AGES).replace("WHEN", "age < 5")
                + "measures: {m: {from: arrival, to: permanence, when: age < 5}}\n");
        InvalidInputException e = loadFails(file);
        assertTrue(e.problems().stream().anyMatch(q -> q.path().equals("measures.m.when")
                && q.what().equals("a measure cannot choose its children by their age now")), () -> list(e));
    }
}
