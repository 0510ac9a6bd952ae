package org.pacesim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Where the time goes, child by child, against figures worked by hand: through the growth of a child's room for
 * stages visited, of the room for stages at once (which moves every block), and of the seats.
 */
class FollowersTest {
    private static final int Q = Followers.Kind.QUEUE;
    private static final int D = Followers.Kind.DELAY;
    private static final int J = Followers.Kind.JOIN;
    private static final int F = Followers.Kind.FORK;

    @Test
    void aLongJourneyKeepsEveryStagesWaitingAndWorkingTime() {
        int n = 40; // more stages than a new block has room for, twice over
        int[] kind = new int[n];
        for (int s = 0; s < n; s++) kind[s] = s % 2 == 0 ? Q : D;
        Followers f = new Followers(kind);
        int seat = 3_000; // beyond the first room for seats
        f.seat(seat);
        f.follow(seat, 100);
        double t = 100;
        for (int s = 0; s < n; s++) {
            step(f, seat, t);
            assertTrue(f.enter(seat, s));
            if (kind[s] == Q) {
                step(f, seat, t + 3);
                f.start(seat, s);
            }
            step(f, seat, t + 10);
            f.leave(seat, s);
            t += 10 + 2; // 2 days between stages: waiting for the next
        }
        // back to stage 0 after the last gap: its second visit adds to its first
        step(f, seat, t);
        assertFalse(f.enter(seat, 0));
        step(f, seat, t + 1);
        f.start(seat, 0);
        step(f, seat, t + 5);
        f.leave(seat, 0);
        double[] waiting = new double[n];
        double[] working = new double[n];
        f.addTimes(seat, waiting, working);
        for (int s = 0; s < n; s++) {
            double gapBefore = s == 0 ? 0 : 2;
            double wait = (kind[s] == Q ? 3 : 0) + gapBefore + (s == 0 ? 2 + 1 : 0);
            double work = (kind[s] == Q ? 7 : 10) + (s == 0 ? 4 : 0);
            assertEquals(wait, waiting[s], 0.0, "waiting in stage " + s);
            assertEquals(work, working[s], 0.0, "working in stage " + s);
        }
        assertEquals(100, f.arrival(seat), 0.0);
    }

    @Test
    void parallelBranchesShareTheirTimeAndAWiderLayoutKeepsOtherChildrensFigures() {
        // stage 0 forks into branches 1..6 (more than a block has room for at once), 7 is the join
        int[] kind = {F, D, D, D, D, D, D, J};
        Followers f = new Followers(kind);
        f.seat(0);
        f.seat(1);
        f.follow(0, 0);
        f.follow(1, 0);
        // seat 1: 4 days in branch 1 before the layout widens
        step(f, 1, 0);
        f.enter(1, 1);
        step(f, 0, 0);
        f.enter(0, 0);
        for (int b = 1; b <= 6; b++) f.enter(0, b);
        step(f, 0, 6);            // 6 days shared by 6 branches at work: 1 each
        for (int b = 1; b <= 5; b++) f.leave(0, b);
        f.enter(0, 7);            // branches 1-5 wait at the join; only branch 6 is at work
        step(f, 0, 10);           // 4 days: all to branch 6
        f.leave(0, 6);
        step(f, 0, 13);           // 3 days with only the join open: waiting there
        f.leave(0, 7);
        step(f, 1, 10);
        f.leave(1, 1);
        double[] waiting = new double[kind.length];
        double[] working = new double[kind.length];
        f.addTimes(0, waiting, working);
        assertArrayEquals(new double[] {0, 1, 1, 1, 1, 1, 5, 0}, working, 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 3}, waiting, 0.0);
        Arrays.fill(working, 0);
        f.addTimes(1, waiting, working);
        assertEquals(10, working[1], 0.0);
    }

    @Test
    void aSeatsNextChildStartsAfresh() {
        int[] kind = {D, D};
        Followers f = new Followers(kind);
        f.seat(7);
        assertFalse(f.followed(7));
        f.follow(7, 0);
        step(f, 7, 0);
        f.enter(7, 0);
        step(f, 7, 5);
        f.leave(7, 0);
        f.drop(7);
        assertFalse(f.followed(7));
        f.follow(7, 20);
        assertTrue(f.followed(7));
        step(f, 7, 20);
        assertTrue(f.enter(7, 0), "the earlier child's visit does not count for this one");
        step(f, 7, 21);
        f.leave(7, 0);
        double[] waiting = new double[2];
        double[] working = new double[2];
        f.addTimes(7, waiting, working);
        assertArrayEquals(new double[] {1, 0}, working, 0.0);
        assertArrayEquals(new double[] {0, 0}, waiting, 0.0);
    }

    private static void step(Followers f, int seat, double time) {
        f.credit(seat, time);
    }
}
