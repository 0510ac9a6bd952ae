package org.pacesim.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.random.Distributions;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;

/**
 * What the benchmark runs, not how fast: the shipped reference pathway is the one of the benchmark's definition,
 * its 10x file is that pathway scaled, scaling multiplies what it says, the product path is timed on the same
 * replications as the engine alone, and heap figures are read from a GC log.
 * Speed is measured by {@code pace bench}, never by tests.
 */
class BenchTest {
    private static final Path REFERENCE = Path.of("../bench/reference-pathway.yaml");

    @Test
    void theReferencePathwayIsTheBenchmarksDefinition() {
        Scenario s = Workload.of(REFERENCE).load();
        assertEquals(1.0, s.arrivals().get(0).ratePerDay());
        assertEquals(3650.0, s.run().horizon());
        assertEquals(120.0, median(s, "assess"), 1e-9);
        assertEquals(60.0, median(s, "judgment"), 1e-9);
        assertEquals(3, s.resources().get("lar").capacity());
        assertEquals(3.0, mean(s, "lar"), 1e-9);
        assertEquals(1.2, mean(s, "adm"), 1e-9);
        assertEquals(3.0, mean(s, "court"), 1e-9);    // gamma shape 2, scale 1.5
        assertEquals(21.0, mean(s, "lodge"), 1e-9);   // triangular (7, 14, 42)
        assertEquals(28.0, mean(s, "rework"), 1e-9);  // uniform (14, 42)
        StageSpec.Meeting panel = (StageSpec.Meeting) s.stages().get("panel");
        assertArrayEquals(new double[] {28, 14, 20}, new double[] {panel.every(), panel.first(), panel.capacity()});
    }

    @Test
    void theTenTimesFileIsTheReferenceScaledTenTimes() {
        Scenario ten = Workload.of(Path.of("../bench/reference-pathway-10x.yaml")).load();
        Scenario scaled = Workload.of(REFERENCE).scaled(10, Workload.Scaling.RATE).load();
        assertEquals(scaled.arrivals().get(0).ratePerDay(), ten.arrivals().get(0).ratePerDay(), 1e-12);
        for (String r : List.of("lar", "adm", "court")) {
            assertEquals(scaled.resources().get(r).capacity(), ten.resources().get(r).capacity(), r);
        }
        assertEquals(200, ((StageSpec.Meeting) ten.stages().get("panel")).capacity());
        assertEquals(200, ((StageSpec.Meeting) scaled.stages().get("panel")).capacity());
    }

    @Test
    void scalingByHorizonLengthensTheRunOnly() {
        Scenario s = Workload.of(REFERENCE).scaled(4, Workload.Scaling.HORIZON).load();
        assertEquals(4 * 3650.0, s.run().horizon());
        assertEquals(1.0, s.arrivals().get(0).ratePerDay());
        assertEquals(3, s.resources().get("lar").capacity());
    }

    @Test
    void theProductPathTimesTheSameReplicationsAsTheEngineAlone() {
        ScenarioResults.Prepared p = ScenarioResults.Prepared.of(Workload.of(REFERENCE).load());
        SteadyState.SideBySide two = SteadyState.sideBySide(p, 0, 0.01, 1);
        assertEquals(two.engine().replicationsPerRound(), two.product().replicationsPerRound());
        assertEquals(two.engine().journeysPerReplication(), two.product().journeysPerReplication());
        assertTrue(two.engine().journeysPerReplication() > 3000, "a replication of the reference pathway");
        assertEquals(two.product().secondsPerReplication() / two.engine().secondsPerReplication(), two.ratio(), 1e-12);
        Bench.Settings s = new Bench.Settings(0, 0.01, 1, 1, 0, "512m", List.of(1), Workload.Scaling.RATE, false);
        WholeProcess.FixedCost fixed = new WholeProcess.FixedCost(1.75, 0.5, 3);
        String table = BenchTables.of(List.of(new Bench.Figures(Workload.of(REFERENCE), "reference", two, null, null,
                fixed, Double.NaN, Double.NaN, List.of(new Bench.Scaled(1, two.engine())), null)), s);
        assertTrue(table.contains("| reference-pathway | 1.75 | 0.50 | 1.25 |"), table);
        assertTrue(table.contains(String.format(java.util.Locale.ROOT, "| reference-pathway | %.2f | %.2f | %.2fx |",
                1e3 * two.engine().secondsPerReplication(), 1e3 * two.product().secondsPerReplication(), two.ratio())),
                table);
    }

    @Test
    void theScalingTableGivesTheCostPerJourneyInWallAndInCpuTime() {
        ScenarioResults.Prepared p = ScenarioResults.Prepared.of(Workload.of(REFERENCE).load());
        SteadyState.SideBySide two = SteadyState.sideBySide(p, 0, 0.01, 1);
        // 1x: 1,000 journeys/s of wall time, 2,000 of CPU; 8x: 500 of wall (2.00x), 1,600 of CPU (1.25x)
        SteadyState.Throughput one = new SteadyState.Throughput(1000, 7000, 1, 1, 1000, 2000, 1e6);
        SteadyState.Throughput eight = new SteadyState.Throughput(500, 3500, 1, 16, 8000, 1600, 8e6);
        Bench.Settings s = new Bench.Settings(0, 0.01, 1, 1, 0, "512m", List.of(1, 8), Workload.Scaling.RATE, false);
        String table = BenchTables.of(List.of(new Bench.Figures(Workload.of(REFERENCE), "reference", two, null, null,
                null, Double.NaN, Double.NaN, List.of(new Bench.Scaled(1, one), new Bench.Scaled(8, eight)), null)), s);
        assertTrue(table.contains("| cost per journey vs 1x | (CPU) |"), table);
        assertTrue(table.contains("| reference-pathway | 1x | 1,000 | 1.0000 | 1,000 | 1000000 | 1.00 | 1.00 |"), table);
        assertTrue(table.contains("| reference-pathway | 8x | 8,000 | 16.0000 | 500 | 2000000 | 2.00 | 1.25 |"), table);
    }

    @Test
    void heapFiguresComeFromTheGcLog() {
        double[] gc = WholeProcess.heapFromGcLog(List.of(
                "[0.003s][info][gc] Using G1",
                "[0.416s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 6M->3M(64M) 4.336ms",
                "[0.664s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 150M->5M(256M) 4.342ms",
                "[0.675s][info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 32M->7M(256M) 3.222ms",
                "[0.700s][info][gc] GC(3) Pause Full (System.gc()) 2048K->1024K(256M) 9.1ms"));
        assertArrayEquals(new double[] {150, 7, 4}, gc);
        assertTrue(Double.isNaN(WholeProcess.heapFromGcLog(List.of())[0]));
    }

    private static double median(Scenario s, String stage) {
        return Distributions.implied(((StageSpec.Delay) s.stages().get(stage)).duration()).median();
    }

    private static double mean(Scenario s, String stage) {
        StageSpec st = s.stages().get(stage);
        return Distributions.implied(st instanceof StageSpec.Service sv ? sv.duration()
                : ((StageSpec.Delay) st).duration()).mean();
    }
}
