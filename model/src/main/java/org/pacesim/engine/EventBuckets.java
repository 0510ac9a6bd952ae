package org.pacesim.engine;

import java.util.Arrays;
import java.util.function.Consumer;

import umontreal.ssj.simevents.Event;

/**
 * The buckets of one wheel of the {@link EventCalendar}: each bucket keeps its events side by side, each with its
 * time and scheduling number, in the order they came (unordered by time). Adding is an append; a bucket is read
 * from the start when it comes due, so both touch memory in sequence rather than all over the heap.
 */
final class EventBuckets {
    private final Event[][] events;
    private final long[][] keys;     // per event: the bits of its time, then its scheduling number
    private final int[] sizes;
    private int total;

    EventBuckets(int buckets) {
        events = new Event[buckets][];
        keys = new long[buckets][];
        sizes = new int[buckets];
    }

    int total() {
        return total;
    }

    int size(int bucket) {
        return sizes[bucket];
    }

    Event event(int bucket, int i) {
        return events[bucket][i];
    }

    double time(int bucket, int i) {
        return Double.longBitsToDouble(keys[bucket][2 * i]);
    }

    long order(int bucket, int i) {
        return keys[bucket][2 * i + 1];
    }

    void add(int bucket, Event ev, double t, long order) {
        int n = sizes[bucket];
        Event[] evs = events[bucket];
        if (evs == null) {
            evs = events[bucket] = new Event[8];
            keys[bucket] = new long[16];
        } else if (n == evs.length) {
            evs = events[bucket] = Arrays.copyOf(evs, 2 * n);
            keys[bucket] = Arrays.copyOf(keys[bucket], 4 * n);
        }
        evs[n] = ev;
        long[] k = keys[bucket];
        k[2 * n] = Double.doubleToRawLongBits(t);
        k[2 * n + 1] = order;
        sizes[bucket] = n + 1;
        total++;
    }

    /** Empties a bucket (its events have been taken). */
    void clear(int bucket) {
        int n = sizes[bucket];
        if (n == 0) return;
        Arrays.fill(events[bucket], 0, n, null);
        sizes[bucket] = 0;
        total -= n;
    }

    /** Keeps the first {@code n} entries of a bucket (after {@link #move} has packed the ones to keep there). */
    void keep(int bucket, int n) {
        Arrays.fill(events[bucket], n, sizes[bucket], null);
        total -= sizes[bucket] - n;
        sizes[bucket] = n;
    }

    /** Copies entry {@code from} of a bucket over entry {@code to}. */
    void move(int bucket, int from, int to) {
        events[bucket][to] = events[bucket][from];
        long[] k = keys[bucket];
        k[2 * to] = k[2 * from];
        k[2 * to + 1] = k[2 * from + 1];
    }

    void clearAll() {
        for (int b = 0; b < sizes.length; b++) clear(b);
    }

    /** Removes {@code ev} if it is here (a linear search: cancelling is rare). */
    boolean remove(Event ev) {
        for (int b = 0; b < sizes.length; b++) {
            for (int i = 0; i < sizes[b]; i++) {
                if (events[b][i] != ev) continue;
                move(b, sizes[b] - 1, i);
                keep(b, sizes[b] - 1);
                return true;
            }
        }
        return false;
    }

    /** Gives every entry to {@code sink} in no particular order. */
    void forEach(Consumer<EventCalendar.Entry> sink) {
        for (int b = 0; b < sizes.length; b++) {
            for (int i = 0; i < sizes[b]; i++) {
                Event ev = events[b][i];
                sink.accept(new EventCalendar.Entry(ev, time(b, i), ev.priority(), order(b, i)));
            }
        }
    }
}
