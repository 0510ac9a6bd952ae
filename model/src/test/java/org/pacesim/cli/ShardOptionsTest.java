package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pacesim.experiment.Shard;
import org.pacesim.scenario.InvalidInputException;

/** {@code --shard auto} reads the shard from a Slurm job array or a Kubernetes Indexed Job, and says when neither. */
class ShardOptionsTest {
    private static ShardOptions options(String shard, Integer shards) {
        ShardOptions o = new ShardOptions();
        o.shard = shard;
        o.shards = shards;
        return o;
    }

    @Test
    void slurmArrayTaskIsCountedFromTheArraysFirstTask() {
        Map<String, String> env = Map.of("SLURM_ARRAY_TASK_ID", "12", "SLURM_ARRAY_TASK_MIN", "10",
                "SLURM_ARRAY_TASK_COUNT", "4");
        assertEquals(new Shard(2, 4), options("auto", null).shard(env, 100));
    }

    @Test
    void aKubernetesIndexedJobGivesTheIndexAndShardsTheCount() {
        assertEquals(new Shard(3, 5), options("auto", 5).shard(Map.of("JOB_COMPLETION_INDEX", "3"), 100));
        InvalidInputException noCount = assertThrows(InvalidInputException.class,
                () -> options("auto", null).shard(Map.of("JOB_COMPLETION_INDEX", "3"), 100));
        assertTrue(noCount.getMessage().contains("add --shards N"), noCount.getMessage());
        InvalidInputException outside = assertThrows(InvalidInputException.class,
                () -> options("auto", 3).shard(Map.of("JOB_COMPLETION_INDEX", "3"), 100));
        assertTrue(outside.getMessage().contains("JOB_COMPLETION_INDEX=3 is not below --shards 3"), outside.getMessage());
    }

    @Test
    void autoWithNeitherSaysWhatItLookedFor() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> options("auto", null).shard(Map.of(), 100));
        assertTrue(e.getMessage().contains("neither a Slurm job array (SLURM_ARRAY_TASK_ID) nor a Kubernetes Indexed"
                + " Job (JOB_COMPLETION_INDEX)"), e.getMessage());
    }

    @Test
    void aGivenShardIsCheckedAndNoShardMeansNone() {
        assertEquals(new Shard(0, 3), options("0/3", null).shard(Map.of(), 10));
        assertEquals(null, options(null, null).shard(Map.of("JOB_COMPLETION_INDEX", "1"), 10));
        for (String bad : new String[] {"3/3", "-1/3", "1/0", "a/b", "2"}) {
            assertThrows(InvalidInputException.class, () -> options(bad, null).shard(Map.of(), 10), bad);
        }
        assertThrows(InvalidInputException.class, () -> options(null, 4).shard(Map.of(), 10));
    }

    @Test
    void aShardOwnsEveryNthReplication() {
        assertEquals("[1, 4, 7]", java.util.Arrays.toString(new Shard(1, 3).of(0, 9)));
        assertEquals("[10, 13]", java.util.Arrays.toString(new Shard(1, 3).of(9, 6)));
    }
}
