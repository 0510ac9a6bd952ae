package org.pacesim.scenario;

/**
 * How a scenario is run. All times in days.
 *
 * @param horizon      arrivals stop here; time-weighted statistics are taken over [warmup, horizon)
 * @param warmup       children arriving before this are not in the cohort (the system fills up first)
 * @param followUp     how long after the horizon the cohort is followed before the rest are censored
 * @param replications independent replications (one substream each)
 * @param seed         the experiment seed; every random stream derives from it and its own key
 * @param queueLimit   a replication stops with an error when any queue exceeds this, or the number of children in
 *                     the system exceeds ten times this (a runaway queue, rather than running out of memory)
 * @param start        the date of day 0, or null: needed for calendars, working days, sittings on calendar rules,
 *                     capacity schedules and arrival rates by month
 */
public record RunSettings(double horizon, double warmup, double followUp, int replications, long seed,
                          int queueLimit, java.time.LocalDate start) {
    /** Default follow-up after the horizon: 20 years. */
    public static final double DEFAULT_FOLLOW_UP = 20 * Durations.YEAR;
    /** Default number of replications. */
    public static final int DEFAULT_REPLICATIONS = 100;
    /** Default runaway bound. */
    public static final int DEFAULT_QUEUE_LIMIT = 100_000;
    /** Replications above this are refused up front. */
    public static final int MAX_REPLICATIONS = 1_000_000;
    /** The largest experiment seed: one below MRG32k3a's first modulus, 4294967087. */
    public static final long MAX_SEED = 4294967086L;
    /** What a good seed looks like, for messages. */
    public static final String SEED_HELP = "a whole number from 1 to " + MAX_SEED + ", e.g. 20130101";

    /** The same settings with other replications and seed (command-line overrides). */
    public RunSettings with(Integer replications, Long seed) {
        return new RunSettings(horizon, warmup, followUp, replications == null ? this.replications : replications,
                seed == null ? this.seed : seed, queueLimit, start);
    }

    /** Length of the observation window [warmup, horizon) in days. */
    public double window() {
        return horizon - warmup;
    }
}
