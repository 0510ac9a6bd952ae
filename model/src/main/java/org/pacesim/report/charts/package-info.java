/**
 * The workshop charts (XChart and the project's own SVG writer), each as PNG and SVG: {@code Charts} draws those
 * asked for, one class per chart ({@code CumulativeChart}, {@code DistributionChart}, {@code AimsChart},
 * {@code TimeSpentChart}, {@code QueuesChart}, {@code TimelineChart}, {@code ProcessMapChart},
 * {@code TornadoChart}), on shared pieces ({@code Figure}, {@code Plot}, {@code Legend}, {@code Palette},
 * {@code Svg}, {@code SvgWriter}, {@code Png}, {@code ProcessMap}, {@code Graphviz}, {@code StageColours} for the
 * charts split by stage, {@code Runs} for the scenarios and their line colours). Uses the results; report
 * places the charts in report.html.
 */
package org.pacesim.report.charts;
