package org.pacesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.ScenarioLoader;

/** One-at-a-time sensitivity: the levers found, and effects with the right sign, ranked. */
class SensitivityTest {
    private static final String SCENARIO = """
            name: sensitivity
            run: {horizon: 6y, warmup: 1y, replications: 10, seed: 4}
            arrivals: [{name: in, rate: 40/year, to: assess}]
            resources: {legal: {capacity: 1}}
            stages:
              assess: {kind: delay, duration: {lognormal: {median: 30w, p90: 60w}},
                       next: [{label: plan, p: 0.6, to: advice}, {label: home, p: 0.4, to: home}]}
              advice: {kind: service, resource: legal, duration: 5d, next: route}
              route: {kind: delay, duration: 0d, next: panel}
              panel: {kind: meeting, every: 4w, capacity: 5, next: done}
              home: {kind: exit, outcome: home}
              done: {kind: exit, outcome: permanence}
            """;

    @TempDir
    Path dir;

    @Test
    void everyDurationCapacityAndBranchIsALever() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        List<Sensitivity.Lever> levers = Sensitivity.levers(ScenarioLoader.load(f), 0.2);
        List<String> names = levers.stream().map(Sensitivity.Lever::name).toList();
        assertEquals(List.of("duration of assess", "duration of advice", "places per sitting of panel",
                "sittings of panel", "capacity of legal", "p(assess -> plan)", "p(assess -> home)"), names);
        Sensitivity.Lever legal = levers.get(4);
        assertTrue(Double.isNaN(legal.lowValue()), "one server cannot go down");
        assertNull(legal.low());
        assertEquals(2.0, legal.highValue());
        assertEquals(0.48, levers.get(5).lowValue(), 1e-12);
        assertEquals(0.72, levers.get(5).highValue(), 1e-12);
    }

    @Test
    void aMeetingOnACalendarRuleHasNoIntervalToVary() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), SCENARIO.replace("run: {horizon: 6y,",
                "run: {start: 2026-04-01, horizon: 6y,").replace("every: 4w", "on: first Tuesday of the month"));
        List<String> names = Sensitivity.levers(ScenarioLoader.load(f), 0.2).stream().map(Sensitivity.Lever::name)
                .toList();
        assertTrue(names.contains("places per sitting of panel"));
        assertTrue(!names.contains("sittings of panel"), names.toString());
    }

    @Test
    void longerStagesLengthenTimeToPermanenceAndTheRankingPutsTheLargestFirst() throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        Sensitivity.Results r = Sensitivity.run(f, 0.2, 20, null, "time_to_permanence", MeasureStat.MEDIAN, 2, null);
        Sensitivity.Effect assess = r.effects().stream()
                .filter(e -> e.lever().name().equals("duration of assess")).findFirst().orElseThrow();
        assertTrue(assess.low().clear() && assess.low().difference().mean() < 0, assess.low().toString());
        assertTrue(assess.high().clear() && assess.high().difference().mean() > 0, assess.high().toString());
        assertEquals("duration of assess", r.effects().get(0).lever().name());
        for (int i = 1; i < r.effects().size(); i++) {
            assertTrue(r.effects().get(i - 1).size() >= r.effects().get(i).size());
        }
        // The home branch does not touch the children who reach permanence... except through the shared
        // resource and panel; its effect is small against the assessment's.
        assertTrue(r.effects().get(0).size() > 3 * 7, "largest effect over 3 weeks: " + r.effects().get(0).size());
    }

    @Test
    void aSettingThatOverloadsThePanelIsFlaggedWhereverItsEffectAppears() throws Exception {
        // 24 permanence cases a year against 2 places every 4 weeks (26 a year): one place fewer is an offered
        // load of about 1.8, a queue that grows for as long as the run lasts.
        Path f = Files.writeString(dir.resolve("s.yaml"), SCENARIO.replace("capacity: 5", "capacity: 2"));
        Sensitivity.Results r = Sensitivity.run(f, 0.2, 6, null, "time_to_permanence", MeasureStat.MEDIAN, 2, null);
        Sensitivity.Effect places = r.effects().stream()
                .filter(e -> e.lever().name().equals("places per sitting of panel")).findFirst().orElseThrow();
        assertTrue(places.flagged() && !places.lowCaveats().isEmpty(), places.toString());
        assertTrue(places.lowCaveats().get(0).text().contains("offered load"), places.lowCaveats().toString());

        String md = org.pacesim.report.SensitivityReport.markdown(r);
        int warning = md.indexOf("places per sitting of panel moved down to 1: panel: offered load");
        assertTrue(warning > 0 && warning < md.indexOf("| rank |"), "warning before the table:\n" + md);
        for (String row : md.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).toList()) {
            boolean flaggedLever = r.effects().stream().anyMatch(e -> e.flagged() && row.contains("| " + e.lever().name() + " |"));
            assertEquals(flaggedLever, row.contains("OVERLOADED: not a finding"), row);
        }
        String json = org.pacesim.report.RunJson.of(List.of("pace", "sensitivity"), java.time.Instant.EPOCH,
                List.of(r.base()), null, org.pacesim.report.SensitivityReport.warnings(r));
        assertTrue(json.contains("places per sitting of panel moved down to 1: panel: offered load"), json);

        String title = org.pacesim.report.charts.TornadoChart.draw(r).title();
        assertTrue(!title.contains("places per sitting"), title);
    }
}
