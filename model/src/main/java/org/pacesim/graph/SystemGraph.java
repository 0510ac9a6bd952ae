package org.pacesim.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;
import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.Caseload;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.Problems;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;

/**
 * The system graph of a scenario on JGraphT: a vertex per stage and per arrival source, an edge per route and per
 * fork branch. Building it checks what a list of fields cannot: every stage is reached from an arrival; every stage
 * can reach an exit, for every profile of child (so every loop has a way out); every profile has a route out of
 * every stage it can reach; forks and joins pair up. A {@code SystemGraph} therefore only exists for a scenario
 * that can run.
 */
public final class SystemGraph {
    /** Vertex prefix for arrival sources, which cannot clash with stage names (stage names have no colon). */
    public static final String SOURCE = "arrival:";
    /** Problems of the state-space checks listed before the rest are counted in one line. */
    private static final int LISTED = 20;

    /**
     * An edge of the graph.
     *
     * @param from   source vertex
     * @param to     target stage
     * @param route  the route it stands for, or null for a fork branch
     * @param branch whether it is a fork branch
     */
    public record Edge(String from, String to, Route route, boolean branch) {}

    private final Scenario scenario;
    private final Graph<String, Edge> graph;
    private final Profiles profiles;
    private final Map<String, RouteGroups> groups = new LinkedHashMap<>();
    private final Map<String, String> joinOfFork = new LinkedHashMap<>();
    private final Map<String, Integer> branchesOfJoin = new LinkedHashMap<>();
    private volatile Map<String, String> forkOfStage; // computed on first use, after the checks

    private SystemGraph(Scenario scenario) {
        this.scenario = scenario;
        this.profiles = new Profiles(scenario.attributes(), scenario.file());
        Graph<String, Edge> g = new DirectedPseudograph<>(null, null, false);
        for (ArrivalSource a : scenario.arrivals()) g.addVertex(SOURCE + a.name());
        for (String s : scenario.stages().keySet()) g.addVertex(s);
        for (ArrivalSource a : scenario.arrivals()) {
            for (Route r : a.routes()) g.addEdge(SOURCE + a.name(), r.to(), new Edge(SOURCE + a.name(), r.to(), r, false));
            groups.put(SOURCE + a.name(), new RouteGroups(a.routes(), profiles));
        }
        for (StageSpec s : scenario.stages().values()) {
            for (Route r : s.routes()) g.addEdge(s.name(), r.to(), new Edge(s.name(), r.to(), r, false));
            if (s instanceof StageSpec.Fork f) {
                for (String b : f.branches()) g.addEdge(s.name(), b, new Edge(s.name(), b, null, true));
            }
            groups.put(s.name(), new RouteGroups(s.routes(), profiles));
        }
        this.graph = new AsUnmodifiableGraph<>(g);
    }

    /**
     * Builds and checks the graph of a scenario whose names are already known to resolve.
     *
     * @throws InvalidInputException listing every problem found
     */
    public static SystemGraph of(Scenario scenario) {
        SystemGraph sg = new SystemGraph(scenario);
        Problems problems = new Problems();
        sg.checkReachable(problems);
        if (problems.isEmpty()) sg.checkForks(problems);
        if (problems.isEmpty()) sg.checkEveryProfileLeaves(problems);
        problems.throwIfAny();
        return sg;
    }

    /** The scenario. */
    public Scenario scenario() {
        return scenario;
    }

    /** The graph (read-only). */
    public Graph<String, Edge> graph() {
        return graph;
    }

    /** Attribute profiles. */
    public Profiles profiles() {
        return profiles;
    }

    /** Route groups of a stage or of an arrival source ({@link #SOURCE} + name). */
    public RouteGroups groups(String vertex) {
        return groups.get(vertex);
    }

    /** The join where a fork's branches meet. */
    public String joinOf(String fork) {
        return joinOfFork.get(fork);
    }

    /** How many branches arrive at a join for each child. */
    public int branchesOf(String join) {
        return branchesOfJoin.getOrDefault(join, 0);
    }

