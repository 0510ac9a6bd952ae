package org.pacesim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.report.CalibrationReport;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.UncertaintySpec;
import org.pacesim.scenario.ValueRange;

/**
 * Calibration by search on a synthetic case with a known answer: targets made by running the baseline (over a short
 * run, {@code calibration/small-la.yaml}, 6 replications) at known values, then fitted from the values as written.
 * With common random numbers the objective is exactly 0 at the known values, so a search that works finds them, up
 * to what the targets can tell apart: the profile interval (the values within one tolerance unit of the fit) must
 * hold each known value.
 */
class CalibrationFitTest {
    static final Path SMALL = Path.of("src/test/resources/calibration/small-la.yaml");
    static final int REPS = 6;

    /** The share of adoption plans that go through a POA (0.25 as written): moves the flows of T8. */
    static final UncertaintySpec.Varied POA = free("stages.court_reports.next.poa.p", 0.1, 0.6);
    /** The durations of matching (scale 1 as written): moves T3a and T3b. */
    static final UncertaintySpec.Varied MATCHING = free("stages.matching.scale", 0.5, 2);

    @TempDir
    Path dir;

    static UncertaintySpec.Varied free(String path, double low, double high) {
        return new UncertaintySpec.Varied(path, UncertaintySpec.Target.of(path), new ValueRange.Bounds(low, high, false),
                Location.of("test"));
    }

    /** Every figure of the table at the given values, as the values to fit to. */
    static Map<String, Double> figuresAt(List<UncertaintySpec.Varied> free, double... values) {
        List<UncertaintySpec.Setting> at = new java.util.ArrayList<>();
        for (int j = 0; j < values.length; j++) at.add(new UncertaintySpec.Setting(free.get(j), values[j]));
        Map<String, Double> out = new HashMap<>();
        for (Calibration.Row r : CalibrationFit.rowsAt(SMALL, at, REPS, null, 2)) {
            for (Calibration.Figure f : r.figures()) out.put(f.name(), f.value());
        }
        return out;
    }

    @Test
    void aFitRecoversTheValuesThatMadeItsTargetsWithinTheirProfile() {
        List<UncertaintySpec.Varied> free = List.of(POA, MATCHING);
        double[] known = {0.40, 1.30};
        Map<String, Double> targets = figuresAt(free, known);
        CalibrationFit.Results r = CalibrationFit.run(SMALL, null, free,
                new CalibrationFit.Options(REPS, 20, null, 2, Set.of(), targets), null);
        double[] fitted = r.fitted();
        for (int j = 0; j < known.length; j++) {
            FitProfile.Interval p = r.profiles().get(j);
            String what = free.get(j).name() + ": fitted " + fitted[j] + ", profile " + p;
            assertTrue(p.low() <= known[j] && known[j] <= p.high(), what);
            assertTrue(p.low() <= fitted[j] && fitted[j] <= p.high(), what);
            // the interval says something: the targets pin the value on both sides, inside the range searched
            assertTrue(!p.lowAtBound() && !p.highAtBound(), what);
        }
        // what each value is fitted by: the POA share moves the flows of T8, matching's durations the shares of T3
        assertTrue(r.movedBy(0).contains("T8a"), r.movedBy(0).toString());
        assertTrue(r.movedBy(1).contains("T3a") && !r.movedBy(1).contains("T8a"), r.movedBy(1).toString());
        assertTrue(r.objectiveAfter() < 1, "the fit lies within one tolerance unit of the known values: "
                + r.objectiveAfter());
        assertTrue(r.objectiveBefore() > r.objectiveAfter() + 1, "the values as written were further off: "
                + r.objectiveBefore());
    }

