/**
 * Running replications in parallel and what is built on them: one scenario's results ({@code ScenarioRun},
 * {@code ScenarioResults}), experiments with common random numbers ({@code Experiment}), sensitivity
 * ({@code Sensitivity}), uncertainty analysis over ranges of the assumed values ({@code Uncertainty},
 * {@code UncertaintyDesign}, {@code UncertaintySummary}), calibration ({@code Calibration}), a fitted scenario checked against records
 * ({@code FitCheck}), and recorders that watch a run ({@code DetailRecorder}, {@code RecordsRecorder}). Uses every
 * package below it (scenario, graph, random, stats, engine, records, fit, calendar); report, bench and cli use it.
 */
package org.pacesim.experiment;