    /**
     * Stages in pathway order: a breadth-first order from the arrivals, so reports list stages roughly as a child
     * meets them.
     */
    public List<String> pathwayOrder() {
        LinkedHashSet<String> order = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (ArrivalSource a : scenario.arrivals()) queue.add(SOURCE + a.name());
        while (!queue.isEmpty()) {
            String v = queue.poll();
            for (String n : Graphs.successorListOf(graph, v)) if (order.add(n)) queue.add(n);
        }
        // Stages only a caseload reaches (a caseload-only scenario) follow, from where the caseload starts.
        for (String s : caseloadStages()) {
            if (order.add(s)) queue.add(s);
            while (!queue.isEmpty()) {
                String v = queue.poll();
                for (String n : Graphs.successorListOf(graph, v)) if (order.add(n)) queue.add(n);
            }
        }
        for (String s : scenario.stages().keySet()) order.add(s);
        return List.copyOf(order);
    }

    // ---------------------------------------------------------------- checks

    private void checkReachable(Problems problems) {
        Set<String> reached = new HashSet<>();
        for (ArrivalSource a : scenario.arrivals()) {
            new BreadthFirstIterator<>(graph, SOURCE + a.name()).forEachRemaining(reached::add);
        }
        for (String s : caseloadStages()) new BreadthFirstIterator<>(graph, s).forEachRemaining(reached::add);
        Graph<String, Edge> reversed = new EdgeReversedGraph<>(graph);
        Set<String> leaves = new HashSet<>();
        for (StageSpec s : scenario.stages().values()) {
            if (s instanceof StageSpec.Exit) new BreadthFirstIterator<>(reversed, s.name()).forEachRemaining(leaves::add);
        }
        for (StageSpec s : scenario.stages().values()) {
            if (!reached.contains(s.name())) {
                problems.add(s.at(), "stages." + s.name(), "stage '" + s.name() + "' is never reached: no arrival source"
                        + " or route leads to it", "route to it from another stage, or delete it");
            } else if (!leaves.contains(s.name()) && !(s instanceof StageSpec.Exit)) {
                problems.add(s.at(), "stages." + s.name(), "children who reach stage '" + s.name() + "' can never reach"
                        + " an exit", "give it (or the stages after it) a route that leads to an exit");
            }
        }
    }

    /** Each fork's branches must meet at one join without passing an exit or another fork. */
    private void checkForks(Problems problems) {
        for (StageSpec s : scenario.stages().values()) {
            if (!(s instanceof StageSpec.Fork f)) continue;
            Set<String> joins = new LinkedHashSet<>();
            for (String b : f.branches()) {
                Set<String> seen = new HashSet<>();
                Deque<String> queue = new ArrayDeque<>(List.of(b));
                while (!queue.isEmpty()) {
                    String v = queue.poll();
                    if (!seen.add(v)) continue;
                    StageSpec vs = scenario.stages().get(v);
                    if (vs instanceof StageSpec.Join) {
                        joins.add(v);
                        continue;
                    }
                    if (vs instanceof StageSpec.Exit || vs instanceof StageSpec.Fork) {
                        problems.add(f.at(), "stages." + f.name() + ".branches", "branch '" + b + "' of fork '" + f.name()
                                + "' can reach " + vs.kind() + " '" + v + "' before a join", vs instanceof StageSpec.Fork
                                ? "forks inside a fork's branches are not supported; merge them into one fork"
                                : "every branch must end at the join; route the exit after the join");
                        queue.clear();
                        continue;
                    }
                    queue.addAll(Graphs.successorListOf(graph, v));
                }
            }
            if (joins.size() != 1) {
                problems.add(f.at(), "stages." + f.name() + ".branches", joins.isEmpty()
                        ? "the branches of fork '" + f.name() + "' never reach a join"
                        : "the branches of fork '" + f.name() + "' reach different joins: " + String.join(", ", joins),
                        "make every branch end at the same join stage");
                continue;
            }
            String join = joins.iterator().next();
            if (joinOfFork.containsValue(join)) {
                problems.add(f.at(), "stages." + f.name(), "join '" + join + "' already closes another fork",
                        "give each fork its own join");
            }
            joinOfFork.put(f.name(), join);
            branchesOfJoin.put(join, f.branches().size());
        }
        for (StageSpec s : scenario.stages().values()) {
            if (s instanceof StageSpec.Join && !branchesOfJoin.containsKey(s.name())) {
                problems.add(s.at(), "stages." + s.name(), "join '" + s.name() + "' is not where any fork's branches meet",
                        "make it the end of a fork's branches, or make it a delay with duration 0");
            }
        }
    }