    @Test
    void aHeldOutTargetIsReportedButNeverMovesTheFitAndThreadsDoNotEither() {
        List<UncertaintySpec.Varied> free = List.of(MATCHING);
        Map<String, Double> targets = new HashMap<>(figuresAt(free, 1.3));
        targets.put("T5", 100.0);
        CalibrationFit.Results a = CalibrationFit.run(SMALL, null, free,
                new CalibrationFit.Options(REPS, 12, null, 2, Set.of("T5", "T6"), targets), null);
        targets.put("T5", 160.0);
        CalibrationFit.Results b = CalibrationFit.run(SMALL, null, free,
                new CalibrationFit.Options(REPS, 12, null, 2, Set.of("T5", "T6"), targets), null);
        targets.put("T5", 100.0);
        CalibrationFit.Results oneThread = CalibrationFit.run(SMALL, null, free,
                new CalibrationFit.Options(REPS, 12, null, 1, Set.of("T5", "T6"), targets), null);

        assertEquals(List.of("T5", "T6"), a.holdOut());
        assertTrue(!a.fittedTo().contains("T5") && a.fittedTo().contains("T3a"), a.fittedTo().toString());
        assertArrayEquals(objectives(a), objectives(b), "the search took the same steps");
        assertArrayEquals(a.fitted(), b.fitted());
        // reported after the fit, judged against the value it was given
        Calibration.Row t5a = row(a.after(), "T5");
        Calibration.Row t5b = row(b.after(), "T5");
        assertEquals(t5a.simulated(), t5b.simulated());
        assertNotEquals(t5a.figures().get(0).distance(), t5b.figures().get(0).distance());

        assertArrayEquals(objectives(a), objectives(oneThread), "one thread or two, the same search");
        assertArrayEquals(a.fitted(), oneThread.fitted());
    }

    @Test
    void theFittedScenarioFileReproducesTheTableAfterTheFit() throws Exception {
        List<UncertaintySpec.Varied> free = List.of(POA, MATCHING);
        CalibrationFit.Results r = CalibrationFit.run(SMALL, null, free,
                new CalibrationFit.Options(REPS, 6, null, 2, Set.of("T6")), null);
        Path file = dir.resolve("fitted.yaml");
        Files.writeString(file, CalibrationReport.fittedYaml(r, SMALL.toAbsolutePath().toString(), List.of("test")));
        String text = Files.readString(file);
        assertTrue(text.contains("# A (calibrated: T1, T2, T3a, T3b, T5, T8a, T8b, T8c)"), text);
        assertTrue(text.contains("why: \"stages.matching.scale fitted to T1, T2, T3a, T3b, T5, T8a, T8b, T8c (held out:"
                + " T6)"), text);
        List<Calibration.Row> again = Calibration.run(file, null, REPS, r.seed(), 2);
        for (Calibration.Row after : r.after()) {
            assertEquals(after.simulated(), row(again, after.id()).simulated(), after.id());
        }
        // and a fit of the fitted file finds the same values tagged as calibrated
        List<UncertaintySpec.Varied> tagged = org.pacesim.scenario.ScenarioLoader.calibrated(file);
        assertTrue(tagged.stream().anyMatch(v -> v.name().equals("stages.court_reports.next.poa.p")),
                tagged.toString());
    }

    @Test
    void theCalibratedValuesAreFoundByTheirTagWithSearchRangesAndTheirNamesAddressThemAgain() {
        List<UncertaintySpec.Varied> tagged = org.pacesim.scenario.ScenarioLoader.calibrated(SMALL);
        UncertaintySpec.Varied poa = tagged.stream().filter(v -> v.name().equals("stages.court_reports.next.poa.p"))
                .findFirst().orElseThrow(() -> new AssertionError(tagged.toString()));
        double p = org.pacesim.scenario.ScenarioLoader.asWritten(SMALL, poa);
        assertEquals(p / 2, poa.range().quantile(0), 1e-12);
        assertEquals((1 + p) / 2, poa.range().quantile(1), 1e-12);
        assertTrue(tagged.stream().anyMatch(v -> v.name().equals("stages.matching.scale") && v.range().multiplier()
                && v.range().quantile(0) == 0.5 && v.range().quantile(1) == 2), tagged.toString());
        // a value tagged '# A' but not as calibrated is not free
        assertTrue(tagged.stream().noneMatch(v -> v.name().startsWith("stages.panel.")), tagged.toString());
        // the names printed for routes (a route of a conditional group with its condition) address the same routes
        // with --free (a stage's durations are named by its scale, which --free sets rather than multiplies)
        for (UncertaintySpec.Varied v : tagged) {
            if (v.target() instanceof UncertaintySpec.Target.RouteShare) {
                assertEquals(v.target(), UncertaintySpec.Target.of(v.name()), v.name());
            }
        }
        assertTrue(tagged.stream().anyMatch(v -> v.target() instanceof UncertaintySpec.Target.RouteShare r
                && r.when() != null), tagged.toString());
    }

    private static double[] objectives(CalibrationFit.Results r) {
        return r.evaluations().stream().mapToDouble(CalibrationFit.Evaluation::objective).toArray();
    }

    private static Calibration.Row row(List<Calibration.Row> rows, String id) {
        return rows.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }
}
