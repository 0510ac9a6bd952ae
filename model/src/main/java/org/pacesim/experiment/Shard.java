package org.pacesim.experiment;

import java.util.stream.IntStream;

/**
 * One of {@code count} shards of a run: it runs the replications r with r mod count = index, of every scenario of
 * the run, so that the replications of a pair compared with common random numbers are always in the same shard and
 * a replication's results do not depend on which machine ran it (replication r uses substream r everywhere).
 *
 * @param index from 0
 * @param count shards in all
 */
public record Shard(int index, int count) {
    /** Checks the numbers. */
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": needs 0 <= i < n");
        }
    }

    /** Whether replication r is this shard's. */
    public boolean owns(int replication) {
        return replication % count == index;
    }

    /** This shard's replications among first..first+n-1, in order. */
    public int[] of(int first, int n) {
        return of(first, n, 0);
    }

    /**
     * This shard's replications among first..first+n-1 when units are counted from {@code offset}: unit
     * offset + r is this shard's when it is index mod count. A design of many points counts (point, replication)
     * units, offset = point x replications, so that more shards than replications still share the work.
     */
    public int[] of(int first, int n, long offset) {
        return IntStream.range(first, first + n).filter(r -> (offset + r) % count == index).toArray();
    }

    /** As written on the command line, e.g. 2/4. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
