package org.pacesim.engine;

import java.util.Arrays;
import java.util.function.Consumer;

import umontreal.ssj.simevents.Event;

/**
 * A heap of scheduled events keyed by (time, priority, scheduling number), smallest first: the part of the
 * {@link EventCalendar} that holds the events of the current bucket. An implicit 4-ary heap whose keys sit in
 * primitive arrays next to each other (no node object per scheduling, no pointer chasing, no virtual
 * {@code compareTo}); 4 children measured faster than 2 or 8, and faster than branch-free choices of the child.
 */
final class EventHeap {
    private static final int ARITY = 4;

    private Event[] events = new Event[64];
    private double[] times = new double[64];
    private double[] priorities = new double[64];
    private long[] order = new long[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        Arrays.fill(events, 0, size, null);
        size = 0;
    }

    /** The first event, or null. */
    Event first() {
        return size == 0 ? null : events[0];
    }

    /** Adds an event with its key: time, priority, scheduling number (unique). */
    void insert(Event ev, double t, double p, long o) {
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

    /** Removes and returns the first event, or null. */
    Event removeFirst() {
        if (size == 0) return null;
        Event first = events[0];
        removeAt(0);
        return first;
    }

    /** Removes {@code ev} if it is here (a linear search: cancelling is rare). */
    boolean remove(Event ev) {
        for (int i = 0; i < size; i++) {
            if (events[i] == ev) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    /** Gives every entry to {@code sink} in no particular order. */
    void forEach(Consumer<EventCalendar.Entry> sink) {
        for (int i = 0; i < size; i++) {
            sink.accept(new EventCalendar.Entry(events[i], times[i], priorities[i], order[i]));
        }
    }

    /** Whether key (t, p, o) comes before the entry at {@code i}. */
    private boolean less(double t, double p, long o, int i) {
        double ti = times[i];
        if (t != ti) return t < ti;
        double pi = priorities[i];
        if (p != pi) return p < pi;
        return o < order[i];
    }

    private boolean before(int a, int b) {
        return less(times[a], priorities[a], order[a], b);
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
