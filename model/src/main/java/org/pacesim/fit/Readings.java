package org.pacesim.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pacesim.graph.SystemGraph;
import org.pacesim.records.Pathway;
import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.DistributionSpec;
import org.pacesim.scenario.MilestoneSpec;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;

/**
 * Which stages' times can be read from which recorded milestones: the mapping from a template's pathway to an
 * authority's records.
 *
 * <p>A stage S can be read when both ends of a child's stay are recorded. Its <em>entry</em> is read from
 * {@code enter: S}; from {@code exit: P} when S's only way in is a route from P without an {@code after} delay
 * (labelled as the milestone says); from {@code arrival} when only arrival sources lead to S, all of their routes
 * to S; or, going further back, from the entry of its only predecessor P when P has no other way out, adding P's
 * time. That added time is known per child when P is fixed ({@code 1w}, {@code 0d}) or an {@code until} on a
 * recorded milestone; otherwise P's time is <em>free</em> and the reading spans P and S (an interval, reported, not
 * a stage's value). Its <em>leaving</em> is read, route by route, from {@code exit: S} (all routes, or those with the
 * label named), or from {@code enter: T} for a route to T without {@code after}; a route left without a marker is
 * still read when the stage's leaving is recorded as a whole and it is the only such route (a child who left S and
 * reached none of the other routes' markers took it). A stage in a loop is not read: a milestone records its first
 * date only.
 */
public final class Readings {
    private final Pathway pathway;
    private final Scenario scenario;
    private final List<String> recorded;
    private final Map<String, Reading> readings = new LinkedHashMap<>();
    private final Map<String, String> unread = new LinkedHashMap<>();

    /** How a child's entry into a stage is read: a milestone's day, then steps for the stages in between. */
    public record Entry(String milestone, List<Step> steps, List<String> free) {}

    /**
     * A stage passed on the way: a fixed time, or the wait until a milestone plus an offset.
     *
     * @param stage     the stage
     * @param days      its fixed time, or the offset after the milestone for an {@code until}
     * @param milestone for an {@code until}, the milestone waited for, else null
     */
    public record Step(String stage, double days, String milestone) {}

    /**
     * One way a stay ends, as recorded.
     *
     * @param milestone the milestone that marks it, or null for the one route read by elimination
     * @param label     the route's label (the cause in competing risks), or the target stage when unlabelled
     */
    public record Leaving(String milestone, String label) {}

    /**
     * A stage that can be read.
     *
     * @param stage    the stage
     * @param entry    how its entry is read
     * @param leavings how its leaving is read, one per way out (several routes may share a label)
     * @param whole    a milestone that records every leaving of the stage, or null
     * @param sources  for an entry read from {@code arrival}: the sources whose children enter it; else empty
     */
    public record Reading(String stage, Entry entry, List<Leaving> leavings, String whole, List<String> sources) {
        /** Whether free stages lie between the recorded entry and this stage, so that only the interval is read. */
        public boolean interval() {
            return !entry.free().isEmpty();
        }

        /** The stages the reading spans, in pathway order (this stage last). */
        public List<String> spans() {
            List<String> s = new ArrayList<>(entry.free());
            s.add(stage);
            return s;
        }
    }

    /** The readings for records with these milestone columns. */
    public Readings(Pathway pathway, List<String> recorded) {
        this.pathway = pathway;
        this.scenario = pathway.scenario();
        this.recorded = List.copyOf(recorded);
        for (String s : pathway.graph().pathwayOrder()) {
            StageSpec spec = scenario.stages().get(s);
            if (spec == null || spec instanceof StageSpec.Exit || spec instanceof StageSpec.Fork) continue;
            read(spec);
        }
    }

    /** The stages that can be read, in pathway order. */
    public Map<String, Reading> readings() {
        return readings;
    }

    /** The stages with a time of their own that cannot be read, with the reason, in pathway order. */
    public Map<String, String> unread() {
        return unread;
    }

