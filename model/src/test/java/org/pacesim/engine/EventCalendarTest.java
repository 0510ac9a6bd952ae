package org.pacesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The engine's event list must run events in exactly the order of SSJ's default splay tree, (time, priority, order
 * of scheduling), or results would change: checked on random schedules full of ties, with events scheduled while
 * others run, as in a replication, some the same day, some years ahead (past the calendar's wheel), some at
 * fractions of a day.
 */
class EventCalendarTest {
    /** An event that logs its id when it runs and may schedule more events. */
    private static final class Logged extends Event {
        private final int id;
        private final List<Integer> log;
        private final Runnable then;

        Logged(Simulator sim, int id, double priority, List<Integer> log, Runnable then) {
            super(sim);
            this.id = id;
            this.log = log;
            this.then = then;
            setPriority(priority);
        }

        @Override
        public void actions() {
            log.add(id);
            if (then != null) then.run();
        }
    }

    /** Mostly within days, on a coarse grid so that ties are common; sometimes fractions, months or years ahead. */
    private static double delay(SplittableRandom rnd) {
        switch (rnd.nextInt(10)) {
            case 0: return rnd.nextDouble() * 3;
            case 1: return rnd.nextInt(400);
            case 2: return rnd.nextInt(2) == 0 ? 1023 + rnd.nextInt(3) : 5000 + rnd.nextInt(5000); // the wheel: 1,024 d
            default: return rnd.nextInt(6);
        }
    }

    /** Runs the same random schedule on a list and returns the order in which the events ran. */
    private static List<Integer> run(EventList list, long seed) {
        Simulator sim = new Simulator(list);
        sim.init();
        List<Integer> log = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] next = {0};
        // Times on a coarse grid and three priorities, so that ties of time and of (time, priority) are common.
        Runnable[] spawn = new Runnable[1];
        List<Event> made = new ArrayList<>();
        spawn[0] = () -> {
            if (rnd.nextInt(20) == 0 && !made.isEmpty()) {
                Event victim = made.get(rnd.nextInt(made.size()));   // cancel one, wherever it waits
                if (victim.time() >= sim.time()) victim.cancel();
            }
            int children = rnd.nextInt(3);
            for (int k = 0; k < children && next[0] < 20_000; k++) {
                Logged e = new Logged(sim, next[0]++, 1 + rnd.nextInt(3) * 0.5, log, spawn[0]);
                e.schedule(delay(rnd));
                made.add(e);
            }
        };
        for (int i = 0; i < 500; i++) {
            new Logged(sim, next[0]++, 1 + rnd.nextInt(3) * 0.5, log, spawn[0]).schedule(delay(rnd) + rnd.nextInt(50));
        }
        sim.start();
        return log;
    }

    @Test
    void runsEventsInTheSameOrderAsSsjsSplayTree() {
        for (long seed = 1; seed <= 30; seed++) {
            List<Integer> expected = run(new SplayTree(), seed);
            assertTrue(expected.size() > 1000);
            assertEquals(expected, run(new EventCalendar(), seed), "seed " + seed);
        }
    }

    @Test
    void everyBucketWidthRunsEventsInTheSameOrder() {
        // 1/256 day: a wheel of 256 days, so events a year ahead pass through the overflow list; 1 day: few buckets
        for (double width : new double[] {0x1p-8, 0x1p-5, 1}) {
            for (long seed = 1; seed <= 5; seed++) {
                assertEquals(run(new SplayTree(), seed), run(new EventCalendar(width), seed), "width " + width);
            }
        }
    }

    @Test
    void aBusierSystemGetsNarrowerBuckets() {
        assertEquals(0.25, EventCalendar.widthFor(1));          // the reference pathway
        assertEquals(0.25, EventCalendar.widthFor(10.3));       // the national baseline
        assertEquals(0x1p-5, EventCalendar.widthFor(8 * 10.3)); // eight times the national baseline
        assertEquals(0x1p-8, EventCalendar.widthFor(1e9));
        assertEquals(0.25, EventCalendar.widthFor(0));
        assertThrows(IllegalArgumentException.class, () -> new EventCalendar(0.3));
    }

    @Test
    void equalTimeAndPriorityRunFirstScheduledFirst() {
        Simulator sim = new Simulator(new EventCalendar());
        sim.init();
        List<Integer> log = new ArrayList<>();
        for (int i = 0; i < 2000; i++) new Logged(sim, i, 1, log, null).schedule(5);
        sim.start();
        for (int i = 0; i < 2000; i++) assertEquals(i, log.get(i));
    }

    @Test
    void scheduleNextRunsAheadOfEverythingAndCancelWorksWhereverTheEventWaits() {
        Simulator sim = new Simulator(new EventCalendar());
        sim.init();
        List<Integer> log = new ArrayList<>();
        Logged a = new Logged(sim, 1, 0.5, log, null);
        a.schedule(0);
        Logged b = new Logged(sim, 2, 1, log, null);
        b.schedule(0);
        new Logged(sim, 3, 1, log, null).scheduleNext();
        new Logged(sim, 4, 1, log, null).scheduleNext();
        Logged nextYear = new Logged(sim, 5, 1, log, null);
        nextYear.schedule(400);
        Logged later = new Logged(sim, 6, 1, log, null);
        later.schedule(5000);
        new Logged(sim, 7, 1, log, null).schedule(5000);
        assertTrue(b.cancel());
        assertFalse(sim.getEventList().remove(b));
        assertTrue(nextYear.cancel());
        assertTrue(later.cancel());
        List<Event> pending = new ArrayList<>();
        sim.getEventList().forEach(pending::add);
        assertEquals(4, pending.size());
        sim.start();
        assertEquals(List.of(4, 3, 1, 7), log);
        assertNull(sim.getEventList().getFirst());
    }
}
