package org.pacesim.scenario;

import java.util.List;

/**
 * A stage of the pathway: a vertex of the system graph. Specs are immutable descriptions; the engine builds the
 * behaviour from them.
 */
public sealed interface StageSpec {

    /** The stage's name (its key under {@code stages:}). */
    String name();

    /** Where the stage was declared. */
    Location at();

    /** Optional description for reports (may be empty). */
    String description();

    /** The routes out of the stage (empty for exits and forks). */
    List<Route> routes();

    /** What kind of stage this is. */
    Kind kind();

    /** The kinds of stage; each is written in files as its lower-case name ({@link #toString()}). */
    enum Kind {
        /** A wait with no capacity limit. */
        DELAY,
        /** Work by a resource of limited capacity, with a queue. */
        SERVICE,
        /** A body that sits on a calendar and hears a limited number of cases, with a queue. */
        MEETING,
        /** Parallel branches start. */
        FORK,
        /** Parallel branches wait for each other. */
        JOIN,
        /** Children leave. */
        EXIT;

        /** The kind written {@code word} in a file, or null when there is none. */
        public static Kind of(String word) {
            for (Kind k : values()) if (k.toString().equals(word)) return k;
            return null;
        }

        /** Whether a child can wait here for something other than its own duration: a resource, a sitting, a branch. */
        public boolean queues() {
            return this == SERVICE || this == MEETING || this == JOIN;
        }

        /** Whether children wait here for a server or a sitting, so that the stage has a queue length worth drawing. */
        public boolean servesFromAQueue() {
            return this == SERVICE || this == MEETING;
        }

        /**
         * Whether the stage has durations of its own (a delay, service or meeting): they can be scaled, the stage
         * bypassed, and today's caseload placed in it; forks, joins and exits only pass children on.
         */
        public boolean hasDuration() {
            return this == DELAY || this == SERVICE || this == MEETING;
        }

        /** As written in files: delay, service, meeting, fork, join, exit. */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Waits for a sampled duration, or until a time relative to a milestone; no capacity limit.
     *
     * @param duration the duration, or null when {@code until} is used
     * @param until    wait until a milestone plus an offset, or null
     * @param scale    multiplies every sampled duration (interventions use this)
     */
    record Delay(String name, Location at, String description, DistributionSpec duration, Until until, double scale,
                 List<Route> routes) implements StageSpec {
        @Override
        public Kind kind() {
            return Kind.DELAY;
        }
    }

    /**
     * The {@code until:} form of a delay: go on at the milestone's time plus {@code plus} days, or at once if that
     * time has passed or the milestone was never reached; or ({@code until: {age: 16y}}) go on when the child reaches
     * an age drawn for it, or at once if it is already older.
     *
     * @param milestone the milestone's name, or null for the age form
     * @param plus      offset in days
     * @param age       the age to wait for (days since birth), or null for the milestone form
     */
    record Until(String milestone, double plus, DistributionSpec age) {
        /** The milestone form. */
        public Until(String milestone, double plus) {
            this(milestone, plus, null);
        }
    }

    /**
     * Needs one unit of a resource for a sampled duration; waits in the resource's queue when all units are busy.
     *
     * @param resource the resource's name
     * @param duration time holding the resource
     * @param scale    multiplies every sampled duration
     */
    record Service(String name, Location at, String description, String resource, DistributionSpec duration,
                   double scale, List<Route> routes) implements StageSpec {
        @Override
        public Kind kind() {
            return Kind.SERVICE;
        }
    }

    /**
     * A body that sits on a calendar and hears at most {@code capacity} cases per sitting, first come first heard,
     * among cases that arrived at least {@code papersDue} before the sitting.
     *
     * @param every         days between sittings (0 when {@code dates} are given)
     * @param first         day of the first sitting
     * @param dates         explicit sitting days (sorted), or empty when {@code every} is used
     * @param capacity      cases per sitting ({@link Integer#MAX_VALUE} for unlimited)
     * @param papersDue     days a case must have waited to be heard at a sitting
     * @param decisionDelay time from the sitting to the decision taking effect, or null
     * @param scale         multiplies the decision delay
     * @param rule          a calendar rule for the sittings ("first Tuesday of the month"), or null; turned into
     *                      dates when the run's length is known
     */
    record Meeting(String name, Location at, String description, double every, double first, double[] dates,
                   int capacity, double papersDue, DistributionSpec decisionDelay, double scale, List<Route> routes,
                   org.pacesim.calendar.SittingRule rule) implements StageSpec {
        /** Keeps a copy of the dates, so that the spec cannot change after it is made. */
        public Meeting {
            dates = dates.clone();
        }

        /** The listed sitting days (a copy). */
        @Override
        public double[] dates() {
            return dates.clone();
        }

        /** Whether the meeting takes any number of cases per sitting. */
        public boolean unlimited() {
            return capacity == Integer.MAX_VALUE;
        }

        @Override
        public Kind kind() {
            return Kind.MEETING;
        }
    }

    /**
     * Starts one branch per listed stage for the same child; the branches meet again at a {@link Join}.
     *
     * @param branches the first stage of each branch
     */
    record Fork(String name, Location at, String description, List<String> branches) implements StageSpec {
        @Override
        public List<Route> routes() {
            return List.of();
        }

        @Override
        public Kind kind() {
            return Kind.FORK;
        }
    }

    /** Waits until every branch of the child's fork has arrived, then goes on as one child. */
    record Join(String name, Location at, String description, List<Route> routes) implements StageSpec {
        @Override
        public Kind kind() {
            return Kind.JOIN;
        }
    }

    /**
     * Where a child leaves the system.
     *
     * @param outcome e.g. {@code permanence}, {@code home}, {@code no_order}
     * @param order   the legal order made, e.g. {@code POA}, or empty
     */
    record Exit(String name, Location at, String description, String outcome, String order) implements StageSpec {
        @Override
        public List<Route> routes() {
            return List.of();
        }

        @Override
        public Kind kind() {
            return Kind.EXIT;
        }
    }
}
