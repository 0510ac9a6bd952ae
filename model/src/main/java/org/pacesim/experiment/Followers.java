package org.pacesim.experiment;

import java.util.Arrays;

/**
 * Where the time goes, child by child, for {@link DetailRecorder}: for each cohort child in the system, the stages
 * it is in now and the time it has spent so far in each stage it has visited, waiting and at work.
 *
 * <p>A child's step comes long after its last one (about 10,000 children are in the system at once at national
 * scale), so the first touch of its figures is a cache miss, and on this scale often a miss in the address
 * translation too: what decides the cost is how many memory lines and pages a step reads. Here a child's figures
 * are one array, a block, kept for its seat (see {@link org.pacesim.engine.Trace#step}) and used again for the
 * seat's next child. A seat's block is made at the first step of the first child to sit there, just after the engine
 * made that child's object, so that it lies next to the engine's child in memory. What a step reads comes first in
 * the block: whether the child is followed, its last step, the stages it is in, and, while it is in one stage only
 * (no parallel branches), that stage's waiting and working time so far, which go back to the stage's own place in
 * the block, a write the processor need not wait for, when a second stage opens or the stage is left. A stage
 * visited for the first time is known by a bit, with no search.
 *
 * <p>A block, in longs (times as their bits): the child's state (-1 when the seat's child is not followed, else the
 * number of stages it is in now), its last step, its time in no stage not yet given to the stage entered next, the
 * waiting and working time of the one stage it is in (when it is in one only), the stages it is in now (the stage,
 * its phase and the slot of its times, each), the number of stages visited, its arrival, a bit per stage visited,
 * then for each stage visited in turn the stage, its waiting time and its working time.
 */
final class Followers {
    /** How a stage's time is counted. */
    static final class Kind {
        static final int DELAY = 0;      // in the stage from entry
        static final int QUEUE = 1;      // waiting until work starts (service, meeting)
        static final int JOIN = 2;       // waiting for the other branches
        static final int FORK = 3;       // structural: its time belongs to the branches

        private Kind() {}
    }

    // a phase, and where its time sits in a stage's triplet
    private static final int WAITING = 1;
    private static final int WORKING = 2;

    private static final int STATE = 0;     // -1: not followed; else the number of stages the child is in
    private static final int LAST = 1;
    private static final int GAP = 2;
    private static final int ONE = 2;       // ONE + phase: the time of the one stage open, when there is one only
    private static final int OPENED = 5;
    private static final long NOT_FOLLOWED = -1;
    /**
     * Stages visited a new block has room for: most journeys at national scale visit 3 to 5, but the children in the
     * system at once are mostly those on the long ones (9 to 32), and a block that grows is copied away from its
     * engine's child; with room for 8 a replication of baseline-scotland copied about 5 MB of growing blocks.
     */
    private static final int FIRST_ROOM = 16;

    private final int[] kind;               // per stage
    private final int words;                // longs of bits of stages visited
    private int openRoom;                   // stages a child can be in at once
    private int size;                       // where the number of stages visited sits in a block
    private int arrival;
    private int visited;
    private int times;                      // where the triplets of the stages visited start
    private long[][] blocks = new long[1024][];

    /** @param kind each stage's {@link Kind} */
    Followers(int[] kind) {
        this.kind = kind;
        this.words = (kind.length + 63) / 64;
        layout(4);
    }

    /**
     * Makes the seat's block if it has none yet: called at every step, so that the block is made at the first step
     * of the seat's first child, next to the engine's new child in memory.
     */
    void seat(int seat) {
        if (seat >= blocks.length) blocks = Arrays.copyOf(blocks, Math.max(seat + 1, 2 * blocks.length));
        if (blocks[seat] == null) {
            long[] b = new long[times + 3 * FIRST_ROOM];
            b[STATE] = NOT_FOLLOWED;
            blocks[seat] = b;
        }
    }

