package org.pacesim.records;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.Graphs;
import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.MilestoneSpec;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;

/**
 * Where each milestone of a scenario sits on its system graph, and so which milestones come before which: the order
 * that a child's recorded dates must follow.
 *
 * <p>A milestone is a point between stages. {@code enter: S} is reached as the child enters S; {@code exit: S} as it
 * leaves S (by the route labelled, if one is named), on its way to the stages those routes lead to; {@code arrival}
 * on the way into the stages the arrival sources lead to; an outcome at the exits with that outcome. Milestone A
 * <em>precedes</em> B when B can be reached after A but A cannot be reached after B: then a child who has both
 * reached A first, whichever way it went.
 */
public final class Pathway {
    private final Scenario scenario;
    private final SystemGraph graph;
    private final Map<String, Set<String>> at = new HashMap<>();     // stages where the milestone is reached
    private final Map<String, Set<String>> after = new HashMap<>();  // stages a child is in just after it
    private final Map<String, Set<String>> reach = new HashMap<>();  // stage -> stages reachable from it (itself too)

    /** The milestones of a scenario whose graph is built. */
    public Pathway(SystemGraph graph) {
        this.graph = graph;
        this.scenario = graph.scenario();
        for (MilestoneSpec m : scenario.milestones().values()) place(m);
    }

    private void place(MilestoneSpec m) {
        Set<String> here = new LinkedHashSet<>();
        Set<String> next = new LinkedHashSet<>();
        switch (m.event()) {
            case ARRIVAL -> scenario.arrivals().forEach(a -> a.routes().forEach(r -> next.add(r.to())));
            case ENTER -> {
                here.add(m.stage());
                next.add(m.stage());
            }
            case EXIT -> {
                here.add(m.stage());
                for (Route r : scenario.stages().get(m.stage()).routes()) {
                    if (m.label() == null || m.label().equals(r.label())) next.add(r.to());
                }
            }
            case OUTCOME -> {
                for (StageSpec s : scenario.stages().values()) {
                    if (s instanceof StageSpec.Exit x && x.outcome().equals(m.outcome())) here.add(s.name());
                }
            }
            default -> throw new IllegalStateException(m.event().toString());
        }
        at.put(m.name(), here);
        after.put(m.name(), next);
    }

    /** The scenario. */
    public Scenario scenario() {
        return scenario;
    }

    /** The system graph. */
    public SystemGraph graph() {
        return graph;
    }

    /** The stages a child is in just after reaching the milestone. */
    public Set<String> after(String milestone) {
        return after.get(milestone);
    }

    /** The stages where the milestone is reached (entered, left, or the exits of its outcome). */
    public Set<String> at(String milestone) {
        return at.get(milestone);
    }

    /** Whether milestone {@code b} can be reached after milestone {@code a}. */
    public boolean canFollow(String a, String b) {
        for (String from : after.get(a)) {
            Set<String> r = reachable(from);
            for (String to : at.get(b)) if (r.contains(to)) return true;
        }
        return false;
    }

    /** Whether every child who reaches both reaches {@code a} first (or on the same day). */
    public boolean precedes(String a, String b) {
        if (a.equals(b)) return false;
        if (b.equals(MilestoneSpec.ARRIVAL)) return false;
        if (a.equals(MilestoneSpec.ARRIVAL)) return true;
        return canFollow(a, b) && !canFollow(b, a);
    }

    /** The stages reachable from {@code stage}, itself included, along routes and fork branches. */
    public Set<String> reachable(String stage) {
        return reach.computeIfAbsent(stage, s -> {
            Set<String> seen = new HashSet<>(List.of(s));
            Deque<String> queue = new ArrayDeque<>(List.of(s));
            while (!queue.isEmpty()) {
                for (String n : Graphs.successorListOf(graph.graph(), queue.poll())) if (seen.add(n)) queue.add(n);
            }
            return seen;
        });
    }
}
