/**
 * Results, free of the engine: what one replication measured ({@code ReplicationResult}, collected by
 * {@code MeasureCollector}; {@code ReplicationDetail} for charts), the names behind its arrays
 * ({@code ResultLayout}), the typed statistics of a stage ({@code StageStat}; a measure's are the scenario's {@code MeasureStat}), and summaries over
 * replications: confidence intervals, percentiles, paired comparisons and curves ({@code Summary},
 * {@code ScenarioSummary}, {@code Comparison}, {@code Quantiles}, {@code Band}, {@code IncidenceCurve},
 * {@code LevelHistory}, {@code Journey}); partial rank correlations of a design's inputs with an output
 * ({@code Prcc}). Uses scenario and calendar.
 */
package org.pacesim.stats;
