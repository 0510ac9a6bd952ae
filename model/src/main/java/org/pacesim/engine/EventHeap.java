package org.pacesim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * The replication's event list: an implicit 4-ary heap ordered by (time, priority, order of scheduling), the same
 * order as SSJ's default {@code SplayTree} (events of equal time and priority run first scheduled, first run), so
 * results are bit-identical to it. It is faster because the keys sit in primitive arrays next to each other (no
 * node object per scheduling, no pointer chasing, no virtual {@code compareTo}), and a 4-ary heap is half as deep
 * as a binary one. Profiling put SSJ's splay tree at about 45% of the run time of the benchmark's reference pathway.
 *
 * <p>{@link #addFirst} (SSJ's {@code scheduleNext}) puts an event ahead of everything, the last one added first,
 * as the splay tree does. {@link #addBefore} and {@link #addAfter} are not supported: the engine never uses them,
 * and a heap cannot place an event next to another without a key between theirs.
 */
final class EventHeap implements EventList {
    private static final int ARITY = 4;

    private Event[] events = new Event[256];
    private double[] times = new double[256];
    private double[] priorities = new double[256];
    private long[] order = new long[256];
    private int size;
    private long scheduled;       // scheduling counter: ties of time and priority run in this order
    private long firsts;          // addFirst counter, counting down so that the latest runs first

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void clear() {
        Arrays.fill(events, 0, size, null);
        size = 0;
    }

    @Override
    public void add(Event ev) {
        insert(ev, ev.time(), ev.priority(), scheduled++);
    }

    @Override
    public void addFirst(Event ev) {
        insert(ev, ev.time(), Double.NEGATIVE_INFINITY, --firsts);
    }

    @Override
    public void addBefore(Event ev, Event other) {
        throw new UnsupportedOperationException("EventHeap does not place an event before another; use schedule()");
    }

    @Override
    public void addAfter(Event ev, Event other) {
        throw new UnsupportedOperationException("EventHeap does not place an event after another; use schedule()");
    }

    @Override
    public Event getFirst() {
        return size == 0 ? null : events[0];
    }

    @Override
    public Event removeFirst() {
        if (size == 0) return null;
        Event first = events[0];
        removeAt(0);
        return first;
    }

    @Override
    public boolean remove(Event ev) {
        for (int i = 0; i < size; i++) {
            if (events[i] == ev) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    @Override
    public Event getFirstOfClass(String cl) {
        for (Event e : sorted()) if (e.getClass().getName().equals(cl)) return e;
        return null;
    }

    @Override
    public <E extends Event> E getFirstOfClass(Class<E> cl) {
        for (Event e : sorted()) if (e.getClass() == cl) return cl.cast(e);
        return null;
    }

    /** A snapshot of the pending events in the order they will run; changing it does not change the heap. */
    @Override
    public ListIterator<Event> listIterator() {
        return sorted().listIterator();
    }

    @Override
    public Iterator<Event> iterator() {
        return listIterator();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Contents of the event list EventHeap:");
        for (Event e : sorted()) b.append(System.lineSeparator()).append(e.time()).append(", ").append(e.priority())
                .append(" : ").append(e);
        return b.toString();
    }

    private List<Event> sorted() {
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
        List<Event> out = new ArrayList<>(size);
        for (Integer i : idx) out.add(events[i]);
        return out;
    }

    private boolean before(int a, int b) {
        return less(times[a], priorities[a], order[a], b);
    }

    /** Whether key (t, p, o) comes before the entry at {@code i}. */
    private boolean less(double t, double p, long o, int i) {
        double ti = times[i];
        if (t != ti) return t < ti;
        double pi = priorities[i];
        if (p != pi) return p < pi;
        return o < order[i];
    }

    private void insert(Event ev, double t, double p, long o) {
        if (size == events.length) grow();
        int i = size++;
        while (i > 0) {                       // sift up
            int parent = (i - 1) / ARITY;
            if (!less(t, p, o, parent)) break;
            move(parent, i);
            i = parent;
        }
        set(i, ev, t, p, o);
    }

    private void removeAt(int i) {
        int last = --size;
        if (i == last) {
            events[last] = null;
            return;
        }
        Event ev = events[last];
        double t = times[last], p = priorities[last];
        long o = order[last];
        events[last] = null;
        if (i > 0 && less(t, p, o, (i - 1) / ARITY)) {
            while (i > 0) {                   // only after remove(ev): the moved entry may belong higher up
                int parent = (i - 1) / ARITY;
                if (!less(t, p, o, parent)) break;
                move(parent, i);
                i = parent;
            }
        } else {
            while (true) {                    // sift down
                int child = ARITY * i + 1;
                if (child >= size) break;
                int best = child;
                int end = Math.min(child + ARITY, size);
                for (int c = child + 1; c < end; c++) if (before(c, best)) best = c;
                if (!lessThanKey(best, t, p, o)) break;
                move(best, i);
                i = best;
            }
        }
        set(i, ev, t, p, o);
    }

    /** Whether the entry at {@code i} comes before key (t, p, o). */
    private boolean lessThanKey(int i, double t, double p, long o) {
        double ti = times[i];
        if (ti != t) return ti < t;
        double pi = priorities[i];
        if (pi != p) return pi < p;
        return order[i] < o;
    }

    private void move(int from, int to) {
        events[to] = events[from];
        times[to] = times[from];
        priorities[to] = priorities[from];
        order[to] = order[from];
    }

    private void set(int i, Event ev, double t, double p, long o) {
        events[i] = ev;
        times[i] = t;
        priorities[i] = p;
        order[i] = o;
    }

    private void grow() {
        int n = events.length * 2;
        events = Arrays.copyOf(events, n);
        times = Arrays.copyOf(times, n);
        priorities = Arrays.copyOf(priorities, n);
        order = Arrays.copyOf(order, n);
    }
}
