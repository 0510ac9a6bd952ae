package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.graph.SystemGraph;

/** A bad caseload is reported with the CSV's file, line and column, what is wrong and what would fix it. */
class CaseloadProblemsTest {
    private static final String SCENARIO = """
            name: t
            run: {horizon: 1y, warmup: 0d}
            attributes: {age_band: {categorical: {under1: 0.5, older: 0.5}}}
            caseload: {file: c.csv}
            resources: {legal: {capacity: 1}}
            stages:
              form_e: {kind: delay, duration: 4w, next: panel}
              panel: {kind: meeting, every: 4w, capacity: 5, next: [{to: form_e, p: 0.1}, {to: order, p: 0.9}]}
              order: {kind: exit, outcome: permanence}
            milestones: {recommended: {exit: form_e}}
            """;
    private static final String HEADER = "child,stage,days_in_stage,days_since_accommodation";

    @TempDir
    Path dir;

    private String problems(String scenario, String csv) throws Exception {
        Files.writeString(dir.resolve("c.csv"), csv);
        Path f = Files.writeString(dir.resolve("s.yaml"), scenario);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SystemGraph.of(ScenarioLoader.load(f)));
        return e.getMessage();
    }

    private void assertReported(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "expected '" + p + "' in:\n" + message);
    }

    @Test
    void aMisspeltStageIsNamedWithItsRowAndColumnAndTheLikelyStage() throws Exception {
        assertReported(problems(SCENARIO, HEADER + "\nA,form_f,10,100\n"),
                "c.csv:2:3: caseload: unknown stage 'form_f'", "did you mean 'form_e'?");
    }

    @Test
    void aChildCannotHaveBeenLookedAfterForLessTimeThanInItsStage() throws Exception {
        assertReported(problems(SCENARIO, HEADER + "\nA,form_e,100,10\n"),
                "c.csv:2:14: caseload: days_since_accommodation (10) is less than days_in_stage (100)");
    }

    @Test
    void aNegativeOrTextDurationIsRefused() throws Exception {
        String m = problems(SCENARIO, HEADER + "\nA,form_e,-3,100\nB,form_e,soon,100\n");
        assertReported(m, "c.csv:2:10: caseload: days_in_stage: '-3' is not a number of days of zero or more",
                "c.csv:3:10: caseload: days_in_stage: 'soon'");
    }

    @Test
    void unknownColumnsAndMissingColumnsAreNamed() throws Exception {
        assertReported(problems(SCENARIO, "child,stage,days_in_stage,age_bnd\nA,form_e,1,under1\n"),
                "the header has no column 'days_since_accommodation'", "unknown column 'age_bnd'",
                "did you mean 'age_band'?");
    }

    @Test
    void anAttributeLevelMustBeOneOfItsLevels() throws Exception {
        assertReported(problems(SCENARIO, HEADER + ",age_band\nA,form_e,1,10,under2\n"),
                "c.csv:2:15: caseload: 'under2' is not a level of attribute 'age_band'", "did you mean 'under1'?");
    }

    @Test
    void aMilestoneCannotComeBeforeAccommodation() throws Exception {
        assertReported(problems(SCENARIO, HEADER + ",days_since_recommended\nA,panel,1,10,50\n"),
                "days_since_recommended (50) is more than days_since_accommodation (10)");
    }

    @Test
    void aChildCannotWaitInAnExit() throws Exception {
        assertReported(problems(SCENARIO, HEADER + "\nA,order,0,10\n"),
                "a child cannot be waiting in exit 'order'");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsReported() throws Exception {
        assertReported(problems(SCENARIO, HEADER + "\nA,form_e,1\n"), "c.csv:2:1: caseload.file: the row has 3 cells but the header has 4");
    }

    @Test
    void aMissingFileAndAFileThatIsNotUtf8AreReported() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), SCENARIO.replace("c.csv", "missing.csv"));
        String m = assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(f)).getMessage();
        assertReported(m, "s.yaml:4:18: caseload.file: cannot read 'missing.csv' (no such file)");
        Files.write(dir.resolve("c.csv"), (HEADER + "\nA,form_e,1,\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        Path g = Files.writeString(dir.resolve("s2.yaml"), SCENARIO);
        assertReported(assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(g)).getMessage(),
                "'c.csv' is not UTF-8 text");
    }

    @Test
    void aMistypedDataFileNameGetsTheLikelyName() throws Exception {
        assertReported(problems(SCENARIO.replace("file: c.csv", "file: cc.csv"), HEADER + "\nA,form_e,1,10\n"),
                "s.yaml:4:18: caseload.file: cannot read 'cc.csv' (no such file)", "did you mean 'c.csv'?");
    }

    @Test
    void countsNeedTheirFields() throws Exception {
        String m = problems(SCENARIO.replace("caseload: {file: c.csv}", "caseload: {counts: [{stage: panel}]}"), "");
        assertReported(m, "s.yaml:4:21: caseload.counts[0].count: required field 'count' is missing",
                "required field 'in_stage' is missing", "required field 'since_accommodation' is missing");
    }

    @Test
    void aRemovedStageWithSeveralRoutesCannotTakeCaseloadChildren() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), SCENARIO);
        String m = problems("name: r\nextends: base.yaml\nchanges: [{remove: panel, why: test}]\n",
                HEADER + "\nA,panel,1,10\n");
        assertReported(m, "stage 'panel' is removed by the change at", "leads on to several stages");
    }

    private Scenario loads(String scenario, byte[] csv) throws Exception {
        Files.write(dir.resolve("c.csv"), csv);
        return ScenarioLoader.load(Files.writeString(dir.resolve("s.yaml"), scenario));
    }

    /**
     * A caseload as Excel saves it in much of Europe: a byte order mark, ';' between cells, CRLF, a quoted cell
     * holding the separator, day-first dates (with run.start to count back from), and empty rows at the end.
     */
    @Test
    void anExcelSavedCaseloadIsTakenAsSaved() throws Exception {
        String withStart = SCENARIO.replace("run: {horizon: 1y, warmup: 0d}",
                "run: {horizon: 1y, warmup: 0d, start: 2026-04-01}");
        String csv = "\uFEFF" + HEADER.replace(',', ';') + ";age_band\r\n"
                + "\"A;1\";form_e;10;01/03/2026;under1\r\n"
                + "B;panel;2w;2025-04-01;older\r\n"
                + ";;;;\r\n;;;;\r\n";
        Caseload c = loads(withStart, csv.getBytes(StandardCharsets.UTF_8)).caseload();
        assertEquals(2, c.children().size());
        Caseload.Child a = c.children().get(0);
        assertEquals("A;1", a.id());
        assertEquals(10, a.inStage());
        assertEquals(31, a.sinceAccommodation(), "1 March to 1 April 2026");
        assertEquals(365, c.children().get(1).sinceAccommodation());
        assertEquals(14, c.children().get(1).inStage());
    }

    @Test
    void aDateWithoutRunStartOrAfterItIsReported() throws Exception {
        assertReported(problems(SCENARIO, HEADER + "\nA,form_e,1,01/03/2026\n"),
                "c.csv:2:12: caseload: days_since_accommodation: '01/03/2026' is a date, and the scenario has no"
                        + " run.start", "add run.start");
        String withStart = SCENARIO.replace("run: {horizon: 1y, warmup: 0d}",
                "run: {horizon: 1y, warmup: 0d, start: 2026-04-01}");
        assertReported(problems(withStart, HEADER + "\nA,form_e,1,02/04/2026\nB,form_e,1,03/13/2026\n"),
                "c.csv:2:12: caseload: days_since_accommodation: 2026-04-02 is after run.start (2026-04-01)",
                "c.csv:3:12: caseload: days_since_accommodation: '03/13/2026' reads as month 13", "day first");
    }

    @Test
    void aHeaderInOneSeparatorAndRowsInAnotherNamesTheSeparator() throws Exception {
        String m = problems(SCENARIO, HEADER + "\nA;form_e;1;10\nB;form_e;2;20\n");
        assertReported(m, "c.csv:2:1: caseload.file: this row's cells are separated by ';' but the header's by ','",
                "use one separator throughout the file");
    }
}
