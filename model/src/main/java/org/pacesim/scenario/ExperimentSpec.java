package org.pacesim.scenario;

import java.util.List;

/**
 * An experiment: scenarios to compare against a baseline, with common random numbers.
 *
 * @param name          the experiment's name
 * @param description   what it asks (may be empty)
 * @param file          the experiment file as named by the user
 * @param scenarios     scenario files, baseline first (paths resolved against the experiment file)
 * @param replications  replications for every scenario, or 0 to use the baseline's
 * @param seed          seed for every scenario, or 0 to use the baseline's
 * @param horizon       override of run.horizon for all scenarios (days), or NaN
 * @param warmup        override of run.warmup, or NaN
 * @param followUp      override of run.follow_up, or NaN
 * @param measures      measures to compare (empty: every measure the scenarios share)
 * @param statistics    statistics to compare (mean, median, p90, within_target, ...)
 * @param mainMeasure   the measure findings are ranked by
 * @param mainStatistic the statistic findings are ranked by
 * @param charts        charts to draw
 * @param at            where each named thing was written, for messages: [measures, main]
 * @param start         override of run.start for all scenarios, or null
 * @param changesFrom   the date of the interventions' changes that carry none ({@code changes_from}), or null
 * @param runChart      the run charts asked for ({@code run_chart:}), or null for none
 */
public record ExperimentSpec(String name, String description, String file, List<String> scenarios, int replications,
                             long seed, double horizon, double warmup, double followUp, List<String> measures,
                             List<MeasureStat> statistics, String mainMeasure, MeasureStat mainStatistic,
                             List<String> charts,
                             List<Location> at, java.time.LocalDate start, ChangeDate changesFrom,
                             RunChartSpec runChart) {
    /** Statistics compared by default. */
    public static final List<MeasureStat> DEFAULT_STATISTICS = List.of(MeasureStat.MEAN, MeasureStat.MEDIAN,
            MeasureStat.P90, MeasureStat.WITHIN_TARGET);
    /** Charts that can be asked for. */
    public static final List<String> CHARTS = List.of("cumulative", "distribution", "aims", "where_time_goes",
            "queues", "tornado", "timelines", "process_map");
}