    /** The stages where children of the caseload start, in file order. */
    public Set<String> caseloadStages() {
        Set<String> out = new LinkedHashSet<>();
        Caseload c = scenario.caseload();
        if (c == null) return out;
        for (Caseload.Child ch : c.children()) out.add(ch.stage());
        for (Caseload.Group g : c.groups()) out.add(g.stage());
        return out;
    }

    /**
     * The fork whose branches contain a stage (before their join), or null. A caseload child placed in such a stage
     * is taken to have finished the fork's other branches: a row of the caseload describes one stage only.
     */
    public String forkAround(String stage) {
        if (forkOfStage == null) {
            Map<String, String> m = new LinkedHashMap<>();
            for (Map.Entry<String, String> fj : joinOfFork.entrySet()) {
                StageSpec.Fork f = (StageSpec.Fork) scenario.stages().get(fj.getKey());
                Deque<String> queue = new ArrayDeque<>(f.branches());
                while (!queue.isEmpty()) {
                    String v = queue.poll();
                    if (v.equals(fj.getValue()) || m.putIfAbsent(v, f.name()) != null) continue;
                    queue.addAll(Graphs.successorListOf(graph, v));
                }
            }
            forkOfStage = m;
        }
        return forkOfStage.get(stage);
    }

    /**
     * On the state space of (stage, attribute profile): every state a child can reach has a route for it, and from
     * every such state an exit is reachable through routes of positive probability. This is what makes every loop
     * finite, also where routes depend on attributes or set them.
     */
    private void checkEveryProfileLeaves(Problems problems) {
        StateSpace space = new StateSpace(this);
        Set<String> reported = new HashSet<>();
        int unlisted = 0; // a broken pathway can fail at every stage: list the first few, count the rest
        for (int i : space.withoutRoute) {
            StateSpace.State st = space.states.get(i);
            if (!reported.add(st.vertex())) continue;
            if (problems.size() >= LISTED) {
                unlisted++;
                continue;
            }
            if (st.vertex().startsWith(SOURCE)) {
                ArrivalSource a = sourceNamed(st.vertex().substring(SOURCE.length()));
                problems.add(a.at(), "arrivals." + a.name() + ".to", profiles.describe(st.profile()) + " arrive from '"
                        + a.name() + "' but no route applies to them", "add a route without 'when' for everyone else,"
                        + " or a condition that covers them");
            } else {
                problems.add(scenario.stages().get(st.vertex()).at(), "stages." + st.vertex() + ".next",
                        profiles.describe(st.profile()) + " reach '" + st.vertex() + "' but no route applies to them",
                        "add a route without 'when' for everyone else, or a condition that covers them");
            }
        }
        boolean[] leaves = space.canLeave(this);
        for (int i = 0; i < space.states.size(); i++) {
            StateSpace.State st = space.states.get(i);
            if (leaves[i] || space.withoutRoute.contains(i)) continue;
            if (st.vertex().startsWith(SOURCE) || !reported.add(st.vertex() + "#loop")) continue;
            if (problems.size() >= LISTED) {
                unlisted++;
                continue;
            }
            List<String> loop = space.stagesReachableFrom(i);
            problems.add(scenario.stages().get(st.vertex()).at(), "stages." + st.vertex(), profiles.describe(st.profile())
                    + " who reach '" + st.vertex() + "' can never leave" + (loop.size() > 1 || loop.get(0).equals(st.vertex())
                    ? ": the loop through " + String.join(" -> ", loop) + " has no way out" : ""),
                    "give the loop a way out: a route with probability above 0 that leads on towards an exit");
        }
        if (unlisted > 0) {
            problems.add(Location.of(scenario.file()), "stages", unlisted + " more stage" + (unlisted == 1 ? "" : "s")
                    + " with a route that does not apply or a loop with no way out, not listed",
                    "fix the problems listed and validate again");
        }
    }

    private ArrivalSource sourceNamed(String name) {
        for (ArrivalSource a : scenario.arrivals()) if (a.name().equals(name)) return a;
        throw new IllegalArgumentException(name);
    }

    /** The routes out of a vertex (stage or source). */
    public List<Route> routesOf(String vertex) {
        if (vertex.startsWith(SOURCE)) {
            String name = vertex.substring(SOURCE.length());
            for (ArrivalSource a : scenario.arrivals()) if (a.name().equals(name)) return a.routes();
            return List.of();
        }
        StageSpec s = scenario.stages().get(vertex);
        return s == null ? List.of() : s.routes();
    }
}
