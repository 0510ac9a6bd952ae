package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calendar fields that are wrong, or that lack the start date they need, get a located message with a fix. */
class CalendarProblemsTest {
    private static final String TAIL = """
            arrivals: [{name: in, rate: 1/week, to: work}]
            resources: {solicitor: {capacity: 1}}
            stages:
              work: {kind: delay, duration: 2w, next: out}
              out: {kind: exit, outcome: done}
            """;

    @TempDir
    Path dir;

    private String problems(String text) throws Exception {
        Files.writeString(dir.resolve("cal.yaml"), """
                name: Test
                holidays:
                  - {name: Christmas Day, date: 12-25, substitute: true}
                closures:
                  festive: {from: 12-24, to: 01-03}
                """);
        Path f = Files.writeString(dir.resolve("s.yaml"), text);
        return assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(f)).getMessage();
    }

    private void assertReported(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "expected '" + p + "' in:\n" + message);
    }

    @Test
    void workingDaysNeedAStartDate() throws Exception {
        assertReported(problems("name: t\nrun: {horizon: 1y}\n" + TAIL.replace("duration: 2w", "duration: 10wd")),
                "s.yaml:6:33: stages.work.duration: working days ('10wd') need the date the run starts",
                "add run.start");
    }

    @Test
    void aDistributionCannotMixWorkingDaysAndCalendarTime() throws Exception {
        assertReported(problems("name: t\nrun: {horizon: 1y, start: 2026-04-01}\n" + TAIL.replace("duration: 2w",
                "duration: {lognormal: {median: 10wd, p90: 6w}}")), "mixes working days ('10wd') with calendar time ('6w')");
    }

    @Test
    void aBadStartDate() throws Exception {
        assertReported(problems("name: t\nrun: {horizon: 1y, start: 2026-13-01}\n" + TAIL),
                "s.yaml:2:27: run.start: expected a date, found '2026-13-01'", "e.g. 2026-04-01");
    }

    @Test
    void aWorkingDayMeasureNeedsATargetInWorkingDays() throws Exception {
        assertReported(problems("name: t\nrun: {horizon: 1y, start: 2026-04-01}\n" + TAIL + """
                milestones: {done_work: {exit: work}}
                measures: {clock: {from: arrival, to: done_work, count: working_days, target: 3w}}
                """), "measures.clock.target: a measure that counts working days has its target in working days");
        assertReported(problems("name: t\nrun: {horizon: 1y}\n" + TAIL + """
                milestones: {done_work: {exit: work}}
                measures: {clock: {from: arrival, to: done_work, count: working_days}}
                """), "measures.clock.count: counting working days needs the date the run starts");
    }

    @Test
    void sittingRulesAreCheckedAndExclusiveOfEvery() throws Exception {
        String head = "name: t\nrun: {horizon: 1y, start: 2026-04-01}\n";
        assertReported(problems(head + TAIL.replace("work: {kind: delay, duration: 2w, next: out}",
                "work: {kind: meeting, on: fortnightly on Thursdays, capacity: 5, next: out}")),
                "stages.work.on: 'fortnightly on Thursdays' is not a sitting rule", "'first Tuesday of the month'");
        assertReported(problems(head + TAIL.replace("work: {kind: delay, duration: 2w, next: out}",
                "work: {kind: meeting, on: first Tuesday of the month, not_in: [juli], capacity: 5, next: out}")),
                "stages.work.not_in: 'juli' is not a month");
        assertReported(problems(head + TAIL.replace("work: {kind: delay, duration: 2w, next: out}",
                "work: {kind: meeting, every: 4w, on: first Tuesday of the month, capacity: 5, next: out}")),
                "a meeting sits either 'every' so often, on listed 'dates', or 'on' a calendar rule");
        assertReported(problems("name: t\nrun: {horizon: 1y}\n" + TAIL.replace("work: {kind: delay, duration: 2w, next: out}",
                "work: {kind: meeting, on: first Tuesday of the month, capacity: 5, next: out}")),
                "stages.work.on: 'on' needs the date the run starts");
    }

    @Test
    void capacitySchedulesAreChecked() throws Exception {
        String head = "name: t\nrun: {horizon: 1y, start: 2026-04-01}\ncalendar: {file: cal.yaml}\n";
        assertReported(problems(head + TAIL.replace("solicitor: {capacity: 1}", "solicitor: {capacity: 1, schedule: "
                + "[{from: 07-01, to: 08-31, capacity: 0}, {from: 08-15, to: 09-15, capacity: 2}]}")),
                "resources.solicitor.schedule[1]: this period overlaps period 0");
        assertReported(problems(head + TAIL.replace("solicitor: {capacity: 1}", "solicitor: {capacity: 1, schedule: "
                + "[{closure: festve, capacity: 0}]}")), "'festve' is not a closure of cal.yaml", "did you mean 'festive'?");
        assertReported(problems(head + TAIL.replace("solicitor: {capacity: 1}", "solicitor: {capacity: 1, schedule: "
                + "[{from: summer, to: autumn, capacity: 0}]}")), "'summer' to 'autumn' is not a period");
        assertReported(problems("name: t\nrun: {horizon: 1y}\n" + TAIL.replace("solicitor: {capacity: 1}",
                "solicitor: {capacity: 1, schedule: [{from: 07-01, to: 08-31, capacity: 0}]}")),
                "'from' needs the date the run starts");
    }

    @Test
    void ratesByMonthAndTrendsAreChecked() throws Exception {
        String head = "name: t\nrun: {horizon: 1y, start: 2026-04-01}\n";
        assertReported(problems(head + TAIL.replace("rate: 1/week,", "rate: 1/week, by_month: {juen: 2},")),
                "arrivals.in.by_month.juen: 'juen' is not a month", "did you mean 'jun'?");
        assertReported(problems(head + TAIL.replace("rate: 1/week,", "rate: 1/week, trend: lots,")),
                "arrivals[0].trend: 'lots' is not a yearly trend", "e.g. trend: +3%/year");
    }

    @Test
    void calendarFilesAndClosuresAreChecked() throws Exception {
        assertReported(problems("name: t\nrun: {horizon: 1y}\ncalendar: {file: cal.yaml}\n" + TAIL),
                "calendar: a calendar needs the date the run starts");
        assertReported(problems("name: t\nrun: {horizon: 1y, start: 2026-04-01}\ncalendar: {file: cal.yaml, "
                + "closures: [festiv]}\n" + TAIL), "'festiv' is not a closure of cal.yaml", "did you mean 'festive'?");
        assertReported(problems("name: t\nrun: {horizon: 1y, start: 2026-04-01}\ncalendar: {file: nowhere.yaml}\n"
                + TAIL), "nowhere.yaml", "no such file");
        Files.writeString(dir.resolve("bad.yaml"), "name: Bad\nholidays:\n  - {name: X, rule: first Moonday of May}\n"
                + "  - {name: Y, date: 13-45}\n");
        Path f = Files.writeString(dir.resolve("s2.yaml"), "name: t\nrun: {horizon: 1y, start: 2026-04-01}\n"
                + "calendar: {file: bad.yaml}\n" + TAIL);
        assertReported(assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(f)).getMessage(),
                "bad.yaml:3:21: holidays[0].rule: 'first Moonday of May' is not a rule this tool reads",
                "bad.yaml:4:21: holidays[1].date: expected a month and day, found '13-45'");
    }
}
