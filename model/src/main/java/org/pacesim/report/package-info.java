/**
 * What a person reads: results folders ({@code ResultsFolder}), CSV files ({@code ResultFiles},
 * {@code ExperimentFiles}, {@code Csv}), run.json ({@code RunJson}), findings ({@code Findings}), the terminal
 * summary ({@code TerminalReport}), report.html ({@code HtmlReport}, {@code Html}), sensitivity and fit reports,
 * and the caseload's clearance. The charts are in {@link org.pacesim.report.charts}. Uses the results
 * (experiment, stats) and the packages below them, but never the engine: results carry the checked scenario, its
 * graph and the names behind their arrays, nothing that runs. Only cli uses it.
 */
package org.pacesim.report;
