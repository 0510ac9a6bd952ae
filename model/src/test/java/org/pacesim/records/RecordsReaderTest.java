package org.pacesim.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.ScenarioLoader;

/** Records are read against a template scenario, and every bad row is listed at once with its line and column. */
class RecordsReaderTest {
    static final String SCENARIO = """
            name: records test
            run: {horizon: 2y, warmup: 0d}
            attributes: {age_band: {categorical: {under1: 0.5, older: 0.5}}}
            arrivals: [{name: accommodated, rate: 100/year, to: assess}]
            stages:
              assess:
                kind: delay
                duration: {lognormal: {median: 10w, p90: 20w}}
                next: [{label: home, p: 0.4, to: home}, {label: court, p: 0.6, to: court}]
              court: {kind: delay, duration: {gamma: {mean: 20w, sd: 8w}}, next: order}
              home: {kind: exit, outcome: home}
              order: {kind: exit, outcome: permanence}
            milestones: {assessed: {exit: assess}, lodged: {enter: court}, granted: {exit: court}}
            """;
    private static final String HEADER = "child,arrival,assessed,lodged,granted,age_band,source\n";

    static Pathway pathway;

    @TempDir
    static Path dir;

    @BeforeAll
    static void template() throws Exception {
        pathway = new Pathway(SystemGraph.of(ScenarioLoader.load(Files.writeString(dir.resolve("t.yaml"), SCENARIO))));
    }

    private Records read(String csv, LocalDate asOf, LocalDate from) throws Exception {
        Path f = Files.writeString(dir.resolve("r.csv"), csv);
        return new RecordsReader(pathway).read(f, "r.csv", asOf, from);
    }

    private String problems(String csv, LocalDate asOf) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(csv, asOf, null));
        return e.getMessage();
    }

    private static void assertReported(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "expected '" + p + "' in:\n" + message);
    }

    @Test
    void datesBecomeDaysFromTheFirstArrivalAndTheAsOfDefaultsToTheLatestDate() throws Exception {
        Records r = read(HEADER + "C1,2024-01-01,2024-01-11,2024-01-11,2024-03-01,under1,accommodated\n"
                + "C2,2024-01-03,,,,older,\n", null, null);
        assertEquals(List.of("arrival", "assessed", "lodged", "granted"), r.milestones());
        assertEquals(LocalDate.of(2024, 1, 1), r.origin());
        assertEquals(LocalDate.of(2024, 3, 1), r.asOf());
        assertEquals(10.0, r.children().get(0).day(1));
        assertEquals(2.0, r.children().get(1).day(0));
        assertTrue(Double.isNaN(r.children().get(1).day(1)));
        assertEquals("accommodated", r.children().get(0).source());
        assertEquals("older", r.children().get(1).levels().get("age_band"));
    }

    @Test
    void excelsSemicolonsBomCrlfAndDayFirstDatesReadTheSame() throws Exception {
        String excel = "\uFEFFchild;arrival;assessed;lodged;granted\r\nC1;01/01/2024;11/01/2024;11/01/2024;1/3/2024\r\n"
                + "C2;03/01/2024;;;\r\n;;;;\r\n";
        Files.write(dir.resolve("r.csv"), excel.getBytes(StandardCharsets.UTF_8));
        Records r = new RecordsReader(pathway).read(dir.resolve("r.csv"), "r.csv", null, null);
        assertEquals(2, r.children().size());
        assertEquals(60.0, r.children().get(0).day(3));
        assertEquals(LocalDate.of(2024, 3, 1), r.asOf());
    }

    @Test
    void thinDataIsReadAsItIs() throws Exception {
        Records r = read("child,arrival\nC1,2024-01-01\n", LocalDate.of(2024, 6, 1), null);
        assertEquals(1, r.children().size());
        assertEquals(List.of("arrival"), r.milestones());
        assertEquals(152.0, r.asOfDay());
    }

    @Test
    void fromIsDayZero() throws Exception {
        Records r = read(HEADER + "C1,2023-12-01,2024-01-11,,,,\n", null, LocalDate.of(2024, 1, 1));
        assertEquals(-31.0, r.children().get(0).day(0));
        assertEquals(0.0, r.fromDay());
    }

    @Test
    void datesOutOfThePathwaysOrderAreRefused() {
        assertReported(problems(HEADER + "C1,2024-01-01,2024-02-01,2024-02-01,2024-01-15,,\n", null),
                "r.csv:2:37: records: granted (2024-01-15) is before assessed (2024-02-01)");
        assertReported(problems(HEADER + "C1,2024-01-10,2024-01-05,,,,\n", null),
                "assessed (2024-01-05) is before arrival (2024-01-10)");
    }

    @Test
    void aDateAfterTheAsOfDateIsRefused() {
        assertReported(problems(HEADER + "C1,2024-01-01,2024-05-01,,,,\n", LocalDate.of(2024, 4, 1)),
                "r.csv:2:15: records: assessed (2024-05-01) is after the as-of date 2024-04-01");
    }

    @Test
    void aRepeatedIdIsRefusedNamingTheFirstLine() {
        assertReported(problems(HEADER + "C1,2024-01-01,,,,,\nC1,2024-01-02,,,,,\n", null),
                "r.csv:3:1: records: child 'C1' appears again (first at line 2)");
    }

    @Test
    void anUnknownLevelOrSourceIsRefusedWithDidYouMean() {
        assertReported(problems(HEADER + "C1,2024-01-01,,,,under_1,acommodated\n", null),
                "r.csv:2:18: records: 'under_1' is not a level of 'age_band'", "did you mean 'under1'?",
                "unknown arrival source 'acommodated'", "did you mean 'accommodated'?");
    }

    @Test
    void anUnreadableDateIsRefusedNamingTheAcceptedForms() {
        assertReported(problems(HEADER + "C1,03/13/2024,,,,,\nC2,2024-01-01,soon,,,,\n", null),
                "r.csv:2:4: records: arrival: '03/13/2024' reads as month 13", "r.csv:3:15: records: assessed: 'soon' "
                + "is not a date", "write dates as 2024-03-07 or day first as 07/03/2024");
    }

    @Test
    void unknownColumnsAreRefusedWithDidYouMean() {
        assertReported(problems("child,arrival,lodgd\nC1,2024-01-01,\n", null),
                "r.csv:1:15: records: unknown column 'lodgd'", "did you mean 'lodged'?");
    }

    @Test
    void everyBadRowIsListedAtOnce() {
        String m = problems(HEADER + "C1,2024-01-01,,,,under_1,\nC2,,,,,,\nC3,2024-01-01,x,,,,\n", null);
        assertReported(m, "r.csv:2:", "r.csv:3:4: records: no arrival date", "r.csv:4:");
    }

    @Test
    void theShippedSyntheticExampleFollowsTheBaselinesPathway() {
        Path baseline = Path.of("../scenarios/baseline-la.yaml");
        Pathway la = new Pathway(SystemGraph.of(ScenarioLoader.load(baseline)));
        Records r = new RecordsReader(la).read(Path.of("../scenarios/data/records-example.csv"), "records-example.csv",
                null, null);
        assertTrue(r.children().size() > 1000, "children: " + r.children().size());
        assertTrue(la.precedes("adm_decision", "application_lodged"));
        assertTrue(la.precedes("permanence_recommended", "order_granted"));
        assertTrue(!la.precedes("home_again", "permanence_recommended") && !la.precedes("matched", "application_lodged"));
    }
}
