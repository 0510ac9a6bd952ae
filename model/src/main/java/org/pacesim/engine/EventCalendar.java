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
 * Only the events of the current bucket are kept in order, in a small {@link EventHeap}. Later events wait
 * unordered: those of the current period of {@value #PERIOD} buckets in that bucket of a fine wheel, later ones up
 * to about {@value #REACH} days ahead in their period's bucket of a coarse wheel, and the rest in an overflow list.
 * When a period begins its coarse bucket is shared out over the fine wheel, and when a fine bucket comes its events
 * move into the heap. Most events of this model are scheduled weeks or months ahead (a child in a delay), so a
 * removal works on a heap of the few events of a few hours instead of one holding every child in the system, and
 * scheduling appends to one of a few dozen coarse buckets, whose ends stay in the processor's caches even when
 * the children waiting do not. The profile (perf) put the event list at about 30% of the run time with one heap
 * of all events, and SSJ's splay tree at about 45%.
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
    /**
     * Arrivals per bucket that {@link #widthFor} aims at: with each journey's half a dozen events, a bucket then
     * holds a few dozen events at most.
     */
    static final double ARRIVALS_PER_BUCKET = 4;
    /** Buckets in a period: the fine wheel's size, and the width of a coarse bucket. A power of two. */
    private static final int PERIOD = 256;
    private static final int SHIFT = Integer.numberOfTrailingZeros(PERIOD);
    /** Days the coarse wheel reaches ahead, roughly; later events wait in the overflow list. */
    private static final double REACH = 1024;

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
    private final int periods;                        // buckets of the coarse wheel, a power of two
    private final EventHeap due = new EventHeap();   // events of buckets up to the current one
    private final EventBuckets fine = new EventBuckets(PERIOD);  // the current period's buckets
    private final EventBuckets coarse;                // the next periods', one bucket each
    private final EventBuckets overflow = new EventBuckets(1);
    private long current;                             // the bucket whose events (and earlier ones) are in the heap
    private long period;                              // current >> SHIFT
    private long nextSweep;                           // the period when overflow events may have come within reach
    private long scheduled;                           // scheduling counter: ties run in this order
    private long firsts;                              // addFirst counter, counting down: the latest runs first

    private double[] duePriorities = new double[64];  // a bucket's priorities while it moves into the heap

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
        this.periods = Integer.highestOneBit((int) Math.max(4, Math.min(1 << 16, REACH / (PERIOD * width))));
        this.coarse = new EventBuckets(periods);
        this.nextSweep = periods;
    }

    /** A calendar whose buckets suit the model's arrivals at their busiest (see {@link #widthFor}). */
    static EventCalendar sizedFor(Model model) {
        double perDay = 0;
        for (Model.Source s : model.sources) perDay += s.busiestPerDay(model.run.horizon());
        return new EventCalendar(widthFor(perDay));
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
        return due.isEmpty() && fine.total() == 0 && coarse.total() == 0 && overflow.total() == 0;
    }

    @Override
    public void clear() {
        due.clear();
        fine.clearAll();
        coarse.clearAll();
        overflow.clearAll();
        current = period = 0;
        nextSweep = periods;
    }

    @Override
    public void add(Event ev) {
        place(ev, ev.time(), scheduled++);
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
        return due.remove(ev) || fine.remove(ev) || coarse.remove(ev) || overflow.remove(ev);
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

    /** Puts an event where it waits: the heap, a bucket of the fine or the coarse wheel, or the overflow list. */
    private void place(Event ev, double t, long order) {
        long k = bucket(t);
        if (k <= current) {
            due.insert(ev, t, ev.priority(), order);
            return;
        }
        long p = k >> SHIFT;
        if (p == period) {
            fine.add((int) (k & (PERIOD - 1)), ev, t, order);
        } else if (p < period + periods) {
            coarse.add((int) (p & (periods - 1)), ev, t, order);
        } else {
            overflow.add(0, ev, t, order);
        }
    }

    /** Moves on to the next bucket that holds events, until the heap has some (or nothing is left). */
    private void advance() {
        while (due.isEmpty()) {
            if (fine.total() == 0) {
                if (coarse.total() == 0) {
                    if (overflow.total() == 0) return;
                    current = earliestOverflowBucket() - 1; // nothing for years: on to the next event's bucket
                    period = current >> SHIFT;
                    sweep();
                } else {
                    current = ((period + 1) << SHIFT) - 1;  // nothing more this period: on to the next
                }
            }
            current++;
            if ((current >> SHIFT) != period) {
                period++;
                if (period >= nextSweep) sweep();
                shareOut((int) (period & (periods - 1)));
            }
            int slot = (int) (current & (PERIOD - 1));
            if (fine.size(slot) > 0) drain(slot);
        }
    }

    /** At the start of a period: its coarse bucket's events go to their buckets of the fine wheel. */
    private void shareOut(int slot) {
        int n = coarse.size(slot);
        for (int i = 0; i < n; i++) place(coarse.event(slot, i), coarse.time(slot, i), coarse.order(slot, i));
        coarse.clear(slot);
    }

    /**
     * Moves a fine bucket's events into the heap. Every priority is read from its event first, and the events
     * inserted after: the reads are independent of one another, so the processor overlaps their cache misses (each
     * event is a child last touched weeks before) instead of waiting for one at a time, and each child is in the
     * cache when its event runs.
     */
    private void drain(int slot) {
        int n = fine.size(slot);
        if (duePriorities.length < n) duePriorities = new double[Math.max(n, 2 * duePriorities.length)];
        double[] p = duePriorities;
        for (int i = 0; i < n; i++) p[i] = fine.event(slot, i).priority();
        for (int i = 0; i < n; i++) due.insert(fine.event(slot, i), fine.time(slot, i), p[i], fine.order(slot, i));
        fine.clear(slot);
    }

    /** Brings overflow events now within the coarse wheel's reach into it (or nearer). */
    private void sweep() {
        int kept = 0;
        for (int i = 0; i < overflow.size(0); i++) {
            double t = overflow.time(0, i);
            if ((bucket(t) >> SHIFT) < period + periods) {
                place(overflow.event(0, i), t, overflow.order(0, i));
            } else {
                overflow.move(0, i, kept++);
            }
        }
        overflow.keep(0, kept);
        nextSweep = period + periods;
    }

    private long earliestOverflowBucket() {
        long k = Long.MAX_VALUE;
        for (int i = 0; i < overflow.size(0); i++) k = Math.min(k, bucket(overflow.time(0, i)));
        return k;
    }

    private List<Entry> sorted() {
        List<Entry> all = new ArrayList<>();
        due.forEach(all::add);
        fine.forEach(all::add);
        coarse.forEach(all::add);
        overflow.forEach(all::add);
        all.sort(ORDER);
        return all;
    }
}
