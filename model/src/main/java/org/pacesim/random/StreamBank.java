package org.pacesim.random;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/**
 * The one place that makes random streams. A stream is addressed by a stable key (the stage or source name and the
 * purpose, e.g. {@code stage:panel:route}) and a replication number:
 * <ul>
 *   <li>the key and the experiment seed are hashed (FNV-1a, then SplitMix64) into a valid MRG32k3a seed, so a
 *       stream depends on its own key only: adding or removing a stage leaves every other stream's draws as they
 *       were, within a run and across runs;</li>
 *   <li>replication r uses substream r of that stream (each substream 2^76 values long), so replication r of two
 *       scenarios with the same seed sees the same numbers: common random numbers.</li>
 * </ul>
 * Streams of different keys start at hashed points of MRG32k3a's period of about 2^191; two of a few hundred keys
 * coming within 2^127 of one another has probability below 2^-40, so overlap is not a practical concern.
 *
 * <p>Substream start states are computed once per (key, replication) by walking substreams in order and cached,
 * so replication 999 costs one jump, not 999. The class is thread-safe; each returned stream is a private copy.
 */
public final class StreamBank {
    private static final long M1 = 4294967087L;
    private static final long M2 = 4294944443L;
    private static final MRG32k3a PROTOTYPE;

    static {
        // The constructor advances a static seed; it is called exactly once, here, and never elsewhere.
        synchronized (MRG32k3a.class) {
            PROTOTYPE = new MRG32k3a("pace-sim prototype");
        }
    }

    private final long seed;
    private final Map<String, List<long[]>> substreamStarts = new HashMap<>();

    /** A bank for one experiment seed. */
    public StreamBank(long seed) {
        this.seed = seed;
    }

    /** The experiment seed. */
    public long seed() {
        return seed;
    }

    /** A fresh stream for {@code key}, positioned at the start of substream {@code replication}. */
    public RandomStream stream(StreamKey key, int replication) {
        return stream(key.toString(), replication);
    }

    /**
     * A fresh stream for {@code key}, positioned at the start of substream {@code replication}.
     *
     * @param key         a stable name for the source of randomness
     * @param replication the replication number, from 0
     */
    public RandomStream stream(String key, int replication) {
        long[] start;
        synchronized (substreamStarts) {
            List<long[]> starts = substreamStarts.computeIfAbsent(key, k -> {
                List<long[]> l = new ArrayList<>();
                l.add(seedFor(k));
                return l;
            });
            while (starts.size() <= replication) {
                MRG32k3a walker = copy(starts.get(starts.size() - 1));
                walker.resetNextSubstream();
                starts.add(walker.getState());
            }
            start = starts.get(replication);
        }
        return copy(start);
    }

    private static MRG32k3a copy(long[] state) {
        MRG32k3a s = PROTOTYPE.clone();
        s.setSeed(state.clone());
        return s;
    }

    /** The MRG32k3a seed of a key: six components, each in range and neither triple all zero. */
    long[] seedFor(String key) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64-bit offset basis
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        long state = h ^ (seed * 0x9E3779B97F4A7C15L);
        long[] s = new long[6];
        do {
            for (int i = 0; i < 6; i++) {
                state += 0x9E3779B97F4A7C15L;
                s[i] = Long.remainderUnsigned(splitMix(state), i < 3 ? M1 : M2);
            }
        } while (s[0] == 0 && s[1] == 0 && s[2] == 0 || s[3] == 0 && s[4] == 0 && s[5] == 0);
        return s;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
