package org.pacesim.stats;

import org.pacesim.scenario.MeasureStat;

/**
 * Everything one replication reports: the one flat record that summaries, CSV files and charts consume. Arrays
 * are indexed as in the {@link ResultLayout} of the run; NaN marks a statistic with no data in this replication
 * (a measure no child completed, utilisation of a stage without capacity).
 *
 * @param replication   replication number (= substream), from 0
 * @param measures      [measure][{@link MeasureStat}]
 * @param stages        [stage][{@link StageStat}]
 * @param outcomes      [outcome] exits per year in [warmup, horizon)
 * @param arrivals      all children who arrived
 * @param cohort        children who arrived in [warmup, horizon)
 * @param cohortExited  cohort children who reached an exit
 * @param censored      cohort children still in the system when the run ended
 * @param events        events executed
 * @param endTime       simulated time at which the run ended (days)
 * @param runaway       why the run was stopped early (a queue past its bound), or null
 * @param caseloadOutcomes share of today's caseload leaving by each outcome, then the share still in the system at
 *                      the end (empty without a caseload)
 */
public record ReplicationResult(int replication, double[][] measures, double[][] stages, double[] outcomes,
                                long arrivals, long cohort, long cohortExited, long censored, long events,
                                double endTime, String runaway, double[] caseloadOutcomes) {

    /** Whether every cohort child is accounted for: arrived = exited + censored. */
    public boolean conserves() {
        return cohort == cohortExited + censored;
    }
}
