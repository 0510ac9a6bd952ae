package org.pacesim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.scenario.ExperimentLoader;
import org.pacesim.scenario.ExperimentSpec;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.UncertaintySpec;
import org.pacesim.scenario.ValueRange;
import org.pacesim.stats.Prcc;

/**
 * The uncertainty analysis on a model with a known answer ({@code uncertainty/known.yaml}): one server whose
 * service time the design scales, and a delay before it, also scaled, that the server never sees. The intervention
 * speeds the service by 30%, so its effect on the time to permanence grows with the service's scale (a strongly
 * negative partial rank correlation), while the delay shifts both scenarios' times alike and the effect does not
 * hang on it (its interval covers 0).
 */
public class UncertaintyTest {
    static final Path KNOWN = Path.of("src/test/resources/uncertainty/known-experiment.yaml");

    private static UncertaintySpec.Varied varied(String name, ValueRange range) {
        return new UncertaintySpec.Varied(name, new UncertaintySpec.Target.Field(name), range, Location.of("test"));
    }

    @Test
    void eachValuesStrataAreEachDrawnOnceAndTheSameSeedGivesTheSamePoints() {
        int n = 37;
        List<UncertaintySpec.Varied> v = List.of(varied("a", new ValueRange.Uniform(0, 1)),
                varied("b", new ValueRange.Triangular(0, 0.2, 1, false)), varied("c", new ValueRange.UniformInt(1, 37)));
        UncertaintyDesign d = UncertaintyDesign.of(v, n, 11);
        double[][] u = d.unit();
        for (int j = 0; j < v.size(); j++) {
            boolean[] hit = new boolean[n];
            for (double[] point : u) {
                int stratum = (int) Math.floor(point[j] * n);
                assertTrue(!hit[stratum], "value " + j + ": stratum " + stratum + " drawn twice");
                hit[stratum] = true;
            }
        }
        // a whole-number range with as many values as points: each value exactly once
        double[] c = java.util.Arrays.stream(d.values()).mapToDouble(p -> p[2]).sorted().toArray();
        for (int i = 0; i < n; i++) assertEquals(i + 1, c[i]);
        UncertaintyDesign again = UncertaintyDesign.of(v, n, 11);
        for (int i = 0; i < n; i++) assertArrayEquals(u[i], again.unit()[i]);
        UncertaintyDesign other = UncertaintyDesign.of(v, n, 12);
        assertTrue(other.unit()[0][0] != u[0][0], "another seed, other points");
    }

    @Test
    void theEffectHangsOnTheServiceScaleAndNotOnTheUnrelatedDelay() {
        ExperimentSpec spec = ExperimentLoader.load(KNOWN);
        UncertaintySpec block = ExperimentLoader.uncertainty(spec);
        Uncertainty.Results r = Uncertainty.run(spec, block, new Uncertainty.Options(2, 20, null, null), null);
        assertEquals(20, r.points().size());
        assertEquals(0, r.points().stream().filter(Uncertainty.Point::flagged).count());
        List<UncertaintySummary.Importance> imp = UncertaintySummary.importance(r);
        Prcc.Coefficient serve = find(imp, 1, r.main(), 0);
        Prcc.Coefficient wait = find(imp, 1, r.main(), 1);
        System.out.printf("PRCC with the effect on the median: service scale %.3f (%.3f to %.3f), delay scale %.3f"
                + " (%.3f to %.3f)%n", serve.prcc(), serve.low(), serve.high(), wait.prcc(), wait.low(), wait.high());
        assertTrue(serve.high() < -0.5, "the faster service saves more the slower it was: " + serve);
        assertTrue(wait.low() < 0 && wait.high() > 0, "the delay before it does not matter: " + wait);
        // the baseline's own level hangs on both
        Prcc.Coefficient waitLevel = find(imp, 0, r.main(), 1);
        assertTrue(waitLevel.low() > 0.5, "a longer delay, a longer time to permanence: " + waitLevel);
        UncertaintySummary.Verdict v = UncertaintySummary.verdicts(r, 0).get(0);
        assertEquals(1.0, v.firstShare());
        assertTrue(v.effect().high() < 0, "it helps at every plausible setting: " + v.effect());
    }

    @Test
    void overloadedPointsAreFlaggedCountedAndLeftOut(@TempDir Path dir) throws Exception {
        Path f = copyKnown(dir, "stages.serve.scale: {uniform: [0.5, 1.5]}", "stages.serve.scale: {uniform: [0.5, 2.5]}");
        ExperimentSpec spec = ExperimentLoader.load(f);
        Uncertainty.Results r = Uncertainty.run(spec, ExperimentLoader.uncertainty(spec),
                new Uncertainty.Options(2, 5, null, null), null);
        // offered load 20/year x 10 days x scale: at or above 1 from a scale of 1.83
        int over = 0;
        for (Uncertainty.Point p : r.points()) {
            double scale = p.settings().get(0).value();
            if (scale >= 1.83) {
                over++;
                assertTrue(p.flagged(), "scale " + scale + " overloads the server");
                assertTrue(p.caveats().get(0).text().contains("offered load"), p.caveats().toString());
            }
        }
        assertTrue(over >= 5, "the design reaches the overloaded range: " + over);
        int flagged = (int) r.points().stream().filter(Uncertainty.Point::flagged).count();
        assertEquals(r.points().size() - flagged, UncertaintySummary.included(r).size());
        assertEquals(r.points().size() - flagged, UncertaintySummary.effect(r, 1, r.main()).points());
    }

    @Test
    void aRangeThatCanProduceAnInvalidValueIsRefusedAtTheRangeBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path f = copyKnown(dir, "stages.wait.scale: {uniform: [0.5, 1.5]}", "resources.server.capacity: {uniform_int: [0, 2]}");
        ExperimentSpec spec = ExperimentLoader.load(f);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Uncertainty.run(spec,
                ExperimentLoader.uncertainty(spec), new Uncertainty.Options(1, 2, null, null), (done, planned) -> {
                    throw new AssertionError("nothing runs");
                }));
        String message = e.getMessage();
        assertTrue(message.contains(f + ":15"), message);
        assertTrue(message.contains("capacity") && message.contains("bottom of its range"), message);
        Path g = copyKnown(dir.resolve("g"), "stages.wait.scale: {uniform: [0.5, 1.5]}",
                "stages.nowhere.scale: {uniform: [0.5, 1.5]}");
        ExperimentSpec bad = ExperimentLoader.load(g);
        String m2 = assertThrows(InvalidInputException.class, () -> Uncertainty.run(bad,
                ExperimentLoader.uncertainty(bad), new Uncertainty.Options(1, 2, null, null), null)).getMessage();
        assertTrue(m2.contains(g + ":15") && m2.contains("nowhere"), m2);
    }

    /** The known-answer files in {@code dir}, one line of the experiment's block replaced. */
    public static Path copyKnown(Path dir, String line, String replacement) throws Exception {
        Files.createDirectories(dir);
        Path src = KNOWN.getParent();
        for (String name : List.of("known.yaml", "faster.yaml")) Files.copy(src.resolve(name), dir.resolve(name));
        String text = Files.readString(KNOWN);
        assertTrue(text.contains(line));
        return Files.writeString(dir.resolve("experiment.yaml"), text.replace(line, replacement));
    }

    static Prcc.Coefficient find(List<UncertaintySummary.Importance> imp, int s, int o, int parameter) {
        return imp.stream().filter(i -> i.scenario() == s && i.outcome() == o && i.parameter() == parameter)
                .findFirst().orElseThrow().prcc();
    }
}
