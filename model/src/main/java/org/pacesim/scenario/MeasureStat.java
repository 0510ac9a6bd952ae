package org.pacesim.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The statistics reported per measure and replication (the {@code statistic} column of summary.csv), and the ones
 * an experiment file ({@code compare.statistics}, {@code compare.main}) or {@code pace sensitivity --statistic}
 * may name. Each knows its unit, so that no report tells a duration from a share by the statistic's name.
 */
public enum MeasureStat implements Statistic {
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

    /** Made once: a CSV file of every replication asks for it millions of times. */
    private final String key = name().toLowerCase(Locale.ROOT);

    /** The name as written in CSV files. */
    @Override
    public String key() {
        return key;
    }

    /** Every statistic's name, as a file or the command line writes it. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(MeasureStat::key).toList();
    }

    /** The statistic written {@code key} (e.g. {@code within_target}), or null when there is none. */
    public static MeasureStat of(String key) {
        for (MeasureStat s : values()) if (s.key().equals(key)) return s;
        return null;
    }

    /** Whether the statistic is a duration (days), as opposed to a count or a share. */
    @Override
    public boolean isDuration() {
        return this != N && this != CENSORED && this != WITHIN_TARGET;
    }

    /** Whether the statistic is a share of children (0 to 1), read in percent. */
    @Override
    public boolean isShare() {
        return this == WITHIN_TARGET;
    }

    /**
     * The statistic of a measure in words, by the measure's label in the scenario: "the median time to permanence".
     *
     * @param s       the scenario whose labels name the measure, or null to name it by its id in words
     * @param measure the measure's id
     */
    public String phrase(Scenario s, String measure) {
        return phrase(Labels.inSentence(Labels.measure(s, measure)));
    }

    private String phrase(String measureInWords) {
        return switch (this) {
            case MEAN -> "the mean " + measureInWords;
            case MEDIAN -> "the median " + measureInWords;
            case WITHIN_TARGET -> "the share within target of " + measureInWords;
            case N -> "the number of children completing " + measureInWords;
            case CENSORED -> "the number censored in " + measureInWords;
            default -> "the " + key() + " of " + measureInWords;
        };
    }
}
