package org.pacesim.scenario;

/**
 * A statistic of the results files (the {@code statistic} column of summary.csv, stages.csv and comparison.csv):
 * a measure's ({@link MeasureStat}) or a stage's. It knows its name there and its unit, so that no report has to
 * tell a duration from a share by the statistic's name.
 */
public interface Statistic {
    /** The name as written in CSV files, e.g. {@code within_target}. */
    String key();

    /** Whether the statistic is a duration (days). */
    boolean isDuration();

    /** Whether the statistic is a share (0 to 1), read in percent. */
    boolean isShare();

    /** The factor from the unit stored (days, a share from 0 to 1, a count) to the unit read (weeks, percent). */
    default double readingScale() {
        return isDuration() ? 1 / Durations.WEEK : isShare() ? 100 : 1;
    }

    /** The unit a difference is read in: "weeks", "percentage points", or "" for a count. */
    default String differenceUnit() {
        return isDuration() ? "weeks" : isShare() ? "percentage points" : "";
    }
}
