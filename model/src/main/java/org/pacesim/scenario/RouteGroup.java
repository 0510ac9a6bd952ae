package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Routes that share a condition (or have none): their probabilities sum to 1, and a child takes exactly one of
 * them. The one place where routes are grouped, for the checks on reading and for routing.
 *
 * @param when    the group's condition, or null for the routes without one
 * @param members indices of the group's routes, in the order written
 */
public record RouteGroup(Condition when, List<Integer> members) {

    /** The groups of a stage's routes, in order of first appearance. */
    public static List<RouteGroup> of(List<Route> routes) {
        List<Condition> keys = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            Condition c = routes.get(i).when();
            int g = -1;
            for (int k = 0; k < keys.size() && g < 0; k++) {
                if (c == null ? keys.get(k) == null : c.sameAs(keys.get(k))) g = k;
            }
            if (g < 0) {
                keys.add(c);
                members.add(new ArrayList<>());
                g = keys.size() - 1;
            }
            members.get(g).add(i);
        }
        List<RouteGroup> out = new ArrayList<>();
        for (int g = 0; g < keys.size(); g++) out.add(new RouteGroup(keys.get(g), List.copyOf(members.get(g))));
        return out;
    }
}
