package org.pacesim.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pacesim.scenario.ScenarioLoader;

/**
 * The shipped Scottish calendar gives the bank holidays gov.uk lists for Scotland, year by year, substitute days
 * included; and Easter falls where the tables put it.
 */
class ScotlandCalendarTest {
    /** The shipped calendar, read as a scenario reads it. */
    static HolidayCalendar scotland() throws Exception {
        Path s = Files.writeString(Files.createTempDirectory("pace-calendar").resolve("s.yaml"), """
                name: s
                run: {horizon: 1y, start: 2026-04-01}
                calendar: {file: %s}
                arrivals: [{name: in, rate: 1/week, to: out}]
                stages: {out: {kind: exit, outcome: done}}
                """.formatted(Path.of("../scenarios/calendars/scotland.yaml").toAbsolutePath()));
        return ScenarioLoader.load(s).calendar().holidays();
    }

    private static List<String> year(HolidayCalendar c, int y) {
        return new TreeSet<>(c.holidays(y).keySet()).stream().map(LocalDate::toString).collect(Collectors.toList());
    }

    @Test
    void theBankHolidaysOfScotlandAsGovUkListsThem() throws Exception {
        HolidayCalendar c = scotland();
        assertEquals(List.of("2020-01-01", "2020-01-02", "2020-04-10", "2020-05-08", "2020-05-25", "2020-08-03",
                "2020-11-30", "2020-12-25", "2020-12-28"), year(c, 2020));
        assertEquals(List.of("2021-01-01", "2021-01-04", "2021-04-02", "2021-05-03", "2021-05-31", "2021-08-02",
                "2021-11-30", "2021-12-27", "2021-12-28"), year(c, 2021));
        assertEquals(List.of("2022-01-03", "2022-01-04", "2022-04-15", "2022-05-02", "2022-06-02", "2022-06-03",
                "2022-08-01", "2022-09-19", "2022-11-30", "2022-12-26", "2022-12-27"), year(c, 2022));
        assertEquals(List.of("2023-01-02", "2023-01-03", "2023-04-07", "2023-05-01", "2023-05-08", "2023-05-29",
                "2023-08-07", "2023-11-30", "2023-12-25", "2023-12-26"), year(c, 2023));
        assertEquals(List.of("2024-01-01", "2024-01-02", "2024-03-29", "2024-05-06", "2024-05-27", "2024-08-05",
                "2024-12-02", "2024-12-25", "2024-12-26"), year(c, 2024));
        assertEquals(List.of("2025-01-01", "2025-01-02", "2025-04-18", "2025-05-05", "2025-05-26", "2025-08-04",
                "2025-12-01", "2025-12-25", "2025-12-26"), year(c, 2025));
        assertEquals(List.of("2026-01-01", "2026-01-02", "2026-04-03", "2026-05-04", "2026-05-25", "2026-08-03",
                "2026-11-30", "2026-12-25", "2026-12-28"), year(c, 2026));
    }

    @Test
    void easterSundayMatchesTheTables() {
        assertEquals(LocalDate.of(2000, 4, 23), HolidayRule.easterSunday(2000));
        assertEquals(LocalDate.of(2019, 4, 21), HolidayRule.easterSunday(2019));
        assertEquals(LocalDate.of(2024, 3, 31), HolidayRule.easterSunday(2024));
        assertEquals(LocalDate.of(2025, 4, 20), HolidayRule.easterSunday(2025));
        assertEquals(LocalDate.of(2038, 4, 25), HolidayRule.easterSunday(2038));
        assertEquals(LocalDate.of(2285, 3, 22), HolidayRule.easterSunday(2285));
    }

    @Test
    void aSubstituteDayCanCrossTheYearEnd() {
        // A made-up holiday on 31 December: 2022-12-31 is a Saturday (observed Monday 2 January 2023), 2023-12-31 a
        // Sunday (observed Monday 1 January 2024), 2024-12-31 a Tuesday.
        HolidayCalendar c = new HolidayCalendar("t", List.of(new HolidayRule.Fixed("Hogmanay",
                java.time.MonthDay.of(12, 31), true)), java.util.Map.of());
        assertEquals(List.of("2023-01-02"), year(c, 2023));
        assertEquals(List.of("2024-01-01", "2024-12-31"), year(c, 2024));
    }
}
