package org.pacesim.stats;

import java.util.List;

/**
 * The summaries across replications of one scenario: the rows of summary.csv, stages.csv and outcomes.csv.
 *
 * @param scenario scenario name
 * @param measures rows of summary.csv
 * @param stages   rows of stages.csv
 * @param outcomes rows of outcomes.csv
 * @param caseloadOutcomes rows of caseload.csv (the share of today's caseload per outcome), empty without one
 */
public record ScenarioSummary(String scenario, List<Summary.MeasureRow> measures, List<Summary.StageRow> stages,
                              List<Summary.OutcomeRow> outcomes, List<Summary.OutcomeRow> caseloadOutcomes) {

    /** Summarises the replications of a scenario. */
    public static ScenarioSummary of(ResultLayout layout, List<ReplicationResult> results) {
        return new ScenarioSummary(layout.scenario(), Summary.measures(layout, results), Summary.stages(layout, results),
                Summary.outcomes(layout, results), Summary.caseloadOutcomes(layout, results));
    }
}
