package org.pacesim.scenario;

import java.util.List;
import java.util.Map;

/**
 * The children already in the system on the first day of a run: today's caseload, so that a run can start from the
 * system as it is rather than empty. Either one row per child from a CSV file, or counts per stage with distributions
 * of the time already spent (when only aggregates are to hand), or both.
 *
 * <p>Times are days <em>before</em> the start of the run: {@code inStage} is how long the child has been in its
 * current stage, {@code sinceAccommodation} how long since the child became looked after (the {@code arrival}
 * milestone, which lies before day 0 for these children). The engine draws each child's remaining time in the stage
 * from the stage's duration distribution conditioned on the time already spent (see
 * {@link org.pacesim.random.Residual}).
 *
 * @param file     the CSV file as named in the scenario, or null
 * @param children one per row of the file
 * @param groups   counts per stage
 * @param at       where {@code caseload:} was written
 */
public record Caseload(String file, List<Child> children, List<Group> groups, Location at) {

    /** How many children the caseload holds. */
    public int size() {
        int n = children.size();
        for (Group g : groups) n += g.count();
        return n;
    }

    /**
     * One child of the caseload.
     *
     * @param at                 the CSV row
     * @param id                 the row's identifier as written (never a real child's)
     * @param stage              the stage the child is in
     * @param inStage            days already spent in that stage
     * @param sinceAccommodation days since the child became looked after
     * @param attributes         attribute levels given (others are drawn from the scenario's shares)
     * @param milestonesAgo      days since milestones already reached, by milestone name
     */
    public record Child(Location at, String id, String stage, double inStage, double sinceAccommodation,
                        Map<String, String> attributes, Map<String, Double> milestonesAgo) {}

    /**
     * A number of children in one stage, known only in aggregate.
     *
     * @param at                 where the group was written
     * @param stage              the stage they are in
     * @param count              how many
     * @param inStage            distribution of the days already spent in the stage
     * @param sinceAccommodation distribution of the days since accommodation (at least the days in the stage)
     * @param attributes         attribute levels they share (others are drawn from the scenario's shares)
     */
    public record Group(Location at, String stage, int count, DistributionSpec inStage,
                        DistributionSpec sinceAccommodation, Map<String, String> attributes) {}
}
