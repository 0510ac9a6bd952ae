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

    /** The kind as written in files: delay, service, meeting, fork, join, exit. */
    String kind();

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
        public String kind() {
            return "delay";
        }
    }

    /**
     * The {@code until:} form of a delay: go on at the milestone's time plus {@code plus} days, or at once if that
     * time has passed or the milestone was never reached.
     *
     * @param milestone the milestone's name
     * @param plus      offset in days
     */
    record Until(String milestone, double plus) {}

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
        public String kind() {
            return "service";
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
        /** Whether the meeting takes any number of cases per sitting. */
        public boolean unlimited() {
            return capacity == Integer.MAX_VALUE;
        }

        @Override
        public String kind() {
            return "meeting";
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
        public String kind() {
            return "fork";
        }
    }

    /** Waits until every branch of the child's fork has arrived, then goes on as one child. */
    record Join(String name, Location at, String description, List<Route> routes) implements StageSpec {
        @Override
        public String kind() {
            return "join";
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
        public String kind() {
            return "exit";
        }
    }
}
