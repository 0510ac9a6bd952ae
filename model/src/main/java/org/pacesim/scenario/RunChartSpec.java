package org.pacesim.scenario;

import java.util.List;

/**
 * What an experiment's run charts show ({@code run_chart:}): the monthly series a site would plot, and the run-chart
 * rules applied to them.
 *
 * @param measures       the measures charted (empty: the main measure and every measure with a target)
 * @param mainMeasure    the measure of the sentence in the findings, or null for the experiment's main measure
 * @param mainStatistic  its statistic: {@code median} or {@code within_target}
 * @param within         the months after the change the sentence speaks of
 * @param baselineMonths the fewest baseline points the median is frozen on
 * @param shift          points in a shift
 * @param trend          points in a trend
 * @param astronomical   how far beyond the baseline's range a point must be, as a multiple of the range
 */
public record RunChartSpec(List<String> measures, String mainMeasure, MeasureStat mainStatistic, int within,
                           int baselineMonths, int shift, int trend, double astronomical) {
    /** The statistics a run chart can plot. */
    public static final List<MeasureStat> STATISTICS = List.of(MeasureStat.MEDIAN, MeasureStat.WITHIN_TARGET);

    /** The guidance's rules, the main measure's median, and a sentence about the first year. */
    public static final RunChartSpec DEFAULT = new RunChartSpec(List.of(), null, MeasureStat.MEDIAN, 12, 12, 6, 5, 0.5);
}
