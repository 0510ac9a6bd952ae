package org.pacesim.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.pacesim.random.Distributions;
import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.ResourceSpec;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;

/**
 * Expected flows, computed before any simulation: the mean number of entries to each stage per year (solving the
 * routing as a Markov chain, per attribute profile, loops included) and from them each resource's and meeting's
 * offered load. This is how {@code validate} and {@code run} warn of overload before running: a load at or above
 * 1 means the queue grows without bound.
 */
public final class FlowModel {
    private final Map<String, Double> entriesPerYear = new LinkedHashMap<>();
    private final Map<String, Load> loads = new LinkedHashMap<>();

    /**
     * The offered load of a resource or meeting.
     *
     * @param name        the resource or meeting stage
     * @param kind        "resource" or "meeting"
     * @param demand      demand per year (server-years of work, or cases)
     * @param capacity    capacity per year in the same unit
     */
    public record Load(String name, String kind, double demand, double capacity) {
        /** Demand over capacity; at or above 1 the queue grows without bound. */
        public double utilisation() {
            return demand / capacity;
        }

        /** The load in words, e.g. {@code 1.31 of capacity (2.6 busy on average, 2 servers)}. */
        public String describe() {
            return kind.equals("resource")
                    ? String.format(java.util.Locale.ROOT, "%.2f of capacity (%.1f busy on average, %s)",
                            utilisation(), demand, capacity == Math.rint(capacity)
                                    ? String.format(java.util.Locale.ROOT, "%.0f server%s", capacity, capacity == 1 ? "" : "s")
                                    : String.format(java.util.Locale.ROOT, "%.2f servers on average over the run", capacity))
                    : String.format(java.util.Locale.ROOT, "%.2f of capacity (%.1f cases/year, %.1f places/year)",
                            utilisation(), demand, capacity);
        }

        /** Whether demand reaches capacity. */
        public boolean overloaded() {
            return utilisation() >= 1.0;
        }
    }

    /** Computes the flows of a checked graph. */
    public FlowModel(SystemGraph graph) {
        Scenario s = graph.scenario();
        // Visits per day to each (stage, profile) state: v = e + M'v, with e the arrivals per day into the sources.
        StateSpace space = new StateSpace(graph);
        int n = space.states.size();
        double[] entry = new double[n];
        for (ArrivalSource a : s.arrivals()) {
            for (int p = 0; p < graph.profiles().count(); p++) {
                Integer i = space.indexOf(new StateSpace.State(SystemGraph.SOURCE + a.name(), p));
                if (i != null) entry[i] += a.meanRatePerDay(s.run().start(), s.run().horizon())
                        * graph.profiles().probability(a, p);
            }
        }
        RealVector visits = solve(space, entry);
        for (String name : s.stages().keySet()) entriesPerYear.put(name, 0.0);
        for (int i = 0; i < n; i++) {
            String v = space.states.get(i).vertex();
            if (entriesPerYear.containsKey(v)) entriesPerYear.merge(v, visits.getEntry(i) * Durations.YEAR, Double::sum);
        }

        for (ResourceSpec r : s.resources().values()) {
            double busyYears = 0;
            for (StageSpec st : s.stages().values()) {
                if (st instanceof StageSpec.Service sv && sv.resource().equals(r.name())) {
                    busyYears += entriesPerYear.get(st.name()) * Distributions.implied(sv.duration()).mean()
                            * sv.scale() / Durations.YEAR;
                }
            }
            loads.put(r.name(), new Load(r.name(), "resource", busyYears, r.meanCapacity(s.run().start(), s.run().horizon())));
        }
        for (StageSpec st : s.stages().values()) {
            if (st instanceof StageSpec.Meeting mt && !mt.unlimited()) {
                double sittingsPerYear = mt.rule() != null ? mt.rule().perYear() : mt.dates().length > 0
                        ? mt.dates().length / Math.max(s.run().horizon() / Durations.YEAR, 1e-9)
                        : Durations.YEAR / mt.every();
                loads.put(st.name(), new Load(st.name(), "meeting", entriesPerYear.get(st.name()),
                        sittingsPerYear * mt.capacity()));
            }
        }
    }

    /**
     * Solves v = e + M'v. Iterating the flows along the moves converges geometrically (every loop leaks towards
     * an exit) and costs little on the sparse state graph; the dense LU solution is the fallback for a chain that
     * converges too slowly, such as a loop left with probability near 1.
     */
    private static RealVector solve(StateSpace space, double[] entry) {
        int n = entry.length;
        double[] v = entry.clone();
        for (int sweep = 0; sweep < 20_000; sweep++) {
            double[] next = entry.clone();
            for (StateSpace.Move mv : space.moves) next[mv.to()] += mv.weight() * v[mv.from()];
            double change = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
                change = Math.max(change, Math.abs(next[i] - v[i]));
                size = Math.max(size, Math.abs(next[i]));
            }
            v = next;
            if (change <= 1e-14 * Math.max(size, 1e-300)) return new ArrayRealVector(v, false);
        }
        RealMatrix m = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) m.setEntry(i, i, 1.0);
        for (StateSpace.Move mv : space.moves) m.addToEntry(mv.to(), mv.from(), -mv.weight());
        try {
            return new LUDecomposition(m).getSolver().solve(new ArrayRealVector(entry, false));
        } catch (SingularMatrixException e) {
            return new ArrayRealVector(n); // a loop with no way out; the graph checks report it
        }
    }

    /** Expected entries per year of each stage (all children, in steady state). */
    public Map<String, Double> entriesPerYear() {
        return entriesPerYear;
    }

    /** Offered loads of resources and capacity-limited meetings. */
    public Map<String, Load> loads() {
        return loads;
    }

    /** Loads at or above capacity, as warnings. */
    public List<String> warnings() {
        return loads.values().stream().filter(Load::overloaded)
                .map(l -> l.name() + ": offered load " + l.describe() + "; its queue grows without bound").toList();
    }
}
