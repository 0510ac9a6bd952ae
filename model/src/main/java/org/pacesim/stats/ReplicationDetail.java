package org.pacesim.stats;

import java.util.List;

import org.pacesim.scenario.Durations;

/**
 * What the charts need of one replication beyond its summary figures, each of a size fixed in advance (a few
 * hundred numbers per replication, whatever the number of children), so that it can be kept for every
 * replication of every scenario:
 * <ul>
 *   <li>the cumulative incidence of permanence among the cohort, month by month since entry
 *       ({@link IncidenceCurve});</li>
 *   <li>the number waiting at each capacity-limited stage, averaged month by month of the run
 *       ({@link LevelHistory});</li>
 *   <li>where the time to permanence goes: per stage, the mean time a cohort child who reached permanence spent
 *       waiting there and being worked on there;</li>
 *   <li>per stage, the share of the cohort passing through it;</li>
 *   <li>for replication 0 only, a fixed sample of children's journeys.</li>
 * </ul>
 *
 * @param replication         the replication number
 * @param permanenceIncidence share of the cohort that has reached permanence by month k since entry, k = 0 ..
 *                            {@link #INCIDENCE_MONTHS}
 * @param waiting             per stage (as {@link ResultLayout#stages()}), the mean number waiting in each month
 *                            of the run from time 0 to the horizon; null for stages without a queue
 * @param stageWait           per stage, mean days a child who reached permanence spent waiting there (for a
 *                            resource, a sitting, its other branches, or the date of the next step)
 * @param stageWork           per stage, mean days such a child spent in the stage itself
 * @param permanenceChildren  cohort children who reached permanence (the denominator of the two above)
 * @param passing             per stage, the share of cohort children who entered it at least once
 * @param journeys            sample journeys (replication 0), else empty
 * @param months              each calendar month's run-chart points, or null when the command draws no run charts
 *                            (they are most of a replication's detail)
 */
public record ReplicationDetail(int replication, double[] permanenceIncidence, double[][] waiting, double[] stageWait,
                                double[] stageWork, long permanenceChildren, double[] passing,
                                List<Journey> journeys, MonthlyPoints months) {
    /** The grid step of every curve: one month, in days. */
    public static final double MONTH = Durations.MONTH;
    /** Months since entry covered by the cumulative incidence curve (ten years). */
    public static final int INCIDENCE_MONTHS = 120;
    /** Cohort children of replication 0 whose journeys are kept, the first to arrive in the cohort. */
    public static final int JOURNEY_CANDIDATES = 400;
}
