package org.pacesim.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.pacesim.scenario.Condition;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.RouteGroup;

/**
 * The route group each profile takes out of one stage: routes sharing a condition form a group; a child takes the
 * first group (in the order written) whose condition it meets, else the group without a condition.
 *
 * <p>Conditions on the child's age ({@code age < 5}) are judged when the child leaves, on its age then: the ages the
 * stage's conditions name cut the ages into classes ({@code age < 5} and {@code age < 12} make under 5, 5 to 12 and
 * 12 and over), each condition holds for whole classes, and a group is chosen per profile and age class. A stage
 * whose conditions do not look at the age has one class, so its routing is by profile alone.
 */
public final class RouteGroups {
    private final List<int[]> groups = new ArrayList<>();
    private final double[] ageBounds;
    private final int[] groupOf;

    /** Groups {@code routes} and assigns each profile and age class its group (-1 when no group applies). */
    public RouteGroups(List<Route> routes, Profiles profiles) {
        List<Condition> keys = new ArrayList<>();
        TreeSet<Double> bounds = new TreeSet<>();
        for (RouteGroup g : RouteGroup.of(routes)) {
            keys.add(g.when());
            groups.add(g.members().stream().mapToInt(Integer::intValue).toArray());
            Condition.AgeRange a = g.when() == null ? null : g.when().age();
            if (a != null) {
                if (Double.isFinite(a.from())) bounds.add(a.from());
                if (Double.isFinite(a.to())) bounds.add(a.to());
            }
        }
        ageBounds = bounds.stream().mapToDouble(Double::doubleValue).toArray();
        int classes = ageBounds.length + 1;
        groupOf = new int[profiles.count() * classes];
        for (int p = 0; p < profiles.count(); p++) {
            for (int k = 0; k < classes; k++) {
                // Every bound is a class boundary, so a condition's range holds for all of a class or none of it.
                double from = k == 0 ? Double.NEGATIVE_INFINITY : ageBounds[k - 1];
                int chosen = -1;
                for (int g = 0; g < keys.size() && chosen < 0; g++) {
                    Condition c = keys.get(g);
                    if (c != null && profiles.holds(c, p) && (c.age() == null || c.age().holds(from))) {
                        chosen = g;
                    }
                }
                for (int g = 0; g < keys.size() && chosen < 0; g++) {
                    if (keys.get(g) == null) chosen = g;
                }
                groupOf[p * classes + k] = chosen;
            }
        }
    }

    /** The number of groups. */
    public int count() {
        return groups.size();
    }

    /** The route indices of group {@code g}. */
    public int[] group(int g) {
        return groups.get(g);
    }

    /** The ages (days) at which the group a child takes may change, ascending; empty when no condition names one. */
    public double[] ageBounds() {
        return ageBounds.clone();
    }

    /** The number of age classes: one more than the bounds. */
    public int ageClasses() {
        return ageBounds.length + 1;
    }

    /** The age class of a child {@code age} days old. */
    public int ageClass(double age) {
        int k = 0;
        while (k < ageBounds.length && age >= ageBounds[k]) k++;
        return k;
    }

    /** The group profile {@code p} takes in age class {@code k}, or -1 if none applies. */
    public int groupOf(int p, int k) {
        return groupOf[p * ageClasses() + k];
    }
}