    /** Follows the child now at {@code seat}, from its arrival. */
    void follow(int seat, double arrival) {
        long[] b = blocks[seat];
        b[STATE] = 0;
        put(b, LAST, arrival);
        put(b, GAP, 0);
        b[size] = 0;
        put(b, this.arrival, arrival);
        for (int w = 0; w < words; w++) b[visited + w] = 0;
    }

    /** Stops following the child at {@code seat} (gone, or not in the cohort). */
    void drop(int seat) {
        blocks[seat][STATE] = NOT_FOLLOWED;
    }

    boolean followed(int seat) {
        return blocks[seat][STATE] != NOT_FOLLOWED;
    }

    double arrival(int seat) {
        return get(blocks[seat], arrival);
    }

    /** The seats there are, followed or not: every seat of a child followed is below. */
    int seats() {
        return blocks.length;
    }

    /** Whether the seat has a child followed; false for a seat that has had no child. */
    boolean followedAt(int seat) {
        return blocks[seat] != null && followed(seat);
    }

    /** Gives the time since the child's last step to the stages it is in. */
    void credit(int seat, double now) {
        long[] b = blocks[seat];
        double dt = now - get(b, LAST);
        put(b, LAST, now);
        if (dt <= 0) return;
        int open = (int) b[STATE];
        if (open == 0) {
            put(b, GAP, get(b, GAP) + dt);
            return;
        }
        if (open == 1) { // the common case: one stage, no parallel branches
            int i = ONE + phaseOf(b[OPENED]);
            put(b, i, get(b, i) + dt);
            return;
        }
        int atWork = 0;
        for (int k = 0; k < open; k++) if (kind[stageOf(b[OPENED + k])] != Kind.JOIN) atWork++;
        boolean joinsOnly = atWork == 0;
        double share = dt / (joinsOnly ? open : atWork);
        for (int k = 0; k < open; k++) {
            if (!joinsOnly && kind[stageOf(b[OPENED + k])] == Kind.JOIN) continue;
            give(b, b[OPENED + k], share);
        }
    }

    /** Adds {@code dt} to the time of the stage and phase an entry of the stages open gives. */
    private void give(long[] b, long opened, double dt) {
        int i = times + 3 * slotOf(opened) + phaseOf(opened);
        put(b, i, get(b, i) + dt);
    }

    /**
     * The child entered {@code stage} (its time was credited up to now).
     *
     * @return whether it is the child's first visit to the stage
     */
    boolean enter(int seat, int stage) {
        long[] b = blocks[seat];
        int word = visited + (stage >>> 6);
        long bit = 1L << stage; // the shift takes the stage modulo 64
        boolean first = (b[word] & bit) == 0;
        int slot;
        if (first) {
            b[word] |= bit;
            slot = (int) b[size];
            if (times + 3 * slot == b.length) b = blocks[seat] = Arrays.copyOf(b, times + 6 * slot);
            b[size] = slot + 1;
            b[times + 3 * slot] = stage;
            b[times + 3 * slot + WAITING] = 0; // the bits of 0.0
            b[times + 3 * slot + WORKING] = 0;
        } else {
            slot = find(b, stage);
        }
        if (kind[stage] == Kind.FORK) return first;
        int open = (int) b[STATE];
        int gapTo = times + 3 * slot + WAITING;
        if (open == 0) { // the only stage open: its times move to the block's first line while it is
            b[ONE + WAITING] = b[times + 3 * slot + WAITING];
            b[ONE + WORKING] = b[times + 3 * slot + WORKING];
            gapTo = ONE + WAITING;
        } else if (open == 1) {
            keepTimes(b); // two stages open from now: each keeps its times in its own place
        }
        double gap = get(b, GAP);
        if (gap > 0) {
            put(b, gapTo, get(b, gapTo) + gap);
            put(b, GAP, 0);
        }
        if (open == openRoom) {
            layout(2 * openRoom);
            b = blocks[seat];
        }
        b[OPENED + open] = opened(stage, kind[stage] == Kind.DELAY ? WORKING : WAITING, slot);
        b[STATE] = open + 1;
        return first;
    }

