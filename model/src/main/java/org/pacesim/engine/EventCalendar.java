package org.pacesim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * The replication's event list. Events run in increasing (time, priority, order of scheduling), exactly the order
 * of SSJ's default {@code SplayTree} (equal time and priority: first scheduled, first run; {@code scheduleNext}
 * ahead of everything, the latest first), so results are bit-identical to it.
 *
 * <p>It is a calendar of quarter-day buckets. Only the events of the current bucket are kept in order, in a small
 * {@link EventHeap}; an event for a later bucket is pushed, unordered, onto that bucket's list in a wheel of
 * {@value #BUCKETS} buckets, or onto an overflow list beyond that, and is moved into the heap when its bucket comes.
 * Most events of this model are scheduled weeks or months ahead (a child in a delay), so a removal works on a heap
 * of the few events of a few hours instead of one holding every child in the system, and its cost no longer grows
 * with the number of children waiting. The profile (perf) put
 * the event list at about 30% of the run time with one heap of all events, and SSJ's splay tree at about 45%.
 *
 * <p>{@link #addBefore} and {@link #addAfter} are not supported: the engine never uses them, and an event cannot
 * be placed next to another without a key between theirs. Cancelling ({@link #remove}) is a linear search.
 */
final class EventCalendar implements EventList {
    /**
     * Days per bucket. Any width gives the same order; a power of two keeps the bucket of a time exact. A quarter
     * of a day keeps a bucket to a few events up to national scale (about 45 events a day there), and measured
     * faster than a whole day there (+10%) and on the reference pathway (+4%).
     */
    private static final double WIDTH = 0.25;
    /** Buckets in the wheel: 1,024 days ahead; later events wait in the overflow list. A power of two. */
    private static final int BUCKETS = 4096;
    private static final int NONE = -1;

    /**
     * A pending event and its key, for the rare whole-list views.
     *
     * @param event    the event
     * @param time     when it runs
     * @param priority its priority (lower first)
     * @param order    its scheduling number (lower first)
     */
    record Entry(Event event, double time, double priority, long order) {}

    private static final Comparator<Entry> ORDER = Comparator.comparingDouble(Entry::time)
            .thenComparingDouble(Entry::priority).thenComparingLong(Entry::order);

    private final EventHeap due = new EventHeap();   // events of buckets up to the current one
    private final int[] heads = new int[BUCKETS];     // first entry of each bucket's list in the wheel
    private int inWheel;
    private int overflow = NONE;                      // first entry of the overflow list
    private int inOverflow;
    private long current;                             // the bucket whose events (and earlier ones) are in the heap
    private long nextSweep = BUCKETS;                 // when overflow events may have come within the wheel
    private long scheduled;                           // scheduling counter: ties run in this order
    private long firsts;                              // addFirst counter, counting down: the latest runs first

    // Pool of list entries in parallel arrays, linked by index: no allocation once warm.
    private Event[] events = new Event[256];
    private double[] times = new double[256];
    private double[] priorities = new double[256];
    private long[] orders = new long[256];
    private int[] next = new int[256];
    private int free = NONE;
    private int used;

    EventCalendar() {
        Arrays.fill(heads, NONE);
    }

    @Override
    public boolean isEmpty() {
        return due.isEmpty() && inWheel == 0 && inOverflow == 0;
    }

    @Override
    public void clear() {
        due.clear();
        Arrays.fill(heads, NONE);
        Arrays.fill(events, 0, used, null);
        inWheel = inOverflow = used = 0;
        overflow = free = NONE;
        current = 0;
        nextSweep = BUCKETS;
    }

    @Override
    public void add(Event ev) {
        double t = ev.time();
        long o = scheduled++;
        long k = bucket(t);
        if (k <= current) {
            due.insert(ev, t, ev.priority(), o);
        } else if (k < current + BUCKETS) {
            int slot = (int) (k & (BUCKETS - 1));
            heads[slot] = push(ev, t, ev.priority(), o, heads[slot]);
            inWheel++;
        } else {
            overflow = push(ev, t, ev.priority(), o, overflow);
            inOverflow++;
        }
    }

    @Override
    public void addFirst(Event ev) {
        // the event runs now, and now is in the current bucket
        due.insert(ev, ev.time(), Double.NEGATIVE_INFINITY, --firsts);
    }

    @Override
    public void addBefore(Event ev, Event other) {
        throw new UnsupportedOperationException("EventCalendar does not place an event before another; use schedule()");
    }

    @Override
    public void addAfter(Event ev, Event other) {
        throw new UnsupportedOperationException("EventCalendar does not place an event after another; use schedule()");
    }

    @Override
    public Event getFirst() {
        if (due.isEmpty()) advance();
        return due.first();
    }

    @Override
    public Event removeFirst() {
        if (due.isEmpty()) advance();
        return due.removeFirst();
    }

    @Override
    public boolean remove(Event ev) {
        if (due.remove(ev)) return true;
        for (int s = 0; s < BUCKETS; s++) {
            if (contains(heads[s], ev)) {
                heads[s] = without(heads[s], ev);
                inWheel--;
                return true;
            }
        }
        if (contains(overflow, ev)) {
            overflow = without(overflow, ev);
            inOverflow--;
            return true;
        }
        return false;
    }

    @Override
    public Event getFirstOfClass(String cl) {
        for (Entry e : sorted()) if (e.event().getClass().getName().equals(cl)) return e.event();
        return null;
    }

    @Override
    public <E extends Event> E getFirstOfClass(Class<E> cl) {
        for (Entry e : sorted()) if (e.event().getClass() == cl) return cl.cast(e.event());
        return null;
    }

    /** A snapshot of the pending events in the order they will run; changing it does not change the calendar. */
    @Override
    public ListIterator<Event> listIterator() {
        List<Event> out = new ArrayList<>();
        for (Entry e : sorted()) out.add(e.event());
        return out.listIterator();
    }

    @Override
    public Iterator<Event> iterator() {
        return listIterator();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Contents of the event list EventCalendar:");
        for (Entry e : sorted()) {
            b.append(System.lineSeparator()).append(e.time()).append(", ").append(e.priority()).append(" : ")
                    .append(e.event());
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- buckets

    private static long bucket(double t) {
        return (long) (t / WIDTH);   // times are never negative; huge times saturate into the overflow list
    }

    /** Moves on to the next bucket that holds events, until the heap has some (or nothing is left). */
    private void advance() {
        while (due.isEmpty()) {
            if (inWheel == 0) {
                if (inOverflow == 0) return;
                current = earliestOverflowBucket(); // nothing for years: jump straight to the next event's bucket
                sweep();
            } else {
                current++;
                if (current >= nextSweep) sweep();
                int slot = (int) (current & (BUCKETS - 1));
                for (int e = heads[slot]; e != NONE; ) {
                    int n = next[e];
                    due.insert(events[e], times[e], priorities[e], orders[e]);
                    release(e);
                    inWheel--;
                    e = n;
                }
                heads[slot] = NONE;
            }
        }
    }

    /** Brings overflow events that are now due or within the wheel's reach into the heap or the wheel. */
    private void sweep() {
        int e = overflow;
        overflow = NONE;
        while (e != NONE) {
            int n = next[e];
            long k = bucket(times[e]);
            if (k <= current) {
                due.insert(events[e], times[e], priorities[e], orders[e]);
                release(e);
                inOverflow--;
            } else if (k < current + BUCKETS) {
                int slot = (int) (k & (BUCKETS - 1));
                next[e] = heads[slot];
                heads[slot] = e;
                inOverflow--;
                inWheel++;
            } else {
                next[e] = overflow;
                overflow = e;
            }
            e = n;
        }
        nextSweep = current + BUCKETS;
    }

    private long earliestOverflowBucket() {
        long k = Long.MAX_VALUE;
        for (int e = overflow; e != NONE; e = next[e]) k = Math.min(k, bucket(times[e]));
        return k;
    }

    // ---------------------------------------------------------------- entry pool

    private int push(Event ev, double t, double p, long o, int head) {
        int e;
        if (free != NONE) {
            e = free;
            free = next[e];
        } else {
            if (used == events.length) grow();
            e = used++;
        }
        events[e] = ev;
        times[e] = t;
        priorities[e] = p;
        orders[e] = o;
        next[e] = head;
        return e;
    }

    private void release(int e) {
        events[e] = null;
        next[e] = free;
        free = e;
    }

    private boolean contains(int head, Event ev) {
        for (int e = head; e != NONE; e = next[e]) if (events[e] == ev) return true;
        return false;
    }

    /** The list from {@code head} without {@code ev}, which is in it. */
    private int without(int head, Event ev) {
        if (events[head] == ev) {
            int rest = next[head];
            release(head);
            return rest;
        }
        int prev = head;
        while (events[next[prev]] != ev) prev = next[prev];
        int e = next[prev];
        next[prev] = next[e];
        release(e);
        return head;
    }

    private List<Entry> sorted() {
        List<Entry> all = new ArrayList<>();
        due.forEach(all::add);
        for (int h : heads) for (int e = h; e != NONE; e = next[e]) all.add(entry(e));
        for (int e = overflow; e != NONE; e = next[e]) all.add(entry(e));
        all.sort(ORDER);
        return all;
    }

    private Entry entry(int e) {
        return new Entry(events[e], times[e], priorities[e], orders[e]);
    }

    private void grow() {
        int n = events.length * 2;
        events = Arrays.copyOf(events, n);
        times = Arrays.copyOf(times, n);
        priorities = Arrays.copyOf(priorities, n);
        orders = Arrays.copyOf(orders, n);
        next = Arrays.copyOf(next, n);
    }
}
