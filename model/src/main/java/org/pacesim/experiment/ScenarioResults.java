package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.pacesim.engine.Model;
import org.pacesim.graph.FlowModel;
import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.Scenario;
import org.pacesim.stats.ReplicationDetail;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.ResultLayout;
import org.pacesim.stats.ScenarioSummary;
import org.pacesim.stats.StageStat;
import org.pacesim.stats.Summary;

/**
 * A scenario run to completion: what it was (its checked graph and the names behind the result arrays),
 * per-replication results, summaries across replications, and the warnings raised before and after the run. It
 * holds nothing that runs: reports and charts read it without knowing the engine.
 *
 * @param graph        the checked scenario's graph (the scenario itself is {@link #scenario()})
 * @param layout       the names behind the result arrays: measures, targets, stages and their kinds, outcomes
 * @param flows        expected flows and offered loads (before the run)
 * @param replications per-replication results, in replication order
 * @param details      per-replication detail for charts, in replication order (empty when not gathered)
 * @param summary      summaries across replications
 * @param warnings     overload warnings, before and after the run
 * @param threads      threads used
 * @param seconds      wall time of the simulation
 */
public record ScenarioResults(SystemGraph graph, ResultLayout layout, FlowModel flows, List<ReplicationResult> replications,
                              List<ReplicationDetail> details, ScenarioSummary summary, List<String> warnings, int threads, double seconds) {

    /**
     * A scenario checked and compiled, ready to run.
     *
     * @param model the compiled scenario
     * @param flows expected flows and offered loads
     */
    public record Prepared(Model model, FlowModel flows) {
        /** Checks and compiles a scenario. */
        public static Prepared of(Scenario scenario) {
            SystemGraph graph = SystemGraph.of(scenario);
            return new Prepared(Model.compile(graph), new FlowModel(graph));
        }
    }

    /**
     * Runs a scenario's replications 0..n-1 (n from its run settings).
     *
     * @param scenario a loaded scenario (replications and seed already overridden as wanted)
     * @param threads  worker threads
     * @param progress told the number of replications done, or null
     * @param warn     told each overload warning before the simulation starts, or null
     */
    public static ScenarioResults run(Scenario scenario, int threads, IntConsumer progress, Consumer<String> warn) {
        return run(scenario, threads, progress, warn, false);
    }

    /**
     * Runs a scenario's replications, gathering the detail charts need when {@code detail} is set (the figures are
     * the same either way).
     */
    public static ScenarioResults run(Scenario scenario, int threads, IntConsumer progress, Consumer<String> warn,
                                      boolean detail) {
        Prepared p = Prepared.of(scenario);
        if (warn != null) p.flows().warnings().forEach(warn);
        long t0 = System.nanoTime();
        int n = scenario.run().replications();
        if (!detail) {
            return of(p, ScenarioRun.run(p.model(), n, threads, progress), List.of(), threads,
                    (System.nanoTime() - t0) / 1e9);
        }
        return ofCompleted(p, ScenarioRun.runWithDetail(p.model(), 0, n, threads, progress), threads,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Summarises replications already run, without detail. */
    public static ScenarioResults of(Prepared p, List<ReplicationResult> results, int threads, double seconds) {
        return of(p, results, List.of(), threads, seconds);
    }

    /** Summarises replications already run with their detail. */
    public static ScenarioResults ofCompleted(Prepared p, List<ScenarioRun.Completed> completed, int threads,
                                              double seconds) {
        return of(p, completed.stream().map(ScenarioRun.Completed::result).toList(),
                completed.stream().map(ScenarioRun.Completed::detail).toList(), threads, seconds);
    }

    /** Summarises replications already run (with their detail, or an empty list). */
    public static ScenarioResults of(Prepared p, List<ReplicationResult> results, List<ReplicationDetail> details,
                                     int threads, double seconds) {
        return summarise(p.model().graph(), p.model().layout(), p.flows(), results, details, threads, seconds);
    }

    private static ScenarioResults summarise(SystemGraph graph, ResultLayout layout, FlowModel flows,
                                             List<ReplicationResult> results, List<ReplicationDetail> details,
                                             int threads, double seconds) {
        ScenarioSummary summary = ScenarioSummary.of(layout, results);
        List<String> warnings = new ArrayList<>(flows.warnings());
        for (Summary.StageRow r : summary.stages()) {
            if (r.statistic() == StageStat.UTILISATION && r.estimate().mean() >= 0.98) {
                warnings.add(String.format(Locale.ROOT, "%s: measured utilisation %.2f over the window; its queue is"
                        + " at or near saturation and results are sensitive to the horizon", r.stage(),
                        r.estimate().mean()));
            }
        }
        return new ScenarioResults(graph, layout, flows, List.copyOf(results), List.copyOf(details), summary,
                List.copyOf(warnings), threads, seconds);
    }

    /**
     * The same scenario with more replications appended (they must continue the numbering); their detail is kept
     * only when both runs gathered it.
     */
    public ScenarioResults extend(List<ScenarioRun.Completed> more, double moreSeconds) {
        List<ReplicationResult> all = new ArrayList<>(replications);
        more.forEach(c -> all.add(c.result()));
        List<ReplicationDetail> allDetails = new ArrayList<>();
        if (!details.isEmpty() && more.stream().allMatch(c -> c.detail() != null)) {
            allDetails.addAll(details);
            more.forEach(c -> allDetails.add(c.detail()));
        }
        return summarise(graph, layout, flows, all, allDetails, threads, seconds + moreSeconds);
    }

    /** The checked scenario that was run. */
    public Scenario scenario() {
        return graph.scenario();
    }

    /** The name of the scenario that was run. */
    public String name() {
        return graph.scenario().name();
    }

    /** How many children the scenario's caseload holds (0 without one). */
    public int caseloadSize() {
        return scenario().caseload() == null ? 0 : scenario().caseload().size();
    }

    /** Whether the detail for charts was gathered. */
    public boolean hasDetail() {
        return !details.isEmpty();
    }

    /** Total events over all replications. */
    public long events() {
        return replications.stream().mapToLong(ReplicationResult::events).sum();
    }
}
