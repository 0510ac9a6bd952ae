package org.pacesim.random;

import java.util.Locale;

/**
 * The name of a random stream: what draws from it, and what for. A stream's numbers depend on its key and the seed
 * alone (see {@link StreamBank}), so the keys are made here only, and each is the text it has always been:
 * another text would change every number drawn from it, and so every result.
 *
 * <p>The streams of a caseload's count rows are keyed by the row's position among them ({@code caseload:counts[0]}),
 * which is the order of the rows in the file: keying them by their stage and attributes instead would not depend on
 * that order, but would change the results of every caseload run, so the key stays as it is.
 */
public final class StreamKey {
    /** What a stream's numbers are for. */
    public enum Purpose {
        /** A stage's durations. */
        DURATION,
        /** The remainders of durations under way at the start (today's caseload). */
        RESIDUAL,
        /** A meeting's decision delays. */
        DECISION,
        /** The choice of a route. */
        ROUTE,
        /** The delays on routes ({@code after:}). */
        AFTER,
        /** The gaps between arrivals. */
        INTERARRIVAL,
        /** Whether a candidate arrival is kept, for a rate that varies. */
        THINNING,
        /** A caseload row's time in its stage. */
        IN_STAGE,
        /** A caseload row's time since accommodation. */
        SINCE,
        /** Children's ages on arrival, within their age band. */
        AGE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String text;

    private StreamKey(String text) {
        this.text = text;
    }

    /** A stage's stream, e.g. {@code stage:panel:route}. */
    public static StreamKey stage(String stage, Purpose purpose) {
        return new StreamKey("stage:" + stage + ":" + purpose);
    }

    /** An arrival source's stream, e.g. {@code arrival:accommodated:interarrival}. */
    public static StreamKey source(String source, Purpose purpose) {
        return new StreamKey("arrival:" + source + ":" + purpose);
    }

    /** The levels of an attribute drawn for a source's children, e.g. {@code arrival:accommodated:attribute:age_band}. */
    public static StreamKey sourceAttribute(String source, String attribute) {
        return new StreamKey("arrival:" + source + ":attribute:" + attribute);
    }

    /** A caseload count row's stream, by the row's position among the count rows, e.g. {@code caseload:counts[0]:since}. */
    public static StreamKey caseloadRow(int row, Purpose purpose) {
        return new StreamKey("caseload:counts[" + row + "]:" + purpose);
    }

    /** The levels of an attribute drawn for caseload children whose level is not given. */
    public static StreamKey caseloadAttribute(String attribute) {
        return new StreamKey("caseload:attribute:" + attribute);
    }

    /** The ages on arrival drawn for caseload children. */
    public static StreamKey caseloadAge() {
        return new StreamKey("caseload:age");
    }

    /** The stream that places an uncertainty analysis's design points (a Latin hypercube), apart from the runs'. */
    public static StreamKey design() {
        return new StreamKey("uncertainty:latin_hypercube");
    }

    /** The key as hashed into the stream's seed. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamKey k && k.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
