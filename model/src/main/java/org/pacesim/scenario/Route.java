package org.pacesim.scenario;

/**
 * One way out of a stage (an edge of the system graph). Routes sharing the same {@code when} form a group whose
 * probabilities sum to 1; a child takes the group of the first condition it meets, in the order written, or the
 * group of routes without a condition.
 *
 * @param label optional name of the route, for milestones ({@code exit: S, label: L}) and {@code route} changes
 * @param when  optional condition on the child's attributes
 * @param p     probability within the route's group
 * @param to    the stage entered next
 * @param after optional delay before entering {@code to} (e.g. rescheduling a cancelled review), or null
 * @param set   attributes the child takes on when it follows this route (e.g. the plan chosen at a review),
 *              attribute to level; empty for none
 * @param at    where the route was written
 */
public record Route(String label, Condition when, double p, String to, DistributionSpec after,
                    java.util.Map<String, String> set, Location at) {}
