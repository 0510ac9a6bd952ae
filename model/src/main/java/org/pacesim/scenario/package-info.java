/**
 * Scenario files: safe YAML loading, {@code extends} and {@code changes}, and a validated, immutable
 * {@link org.pacesim.scenario.Scenario}, with every problem located (file, line, column, path) and a fix.
 *
 * <p>What lives where:
 * <ul>
 *   <li>loading: {@code YamlLoader} (safe, located nodes), {@code ScenarioLoader} (parents merged, changes applied
 *       by {@code Changes}), {@code ExperimentLoader} (experiment files);</li>
 *   <li>reading, one reader per section, called by {@code ScenarioBuilder} in order: {@code RunReader},
 *       {@code CalendarReader}, {@code AttributeReader}, {@code ResourceReader}, {@code StageReader} (with
 *       {@code RouteReader} for routes), {@code ArrivalReader}, {@code MilestoneReader}, {@code MeasureReader},
 *       {@code CaseloadReader}; then {@code NameCheck} checks every name used against what is declared;</li>
 *   <li>single values: {@code Fields} (a map's keys), {@code Values}, {@code Durations}, {@code DistributionParser},
 *       {@code ConditionParser}, and {@code AttributeLevels}, the one check of an attribute's level;</li>
 *   <li>the model read: {@code Scenario} and its records ({@code RunSettings}, {@code Attribute},
 *       {@code ResourceSpec}, {@code StageSpec}, {@code Route}, {@code ArrivalSource}, {@code MilestoneSpec},
 *       {@code MeasureSpec}, {@code Caseload}, {@code CalendarSpec}, {@code DistributionSpec});</li>
 *   <li>uncertainty: {@code UncertaintySpec} (an {@code uncertainty:} block, read by {@code UncertaintyReader}),
 *       {@code ValueRange} (a value's range), {@code TaggedValues} and {@code AssumedTag} (values tagged as
 *       assumed), {@code DesignChanges} (a design point's values written as changes);</li>
 *   <li>statistics a file or the command line may name: {@code MeasureStat}, a {@code Statistic} that knows its
 *       unit (so no report tells a duration from a share by its name);</li>
 *   <li>problems: {@code Problem}, {@code Problems}, {@code InvalidInputException}, {@code Location},
 *       {@code Names} (did-you-mean hints).</li>
 * </ul>
 * Depends on {@code calendar} only; the engine, graph and everything after read what this package builds.
 */
package org.pacesim.scenario;
