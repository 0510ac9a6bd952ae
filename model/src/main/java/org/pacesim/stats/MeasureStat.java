package org.pacesim.stats;

import java.util.Locale;

/** The statistics reported per measure and replication (the {@code statistic} column of summary.csv). */
public enum MeasureStat {
    /** Cohort children with both milestones (completed intervals). */
    N,
    /** Cohort children who reached the start milestone and were still in the system at the end of follow-up. */
    CENSORED,
    /** Mean of completed intervals (days). */
    MEAN,
    /** Median of completed intervals (days). */
    MEDIAN,
    /** 10th percentile (days). */
    P10,
    /** 25th percentile (days). */
    P25,
    /** 75th percentile (days). */
    P75,
    /** 90th percentile (days). */
    P90,
    /**
     * Share of children within the target: completed within target over (completed + censored past the target). A
     * censored child (still waiting when the run ended) who had already waited longer than the target counts as
     * not within it; one who had waited less is unknown (it might yet have made it) and is left out of the share.
     */
    WITHIN_TARGET;

    /** The name as written in CSV files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the statistic is a duration (days), as opposed to a count or a share. */
    public boolean isDuration() {
        return this != N && this != CENSORED && this != WITHIN_TARGET;
    }
}
