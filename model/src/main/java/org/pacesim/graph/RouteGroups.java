package org.pacesim.graph;

import java.util.ArrayList;
import java.util.List;

import org.pacesim.scenario.Condition;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.RouteGroup;

/**
 * The route group each profile takes out of one stage: routes sharing a condition form a group; a child takes the
 * first group (in the order written) whose condition it meets, else the group without a condition.
 */
public final class RouteGroups {
    private final List<int[]> groups = new ArrayList<>();
    private final int[] groupOfProfile;

    /** Groups {@code routes} and assigns each profile its group (-1 when no group applies). */
    public RouteGroups(List<Route> routes, Profiles profiles) {
        List<Condition> keys = new ArrayList<>();
        for (RouteGroup g : RouteGroup.of(routes)) {
            keys.add(g.when());
            groups.add(g.members().stream().mapToInt(Integer::intValue).toArray());
        }
        groupOfProfile = new int[profiles.count()];
        for (int p = 0; p < profiles.count(); p++) {
            int chosen = -1;
            for (int g = 0; g < keys.size() && chosen < 0; g++) {
                if (keys.get(g) != null && profiles.holds(keys.get(g), p)) chosen = g;
            }
            for (int g = 0; g < keys.size() && chosen < 0; g++) {
                if (keys.get(g) == null) chosen = g;
            }
            groupOfProfile[p] = chosen;
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

    /** The group profile {@code p} takes, or -1 if none applies. */
    public int groupOf(int p) {
        return groupOfProfile[p];
    }
}
