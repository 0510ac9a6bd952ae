package org.pacesim.stats;

import java.util.Locale;

import org.pacesim.scenario.Statistic;

/** The statistics reported per stage and replication (the {@code statistic} column of stages.csv). */
public enum StageStat implements Statistic {
    /** Mean wait for a resource or a sitting per entry made in [warmup, horizon) (days). */
    WAIT_MEAN,
    /** Mean time from entering to leaving the stage, per entry made in [warmup, horizon) (days). */
    TIME_IN_STAGE_MEAN,
    /** Time-average number waiting for a resource or a sitting over [warmup, horizon). */
    QUEUE_LENGTH_MEAN,
    /** Time-average number in the stage (waiting or being worked on) over [warmup, horizon). */
    IN_STAGE_MEAN,
    /** Busy share of the stage's resource, or heard share of a meeting's places, over [warmup, horizon) (0..1). */
    UTILISATION,
    /** Entries made in [warmup, horizon), per year. */
    ENTRIES_PER_YEAR;

    /** Made once: a CSV file of every replication asks for it millions of times. */
    private final String key = name().toLowerCase(Locale.ROOT);

    /** The name as written in CSV files. */
    @Override
    public String key() {
        return key;
    }

    /** Whether the statistic is a duration (days). */
    @Override
    public boolean isDuration() {
        return this == WAIT_MEAN || this == TIME_IN_STAGE_MEAN;
    }

    /** Whether the statistic is a share (0 to 1): the utilisation. */
    @Override
    public boolean isShare() {
        return this == UTILISATION;
    }
}
