package org.pacesim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.engine.Model;
import org.pacesim.experiment.Detail;
import org.pacesim.experiment.MergedReplications;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.experiment.Shard;
import org.pacesim.experiment.ShardRun;
import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.stats.Journey;
import org.pacesim.stats.MonthlyPoints;
import org.pacesim.stats.ReplicationDetail;
import org.pacesim.stats.ReplicationResult;

/**
 * A shard's replications read back are the replications written, every double to the bit (NaN, -0.0, the smallest
 * subnormal), every null where it was; a file cut short or damaged anywhere is refused, never read as other figures.
 */
class ShardReplicationsTest {
    private static final double[] AWKWARD = {Double.NaN, -0.0, 0.0, Double.MIN_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, 0.1 + 0.2, 1.0 / 3, 4.35, Math.nextUp(1.0), Double.longBitsToDouble(0x7ff8_0000_0000_0001L)};

    private static byte[] written(List<MergedReplications.Stored> requests) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShardReplications.write(requests, 7, out);
        return out.toByteArray();
    }

    private static List<MergedReplications.Stored> read(byte[] bytes) throws IOException {
        return ShardReplications.read(new ByteArrayInputStream(bytes), 7);
    }

    /** Real replications with their detail (journeys, monthly points), and one of awkward values and nulls. */
    private static List<MergedReplications.Stored> requests() {
        Model m = Model.compile(SystemGraph.of(ScenarioLoader.load(Path.of("src/test/resources/engine/small-la.yaml"))));
        List<ScenarioRun.Completed> real = ScenarioRun.runWithDetail(m, 0, 3, 1, null);
        ReplicationResult odd = new ReplicationResult(9, new double[][] {AWKWARD, {}}, new double[][] {null},
                AWKWARD, -1, 2, 3, Long.MIN_VALUE, Long.MAX_VALUE, -0.0, "queue 'panel' past 500", null);
        MonthlyPoints months = new MonthlyPoints(24_301, AWKWARD, List.of(new MonthlyPoints.Series("référé",
                MeasureStat.WITHIN_TARGET)), new double[][] {AWKWARD}, new int[][] {{1, -5}, null});
        ReplicationDetail detail = new ReplicationDetail(9, AWKWARD, new double[][] {null, AWKWARD}, null, new double[0],
                7, AWKWARD, List.of(new Journey(4, -0.0, null, true, List.of(new Journey.Segment("panel", 1, Double.NaN,
                -0.0)), Map.of("looked after", 0.0))), months);
        List<ScenarioRun.Completed> awkward = List.of(new ScenarioRun.Completed(odd, detail),
                new ScenarioRun.Completed(odd, null));
        return List.of(new MergedReplications.Stored("small", 0, 3, Detail.RUN_CHARTS, real, null),
                new MergedReplications.Stored("odd", 9, 12, Detail.CHARTS, awkward, new ShardRun.Runaway("ran away", 10)));
    }

    @Test
    void whatIsReadBackIsWhatWasWrittenToTheBit() throws IOException {
        List<MergedReplications.Stored> requests = requests();
        byte[] bytes = written(requests);
        List<MergedReplications.Stored> back = read(bytes);
        // Every field is written, doubles as their raw bits: the same bytes again mean the same figures.
        assertArrayEquals(bytes, written(back));
        ReplicationResult odd = back.get(1).completed().get(0).result();
        assertArrayEquals(bits(AWKWARD), bits(odd.measures()[0]));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(odd.endTime()));
        assertNull(odd.stages()[0]);
        assertNull(odd.caseloadOutcomes());
        assertNull(back.get(1).completed().get(1).detail());
        assertEquals(new ShardRun.Runaway("ran away", 10), back.get(1).runaway());
        ReplicationDetail d = back.get(1).completed().get(0).detail();
        assertEquals("référé", d.months().series().get(0).measure());
        assertNull(d.months().children()[1]);
        assertNull(d.journeys().get(0).exit());
        ReplicationDetail real = back.get(0).completed().get(0).detail();
        ReplicationDetail was = requests.get(0).completed().get(0).detail();
        assertEquals(was.journeys(), real.journeys());
        assertArrayEquals(was.permanenceIncidence(), real.permanenceIncidence());
        assertTrue(!real.journeys().isEmpty(), "replication 0 keeps journeys");
    }

    private static long[] bits(double[] a) {
        return Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    /**
     * Through a shard folder on disk, gzip and all: the replications a merge reads are those one process runs, every
     * figure and every point of the detail to the bit (the merged CSV files, rounded to six decimals, could not show
     * a change in the last bits; this does).
     */
    @Test
    void aShardFolderGivesBackTheReplicationsOneProcessRunsToTheBit(@TempDir Path dir) throws IOException {
        Model m = Model.compile(SystemGraph.of(ScenarioLoader.load(Path.of("src/test/resources/engine/small-la.yaml"))));
        ShardRun shard = new ShardRun(new Shard(1, 2));
        shard.run(m, 0, 5, 1, null, Detail.RUN_CHARTS);
        ResultsFolder folder = ResultsFolder.prepare(dir.resolve("shard"), dir, "shard");
        ShardFolder.write(shard, new ShardFolder.Command(List.of("pace", "run"), Map.of(), List.of(), Instant.now()),
                folder);
        Path written = folder.commit();
        List<MergedReplications.Stored> back = ShardFolder.replications(written).requests();
        List<ScenarioRun.Completed> one = ScenarioRun.runWithDetail(m, 0, 5, 1, null);
        List<ScenarioRun.Completed> odd = List.of(one.get(1), one.get(3));
        assertEquals(List.of(1, 3), back.get(0).completed().stream().map(c -> c.result().replication()).toList());
        byte[] expected = written(List.of(new MergedReplications.Stored("small-la", 0, 5, Detail.RUN_CHARTS, odd, null)));
        MergedReplications.Stored b = back.get(0);
        assertArrayEquals(expected, written(List.of(new MergedReplications.Stored("small-la", 0, 5, Detail.RUN_CHARTS,
                b.completed(), null))));
    }

    @Test
    void aFileCutShortAnywhereIsRefusedAsTruncated() throws IOException {
        byte[] bytes = written(requests());
        for (int cut : new int[] {0, 3, 11, bytes.length / 2, bytes.length - 9, bytes.length - 1}) {
            IOException e = assertThrows(IOException.class, () -> read(Arrays.copyOf(bytes, cut)), "cut at " + cut);
            assertTrue(e instanceof ShardReplications.Damaged, cut + ": " + e);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("pace-sim"), e.getMessage());
        }
    }

    @Test
    void aChangedByteAnywhereIsRefusedNotReadAsOtherFigures() throws IOException {
        byte[] bytes = written(requests());
        List<String> messages = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += 97) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x10;
            int where = at;
            messages.add(assertThrows(ShardReplications.Damaged.class, () -> read(damaged), "byte " + where)
                    .getMessage());
        }
        assertTrue(messages.contains("its checksum does not match: damaged"), messages.toString());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertEquals("more bytes after its end", assertThrows(ShardReplications.Damaged.class, () -> read(longer))
                .getMessage());
        assertEquals("format 7, not 8", assertThrows(ShardReplications.Damaged.class,
                () -> ShardReplications.read(new ByteArrayInputStream(bytes), 8)).getMessage());
    }
}
