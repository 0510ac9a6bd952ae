package org.pacesim.stats;

import java.util.List;
import java.util.Map;

/**
 * One child's journey through the stages, for drawing a timeline: the simulated twin of the PACE "visual
 * timeline". Only a small, fixed sample of children is ever kept as journeys. Times are in days since the child
 * entered the system (became looked after).
 *
 * @param child      the child's id within its replication (the same arrival has the same id in every scenario run
 *                   with the same seed, as long as the arrival sources are unchanged)
 * @param arrival    when the child arrived (days since the start of the run)
 * @param exit       the exit stage reached, or empty when the child was still in the system at the end
 * @param permanence whether that exit's outcome is permanence
 * @param segments   the stages in the order entered; parallel branches overlap in time
 * @param milestones milestone times reached, by milestone name (arrival, at 0, included)
 */
public record Journey(long child, double arrival, String exit, boolean permanence, List<Segment> segments,
                      Map<String, Double> milestones) {

    /**
     * A stay in one stage.
     *
     * @param stage the stage
     * @param enter when the child entered it
     * @param start when work started (a resource was free, the meeting heard the case); equal to {@code enter}
     *              for stages without capacity, and to {@code leave} for a join
     * @param leave when the child left it (NaN while still there at the end)
     */
    public record Segment(String stage, double enter, double start, double leave) {}

    /** The day the journey ended: at its exit, or at the end of its last segment. */
    public double end() {
        double end = 0;
        for (Segment s : segments) end = Math.max(end, Double.isNaN(s.leave()) ? s.enter() : s.leave());
        return end;
    }
}