    private void read(StageSpec s) {
        if (inLoop(s.name())) {
            unread(s, "children can come back to it, and a milestone records only its first date");
            return;
        }
        List<Leaving> leavings = new ArrayList<>();
        String whole = milestone(MilestoneSpec.Event.EXIT, s.name(), null);
        int unmarked = 0;
        for (Route r : s.routes()) {
            String label = r.label() != null ? r.label() : r.to();
            String m = r.label() == null ? null : milestone(MilestoneSpec.Event.EXIT, s.name(), r.label());
            if (m == null && r.after() == null) m = milestone(MilestoneSpec.Event.ENTER, r.to(), null);
            if (m == null) unmarked++;
            leavings.add(new Leaving(m, label));
        }
        if (unmarked > 0 && (whole == null || unmarked > 1 || distinctUnmarked(leavings) > 1)) {
            List<String> marked = leavings.stream().filter(l -> l.milestone() != null).map(Leaving::milestone).distinct()
                    .toList();
            unread(s, whole == null ? (marked.isEmpty() ? "no recorded milestone marks leaving it (one such as {exit: "
                    + s.name() + "} would)" : "only some ways out of it are recorded (" + String.join(", ", marked)
                    + "); {exit: " + s.name() + "} would record the others too")
                    : "its ways out are not told apart (label its routes and record {exit: " + s.name() + ", label: ...})");
            return;
        }
        Entry entry = entry(s.name(), new ArrayList<>(), new ArrayList<>(), 0);
        if (entry == null) {
            unread(s, "no recorded milestone marks entering it (one such as {enter: " + s.name() + "} would)");
            return;
        }
        List<String> sources = new ArrayList<>();
        if (entry.milestone().equals(MilestoneSpec.ARRIVAL)) {
            for (ArrivalSource a : scenario.arrivals()) {
                if (a.routes().stream().anyMatch(r -> r.to().equals(first(entry, s.name())))) sources.add(a.name());
            }
        }
        readings.put(s.name(), new Reading(s.name(), entry, List.copyOf(leavings), whole, List.copyOf(sources)));
    }

    /**
     * Notes a stage that cannot be read, if it has a time of its own to fit: a fixed or {@code until} delay, a
     * fork or a join has none, so only stages with a distribution, services and meetings are listed.
     */
    private void unread(StageSpec s, String why) {
        boolean free = s instanceof StageSpec.Service || s instanceof StageSpec.Meeting
                || s instanceof StageSpec.Delay d && d.duration() != null && !(d.duration() instanceof DistributionSpec.Fixed);
        if (free) unread.put(s.name(), why);
    }

    private static String first(Entry e, String stage) {
        if (!e.steps().isEmpty()) return e.steps().get(0).stage();
        if (!e.free().isEmpty()) return e.free().get(0);
        return stage;
    }

    private static long distinctUnmarked(List<Leaving> leavings) {
        return leavings.stream().filter(l -> l.milestone() == null).map(Leaving::label).distinct().count();
    }

    /** How entry into {@code stage} is read, walking back through single ways in; null when it cannot be. */
    private Entry entry(String stage, List<Step> steps, List<String> free, int depth) {
        String enter = milestone(MilestoneSpec.Event.ENTER, stage, null);
        if (enter != null) return new Entry(enter, reversed(steps), reversed(free));
        if (depth > scenario.stages().size()) return null;
        List<SystemGraph.Edge> in = List.copyOf(pathway.graph().graph().incomingEdgesOf(stage));
        if (in.isEmpty()) return null;
        if (in.stream().allMatch(e -> e.from().startsWith(SystemGraph.SOURCE) && e.route().after() == null)) {
            if (!recorded.contains(MilestoneSpec.ARRIVAL)) return null;
            for (SystemGraph.Edge e : in) {
                List<Route> all = pathway.graph().routesOf(e.from());
                if (!all.stream().allMatch(r -> r.to().equals(stage))) return null; // the source also goes elsewhere
            }
            return new Entry(MilestoneSpec.ARRIVAL, reversed(steps), reversed(free));
        }
        if (in.size() != 1 || in.get(0).branch() || in.get(0).from().startsWith(SystemGraph.SOURCE)) return null;
        SystemGraph.Edge e = in.get(0);
        if (e.route().after() != null) return null;
        String exit = milestone(MilestoneSpec.Event.EXIT, e.from(), e.route().label());
        if (exit != null) return new Entry(exit, reversed(steps), reversed(free));
        StageSpec p = scenario.stages().get(e.from());
        if (p.routes().stream().anyMatch(r -> !r.to().equals(stage)) || p instanceof StageSpec.Join || inLoop(p.name())) {
            return null;
        }
        if (p instanceof StageSpec.Delay d && d.until() != null && recorded.contains(d.until().milestone())) {
            steps.add(new Step(p.name(), d.until().plus(), d.until().milestone()));
        } else if (p instanceof StageSpec.Delay d && d.duration() instanceof DistributionSpec.Fixed f) {
            steps.add(new Step(p.name(), f.days() * d.scale(), null));
        } else {
            free.add(p.name());
        }
        return entry(p.name(), steps, free, depth + 1);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> r = new ArrayList<>(list);
        java.util.Collections.reverse(r);
        return List.copyOf(r);
    }

    /** A recorded milestone of this event at this stage (with this label, or none), or null. */
    private String milestone(MilestoneSpec.Event event, String stage, String label) {
        for (String name : recorded) {
            MilestoneSpec m = scenario.milestones().get(name);
            if (m.event() == event && stage.equals(m.stage()) && java.util.Objects.equals(label, m.label()) && !m.last()) {
                return name;
            }
        }
        return null;
    }

    private boolean inLoop(String stage) {
        for (String next : org.jgrapht.Graphs.successorListOf(pathway.graph().graph(), stage)) {
            Set<String> r = pathway.reachable(next);
            if (r.contains(stage)) return true;
        }
        return false;
    }
}
