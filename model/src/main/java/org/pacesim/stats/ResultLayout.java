package org.pacesim.stats;

import java.util.List;

import org.pacesim.scenario.StageSpec;

/**
 * The names behind the indices of {@link ReplicationResult} arrays, shared by all replications of a scenario.
 *
 * @param scenario  scenario name
 * @param measures  measure names
 * @param targets   measure targets in days (NaN when none), one per measure
 * @param stages    stage names, in pathway order
 * @param stageKinds stage kinds, one per stage
 * @param outcomes  outcome labels, e.g. {@code permanence/POA}
 * @param years     length of the observation window in years (for per-year rates)
 */
public record ResultLayout(String scenario, List<String> measures, double[] targets, List<String> stages,
                           List<StageSpec.Kind> stageKinds, List<Outcome> outcomes, double years) {

    /**
     * An outcome and the order made, a row of outcomes.csv.
     *
     * @param outcome e.g. permanence
     * @param order   e.g. POA, or empty
     */
    public record Outcome(String outcome, String order) {
        /** As one label. */
        public String label() {
            return order.isEmpty() ? outcome : outcome + " (" + order + ")";
        }
    }
}
