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
 * <p>It is a calendar of buckets a fraction of a day wide (narrower as the system is busier, see {@link #widthFor}).
 * Only the events of the current bucket are kept in order, in a small {@link EventHeap}; an event for a later bucket
 * is added, unordered, to that bucket in a wheel reaching {@value #REACH} days ahead (fewer at the narrowest widths), or to an overflow list beyond
 * that, and is moved into the heap when its bucket comes. Most events of this model are scheduled weeks or months
 * ahead (a child in a delay), so a removal works on a heap of the few events of a few hours instead of one holding
 * every child in the system, and its cost no longer grows with the number of children waiting. The profile (perf)
 * put the event list at about 30% of the run time with one heap of all events, and SSJ's splay tree at about 45%.
 *
 * <p>{@link #addBefore} and {@link #addAfter} are not supported: the engine never uses them, and an event cannot
 * be placed next to another without a key between theirs. Cancelling ({@link #remove}) is a linear search.
 */
final class EventCalendar implements EventList {
    /**
     * Days per bucket unless told otherwise. Any width gives the same order; a power of two keeps the bucket of a
     * time exact. A quarter of a day keeps a bucket to a few events up to national scale (about 45 events a day
     * there), and measured faster than a whole day there (+10%) and on the reference pathway (+4%).
     */
    static final double DEFAULT_WIDTH = 0.25;
    /** Days the wheel reaches ahead; later events wait in the overflow list. */
    private static final double REACH = 1024;
    /**
     * Arrivals per bucket that {@link #widthFor} aims at: with each journey's half a dozen events, a bucket then
     * holds a few dozen events at most.
     */
    static final double ARRIVALS_PER_BUCKET = 4;

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

    private final double perDay;                      // buckets per day: 1 / width, exact for a power of two
    private final int buckets;                        // in the wheel, a power of two
    private final EventHeap due = new EventHeap();   // events of buckets up to the current one
    private long current;                             // the bucket whose events (and earlier ones) are in the heap
    private long nextSweep;                           // when overflow events may have come within the wheel
    private long scheduled;                           // scheduling counter: ties run in this order
    private long firsts;                              // addFirst counter, counting down: the latest runs first

    // Each bucket of the wheel keeps its events side by side, with their scheduling numbers, in the order they
    // came. A bucket's time and priority are read from the events themselves when the bucket comes due (they do
    // not change while an event waits), which also brings each event into the cache just before it runs.
    private final Event[][] wheelEvents;
    private final long[][] wheelOrders;
    private final int[] wheelSizes;
    private int inWheel;

    // Events beyond the wheel, side by side with their keys; swept into the wheel as it turns.
    private Event[] overflowEvents = new Event[64];
    private double[] overflowTimes = new double[64];
    private long[] overflowOrders = new long[64];
    private int inOverflow;

    private double[] dueTimes = new double[64];       // a bucket's keys while it moves into the heap
    private double[] duePriorities = new double[64];

    /** A calendar of quarter-day buckets. */
    EventCalendar() {
        this(DEFAULT_WIDTH);
    }

    /**
     * A calendar with buckets {@code width} days wide: the same order at any width, but a bucket should hold a
     * few events, so a busier system wants narrower ones.
     *
     * @param width a power of two (such as 0.25 or 0.03125), so that times fall into buckets exactly
     */
    EventCalendar(double width) {
        if (!(width > 0) || width != Math.scalb(1.0, Math.getExponent(width))) {
            throw new IllegalArgumentException("bucket width must be a power of two, not " + width);
        }
        this.perDay = 1 / width;
        this.buckets = Integer.highestOneBit((int) Math.max(1, Math.min(1 << 16, REACH * perDay)));
        this.nextSweep = buckets;
        this.wheelEvents = new Event[buckets][];
        this.wheelOrders = new long[buckets][];
        this.wheelSizes = new int[buckets];
    }

    /**
     * The bucket width for a system with this many arrivals a day: the largest power of two that holds about
     * {@value #ARRIVALS_PER_BUCKET} arrivals, and at most {@link #DEFAULT_WIDTH}. Eight times the arrivals then
     * means buckets an eighth as wide, and a heap of the same size.
     */
    static double widthFor(double arrivalsPerDay) {
        if (!(arrivalsPerDay > 0)) return DEFAULT_WIDTH;
        double w = Math.scalb(1.0, Math.getExponent(ARRIVALS_PER_BUCKET / arrivalsPerDay));
        return Math.max(Math.min(w, DEFAULT_WIDTH), 0x1p-8);
    }

    @Override
    public boolean isEmpty() {
        return due.isEmpty() && inWheel == 0 && inOverflow == 0;
    }

    @Override
    public void clear() {
        due.clear();
        for (int s = 0; s < buckets; s++) {
            if (wheelSizes[s] > 0) Arrays.fill(wheelEvents[s], 0, wheelSizes[s], null);
        }
        Arrays.fill(wheelSizes, 0);
        Arrays.fill(overflowEvents, 0, inOverflow, null);
        inWheel = inOverflow = 0;
        current = 0;
        nextSweep = buckets;
    }

    @Override
    public void add(Event ev) {
        double t = ev.time();
        long o = scheduled++;
        long k = bucket(t);
        if (k <= current) {
            due.insert(ev, t, ev.priority(), o);
        } else if (k < current + buckets) {
            toWheel((int) (k & (buckets - 1)), ev, o);
        } else {
            toOverflow(ev, t, o);
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
        for (int s = 0; s < buckets; s++) {
            Event[] evs = wheelEvents[s];
            for (int i = 0; i < wheelSizes[s]; i++) {
                if (evs[i] != ev) continue;
                int last = --wheelSizes[s];
                evs[i] = evs[last];
                wheelOrders[s][i] = wheelOrders[s][last];
                evs[last] = null;
                inWheel--;
                return true;
            }
        }
        for (int i = 0; i < inOverflow; i++) {
            if (overflowEvents[i] != ev) continue;
            moveOverflow(--inOverflow, i);
            overflowEvents[inOverflow] = null;
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

    private long bucket(double t) {
        return (long) (t * perDay);   // times are never negative; huge times saturate into the overflow list
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
                int slot = (int) (current & (buckets - 1));
                if (wheelSizes[slot] > 0) drain(slot);
            }
        }
    }

    /**
     * Moves a bucket's events into the heap. Every key is read first and the events inserted after: the reads are
     * independent of one another, so the processor overlaps their cache misses (each event is a child last touched
     * weeks before) instead of waiting for one at a time.
     */
    private void drain(int slot) {
        int n = wheelSizes[slot];
        Event[] evs = wheelEvents[slot];
        long[] orders = wheelOrders[slot];
        if (dueTimes.length < n) {
            dueTimes = new double[Math.max(n, 2 * dueTimes.length)];
            duePriorities = new double[dueTimes.length];
        }
        double[] t = dueTimes, p = duePriorities;
        for (int i = 0; i < n; i++) {
            Event ev = evs[i];
            t[i] = ev.time();
            p[i] = ev.priority();
        }
        for (int i = 0; i < n; i++) {
            due.insert(evs[i], t[i], p[i], orders[i]);
            evs[i] = null;
        }
        wheelSizes[slot] = 0;
        inWheel -= n;
    }

    private void toWheel(int slot, Event ev, long order) {
        int n = wheelSizes[slot];
        Event[] evs = wheelEvents[slot];
        if (evs == null || n == evs.length) {
            int size = evs == null ? 8 : 2 * n;
            evs = wheelEvents[slot] = evs == null ? new Event[size] : Arrays.copyOf(evs, size);
            wheelOrders[slot] = wheelOrders[slot] == null ? new long[size] : Arrays.copyOf(wheelOrders[slot], size);
        }
        evs[n] = ev;
        wheelOrders[slot][n] = order;
        wheelSizes[slot] = n + 1;
        inWheel++;
    }

    private void toOverflow(Event ev, double t, long order) {
        if (inOverflow == overflowEvents.length) {
            int n = 2 * inOverflow;
            overflowEvents = Arrays.copyOf(overflowEvents, n);
            overflowTimes = Arrays.copyOf(overflowTimes, n);
            overflowOrders = Arrays.copyOf(overflowOrders, n);
        }
        overflowEvents[inOverflow] = ev;
        overflowTimes[inOverflow] = t;
        overflowOrders[inOverflow] = order;
        inOverflow++;
    }

    /** Brings overflow events that are now due or within the wheel's reach into the heap or the wheel. */
    private void sweep() {
        int kept = 0;
        for (int i = 0; i < inOverflow; i++) {
            Event ev = overflowEvents[i];
            long k = bucket(overflowTimes[i]);
            if (k <= current) {
                due.insert(ev, overflowTimes[i], ev.priority(), overflowOrders[i]);
            } else if (k < current + buckets) {
                toWheel((int) (k & (buckets - 1)), ev, overflowOrders[i]);
            } else {
                moveOverflow(i, kept++);
            }
        }
        Arrays.fill(overflowEvents, kept, inOverflow, null);
        inOverflow = kept;
        nextSweep = current + buckets;
    }

    private void moveOverflow(int from, int to) {
        overflowEvents[to] = overflowEvents[from];
        overflowTimes[to] = overflowTimes[from];
        overflowOrders[to] = overflowOrders[from];
    }

    private long earliestOverflowBucket() {
        long k = Long.MAX_VALUE;
        for (int i = 0; i < inOverflow; i++) k = Math.min(k, bucket(overflowTimes[i]));
        return k;
    }

    private List<Entry> sorted() {
        List<Entry> all = new ArrayList<>();
        due.forEach(all::add);
        for (int s = 0; s < buckets; s++) {
            for (int i = 0; i < wheelSizes[s]; i++) {
                Event ev = wheelEvents[s][i];
                all.add(new Entry(ev, ev.time(), ev.priority(), wheelOrders[s][i]));
            }
        }
        for (int i = 0; i < inOverflow; i++) {
            Event ev = overflowEvents[i];
            all.add(new Entry(ev, overflowTimes[i], ev.priority(), overflowOrders[i]));
        }
        all.sort(ORDER);
        return all;
    }
}