    /** Work on the child started at {@code stage}. */
    void start(int seat, int stage) {
        long[] b = blocks[seat];
        int open = (int) b[STATE];
        for (int k = 0; k < open; k++) {
            long o = b[OPENED + k];
            if (stageOf(o) == stage && phaseOf(o) == WAITING) {
                b[OPENED + k] = opened(stage, WORKING, slotOf(o));
                return;
            }
        }
    }

    /** The child left {@code stage}. */
    void leave(int seat, int stage) {
        long[] b = blocks[seat];
        int open = (int) b[STATE];
        for (int k = 0; k < open; k++) {
            if (stageOf(b[OPENED + k]) == stage) {
                if (open == 1) keepTimes(b);
                b[OPENED + k] = b[OPENED + open - 1];
                b[STATE] = open - 1;
                if (open == 2) { // the stage left open is now the only one: its times to the first line
                    int t = times + 3 * slotOf(b[OPENED]);
                    b[ONE + WAITING] = b[t + WAITING];
                    b[ONE + WORKING] = b[t + WORKING];
                }
                return;
            }
        }
    }

    /** Puts the times of the one stage open, kept in the block's first line, back in the stage's place. */
    private void keepTimes(long[] b) {
        int t = times + 3 * slotOf(b[OPENED]);
        b[t + WAITING] = b[ONE + WAITING];
        b[t + WORKING] = b[ONE + WORKING];
    }

    /** Adds the child's time in each stage it visited, waiting and at work, to these sums (per stage). */
    void addTimes(int seat, double[] waiting, double[] working) {
        long[] b = blocks[seat];
        if (b[STATE] == 1) keepTimes(b);
        int n = (int) b[size];
        for (int k = 0; k < n; k++) {
            int i = times + 3 * k;
            waiting[(int) b[i]] += get(b, i + WAITING);
            working[(int) b[i]] += get(b, i + WORKING);
        }
    }

    /** The slot of a stage the child has visited. */
    private int find(long[] b, int stage) {
        int n = (int) b[size];
        for (int k = 0; k < n; k++) if (b[times + 3 * k] == stage) return k;
        throw new IllegalStateException("stage " + stage + " marked visited but not found");
    }

    // an entry of the stages a child is in: the stage, the phase and the slot of its times
    private static long opened(int stage, int phase, int slot) {
        return (long) stage << 32 | (long) slot << 2 | phase;
    }

    private static int stageOf(long opened) {
        return (int) (opened >>> 32);
    }

    private static int phaseOf(long opened) {
        return (int) opened & 3;
    }

    private static int slotOf(long opened) {
        return (int) opened >>> 2;
    }

    private static double get(long[] b, int i) {
        return Double.longBitsToDouble(b[i]);
    }

    private static void put(long[] b, int i, double value) {
        b[i] = Double.doubleToRawLongBits(value);
    }

    /**
     * Lays a block out with room for {@code open} stages at once, moving the blocks there are to it: a child in
     * more stages at once than there was room for (parallel branches) widens every block.
     */
    private void layout(int open) {
        int oldOpenRoom = openRoom;
        int oldTimes = times;
        openRoom = open;
        size = OPENED + open;
        arrival = size + 1;
        visited = arrival + 1;
        times = visited + words;
        for (int s = 0; s < blocks.length; s++) {
            long[] old = blocks[s];
            if (old == null) continue;
            long[] wider = new long[old.length + times - oldTimes];
            System.arraycopy(old, 0, wider, 0, OPENED + oldOpenRoom);
            System.arraycopy(old, OPENED + oldOpenRoom, wider, size, old.length - OPENED - oldOpenRoom);
            blocks[s] = wider;
        }
    }
}
