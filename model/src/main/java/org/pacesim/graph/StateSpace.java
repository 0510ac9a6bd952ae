package org.pacesim.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.random.Distributions;
import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.Attribute;
import org.pacesim.scenario.Caseload;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.StageSpec;

/**
 * The states a child can be in: (stage, attribute profile) pairs reachable from the arrival sources. Routes depend
 * on attributes and may set them (a plan chosen at a review), so what a child can do next depends on both; the
 * checks that every child can leave every loop, and the expected flows, are made on this space.
 */
final class StateSpace {
    /**
     * A state.
     *
     * @param vertex  a stage, or an arrival source ({@link SystemGraph#SOURCE} + name)
     * @param profile the attribute profile
     */
    record State(String vertex, int profile) {}

    /**
     * A possible move.
     *
     * @param from   state index
     * @param to     state index
     * @param weight expected entries into {@code to} per entry into {@code from}
     */
    record Move(int from, int to, double weight) {}

    final List<State> states = new ArrayList<>();
    final List<Move> moves = new ArrayList<>();
    /** States (indices) that a child reaches but where no route group applies to its profile. */
    final List<Integer> withoutRoute = new ArrayList<>();
    private final Map<State, Integer> index = new HashMap<>();

    StateSpace(SystemGraph sg) {
        Profiles profiles = sg.profiles();
        Deque<Integer> queue = new ArrayDeque<>();
        for (ArrivalSource a : sg.scenario().arrivals()) {
            for (int p = 0; p < profiles.count(); p++) {
                if (profiles.probability(a, p) > 0) queue.add(add(new State(SystemGraph.SOURCE + a.name(), p)));
            }
        }
        Caseload caseload = sg.scenario().caseload();
        if (caseload != null) {
            for (Caseload.Child c : caseload.children()) seed(c.stage(), c.attributes(), profiles, queue);
            for (Caseload.Group g : caseload.groups()) seed(g.stage(), g.attributes(), profiles, queue);
        }
        while (!queue.isEmpty()) {
            int i = queue.poll();
            State s = states.get(i);
            StageSpec stage = sg.scenario().stages().get(s.vertex());
            if (stage instanceof StageSpec.Exit) continue;
            if (stage instanceof StageSpec.Fork f) {
                for (String b : f.branches()) move(i, new State(b, s.profile()), 1.0, queue);
                continue;
            }
            RouteGroups rg = sg.groups(s.vertex());
            // A child may be of any age at any stage (it ages while it waits), so every age class's routes are
            // moves; the expected flows weight them by the class of the profile's typical age on arrival.
            double[] weight = new double[rg.count()];
            boolean[] taken = new boolean[rg.count()];
            int typical = rg.ageClass(typicalAge(profiles, s.profile()));
            boolean missing = false;
            for (int k = 0; k < rg.ageClasses(); k++) {
                int g = rg.groupOf(s.profile(), k);
                if (g < 0) {
                    missing = true;
                    continue;
                }
                taken[g] = true;
                if (k == typical) weight[g] += 1;
            }
            if (missing) {
                withoutRoute.add(i);
                continue;
            }
            // A join passes on one child for all its branches: each branch entry carries 1/branches of it.
            double share = stage instanceof StageSpec.Join ? 1.0 / Math.max(1, sg.branchesOf(stage.name())) : 1.0;
            List<Route> routes = sg.routesOf(s.vertex());
            for (int g = 0; g < taken.length; g++) {
                if (!taken[g]) continue;
                for (int k : rg.group(g)) {
                    Route r = routes.get(k);
                    if (r.p() <= 0) continue;
                    move(i, new State(r.to(), profiles.after(s.profile(), r.set())), r.p() * share * weight[g], queue);
                }
            }
        }
    }

    /** The median age on arrival of a child of profile {@code p} (days), or 0 when children have no age. */
    private static double typicalAge(Profiles profiles, int p) {
        List<Attribute> as = profiles.attributes();
        for (int a = 0; a < as.size(); a++) {
            if (as.get(a).isAgeBand()) {
                return Distributions.implied(as.get(a).ages().get(as.get(a).levels().get(profiles.level(p, a))))
                        .median();
            }
        }
        return 0;
    }

    /** Seeds the states of caseload children: every profile with the levels given (the rest are drawn). */
    private void seed(String stage, Map<String, String> given, Profiles profiles, Deque<Integer> queue) {
        for (int p = 0; p < profiles.count(); p++) {
            boolean fits = true;
            for (Map.Entry<String, String> e : given.entrySet()) {
                int a = profiles.indexOf(e.getKey());
                fits &= profiles.level(p, a) == profiles.attributes().get(a).indexOf(e.getValue());
            }
            State s = new State(stage, p);
            if (fits && !index.containsKey(s)) queue.add(add(s));
        }
    }

    private void move(int from, State to, double weight, Deque<Integer> queue) {
        Integer j = index.get(to);
        if (j == null) {
            j = add(to);
            queue.add(j);
        }
        moves.add(new Move(from, j, weight));
    }

    private int add(State s) {
        index.put(s, states.size());
        states.add(s);
        return states.size() - 1;
    }

    Integer indexOf(State s) {
        return index.get(s);
    }

    /** States from which an exit can be reached. */
    boolean[] canLeave(SystemGraph sg) {
        List<List<Integer>> into = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) into.add(new ArrayList<>());
        for (Move m : moves) into.get(m.to()).add(m.from());
        boolean[] leaves = new boolean[states.size()];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < states.size(); i++) {
            if (sg.scenario().stages().get(states.get(i).vertex()) instanceof StageSpec.Exit) {
                leaves[i] = true;
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            for (int f : into.get(queue.poll())) {
                if (!leaves[f]) {
                    leaves[f] = true;
                    queue.add(f);
                }
            }
        }
        return leaves;
    }

    /** The stages reachable from state {@code i} (for describing a loop with no way out). */
    List<String> stagesReachableFrom(int i) {
        List<List<Integer>> out = new ArrayList<>();
        for (int k = 0; k < states.size(); k++) out.add(new ArrayList<>());
        for (Move m : moves) out.get(m.from()).add(m.to());
        boolean[] seen = new boolean[states.size()];
        Deque<Integer> queue = new ArrayDeque<>(List.of(i));
        seen[i] = true;
        List<String> names = new ArrayList<>();
        while (!queue.isEmpty()) {
            int s = queue.poll();
            if (!names.contains(states.get(s).vertex())) names.add(states.get(s).vertex());
            for (int t : out.get(s)) {
                if (!seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return names;
    }
}
