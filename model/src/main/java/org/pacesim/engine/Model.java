package org.pacesim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.calendar.HolidayCalendar;
import org.pacesim.calendar.WorkingCalendar;
import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.Attribute;
import org.pacesim.scenario.CalendarSpec;
import org.pacesim.scenario.Caseload;
import org.pacesim.scenario.DistributionSpec;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.MeasureSpec;
import org.pacesim.scenario.MilestoneSpec;
import org.pacesim.scenario.ResourceSpec;
import org.pacesim.scenario.RunSettings;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.ResultLayout;

/**
 * A scenario compiled for the engine: names resolved to array indices once, so that the per-event path does no
 * look-ups by name. Immutable and shared read-only by all replications (threads) of a run.
 */
public final class Model {
    final Scenario scenario;
    final SystemGraph graph;
    final RunSettings run;
    /** The stages, in pathway order (the order of the result arrays). */
    final CompiledStage[] stages;
    final Source[] sources;
    final Resource[] resources;
    final double[][] attributeProbabilities;
    final String[] attributeNames;
    final boolean[] lastOccurrence;  // per milestone
    final int milestoneCount;
    final int arrivalMilestone;
    /** The measures of new entrants; with a caseload, its twins and its two clearance measures follow them. */
    final CompiledMeasure[] measures;
    /** Index of {@code caseload.clearance} (start to any outcome), or -1 without a caseload. */
    final int clearanceMeasure;
    /** Milestone of reaching permanence, or -1. */
    final int permanenceMilestone;
    final Placed[] caseload;
    final PlacedGroup[] caseloadGroups;
    final ResultLayout layout;
    /** Real dates and working days, or null for a scenario without a start date. */
    final WorkingCalendar calendar;
    /** The switch to the rules of the scenario's dated changes, or null when the rules hold all through the run. */
    final Switch change;

    /**
     * The rules of a scenario's dated changes, taken up part-way through a run. {@link #stages} and the sources'
     * routings are the rules before; at {@code at} every stage with an entry here takes it up, in place, so that a
     * child already in a stage finishes there (a removed stage keeps its old rules for those in it; no route leads
     * to it any more), and every source routes by its new routing.
     *
     * @param at      the day the changes take effect
     * @param stages  per stage, its rules from then on, or null where it has none (a removed stage)
     * @param sources per arrival source, its routing from then on
     */
    record Switch(double at, CompiledStage[] stages, Routing[] sources) {}

    /**
     * A measure compiled: an interval between two milestones, for some profiles.
     *
     * @param from    the milestone it starts at
     * @param to      the milestone it ends at
     * @param counts  per profile, whether a child of that profile counts (null: every child)
     * @param working whether it counts working days
     */
    record CompiledMeasure(int from, int to, boolean[] counts, boolean working) {}

    /**
     * A child of the caseload, placed in its stage at the start.
     *
     * @param stage              stage index
     * @param inStage            days already spent in it
     * @param sinceAccommodation days since accommodation
     * @param levels             level per attribute, or -1 when drawn
     * @param milestonesAgo      days since each milestone (NaN when not reached or not known)
     */
    record Placed(int stage, double inStage, double sinceAccommodation, int[] levels, double[] milestonesAgo) {}

    /**
     * Caseload children known in aggregate: their times are drawn per replication.
     *
     * @param stage              stage index
     * @param count              how many
     * @param inStage            days already spent in the stage
     * @param sinceAccommodation days since accommodation
     * @param levels             level per attribute, or -1 when drawn
     */
    record PlacedGroup(int stage, int count, DistributionSpec inStage, DistributionSpec sinceAccommodation,
                       int[] levels) {}

    /**
     * One group of routes out of a stage for a set of profiles.
     *
     * @param cumulative      cumulative probabilities (last is 1)
     * @param to              target stage per route
     * @param after           optional delay per route (null entries for none)
     * @param leaveMilestones milestones recorded when leaving by each route
     * @param setAttribute    per route, the attributes it sets (null when none)
     * @param setLevel        per route, the levels it sets them to
     */
    record Group(double[] cumulative, int[] to, DistributionSpec[] after, int[][] leaveMilestones,
                 int[][] setAttribute, int[][] setLevel) {}

    /**
     * The routing of a stage or source.
     *
     * @param groupOfProfile group index per profile (and age class: {@code profile * classes + class})
     * @param groups         the groups
     * @param ageBounds      the ages (days) that divide the age classes, ascending; empty when no route looks at
     *                       the age, and then a profile alone chooses the group
     */
    record Routing(int[] groupOfProfile, Group[] groups, double[] ageBounds) {
        /** The group a child of {@code profile}, {@code age} days old, takes. */
        int groupOf(int profile, double age) {
            if (ageBounds.length == 0) return groupOfProfile[profile];
            int k = 0;
            while (k < ageBounds.length && age >= ageBounds[k]) k++;
            return groupOfProfile[profile * (ageBounds.length + 1) + k];
        }
    }

    /**
     * A compiled arrival source.
     *
     * @param name       name
     * @param ratePerDay rate
     * @param times      listed arrival times, or empty for Poisson arrivals
     * @param fixedLevel level per attribute, or -1 when drawn
     * @param routing    where arrivals go
     * @param profile    how the rate varies by month and year, or null for a constant rate
     */
    record Source(String name, double ratePerDay, double[] times, int[] fixedLevel, Routing routing,
                  RateProfile profile) {
        /** Arrivals a day at the busiest: the rate in its busiest month, or the listed times over the horizon. */
        double busiestPerDay(double horizon) {
            return times.length > 0 ? times.length / horizon : ratePerDay * (profile == null ? 1 : profile.max());
        }
    }

    /**
     * A rate that varies by calendar month and by year:
     * lambda(t) = rate x byMonth[month of t] x (1 + trend)^(t / 365.25).
     *
     * @param monthStarts day of the first of each month from the start's month until after the horizon
     * @param multiplier  the month's multiplier, per entry of monthStarts
     * @param trend       yearly compound change
     * @param max         the largest lambda(t) / rate over [0, horizon], for thinning
     */
    record RateProfile(double[] monthStarts, double[] multiplier, double trend, double max) {
        double factor(double t, int month) {
            return multiplier[month] * (trend == 0 ? 1 : Math.pow(1 + trend, t / org.pacesim.scenario.Durations.YEAR));
        }
    }

    /**
     * A compiled resource.
     *
     * @param name      name
     * @param capacity  servers
     * @param priorityAttribute attribute index ordering the queue, or -1 for FIFO
     * @param rankOfLevel queue class per level of that attribute (0 served first)
     * @param classes   number of queue classes
     * @param changeAt  times at which a capacity schedule changes the capacity (empty without a schedule)
     * @param changeTo  the capacity from each of those times
     */
    record Resource(String name, int capacity, int priorityAttribute, int[] rankOfLevel, int classes,
                    double[] changeAt, int[] changeTo) {}

    /**
     * Compiles a checked scenario graph. A scenario whose dated changes fall at or before day 0 runs exactly as if
     * they had no date; one whose changes fall at or after the end of the follow-up runs exactly as its rules before
     * them; otherwise both rules are compiled over the union of their stages, with a {@link Switch} at the date.
     */
    public static Model compile(SystemGraph graph) {
        Scenario s = graph.scenario();
        if (s.dated() == null || s.changeDay() <= 0) return new Model(graph, null, 0);
        if (s.changeDay() >= s.run().horizon() + s.run().followUp()) {
            return new Model(SystemGraph.of(s.dated().before()), null, 0);
        }
        return new Model(graph, SystemGraph.of(s.dated().before()), s.changeDay());
    }

    /**
     * @param graph  the scenario's graph
     * @param before the graph of its rules before {@code at}, or null when its rules hold all through
     * @param at     the day its dated changes take effect
     */
    private Model(SystemGraph graph, SystemGraph before, double at) {
        this.graph = graph;
        this.scenario = graph.scenario();
        this.run = scenario.run();
        this.calendar = run.start() == null ? null : calendar(scenario);
        List<Attribute> attrs = scenario.attributes();
        this.attributeNames = attrs.stream().map(Attribute::name).toArray(String[]::new);
        this.attributeProbabilities = attrs.stream().map(Attribute::probabilities).toArray(double[][]::new);
        Scenario initial = before == null ? scenario : before.scenario();
        Map<String, Integer> resourceIndex = new HashMap<>();
        List<ResourceSpec> rs = new ArrayList<>(scenario.resources().values());
        this.resources = new Resource[rs.size()];
        for (int i = 0; i < rs.size(); i++) {
            resourceIndex.put(rs.get(i).name(), i);
            ResourceSpec first = initial.resources().getOrDefault(rs.get(i).name(), rs.get(i));
            resources[i] = resource(first, before == null ? null : rs.get(i), at, attrs);
        }
        List<MilestoneSpec> ms = new ArrayList<>(scenario.milestones().values());
        this.milestoneCount = ms.size();
        this.lastOccurrence = new boolean[ms.size()];
        for (int i = 0; i < ms.size(); i++) lastOccurrence[i] = ms.get(i).last();

        List<String> order = before == null ? graph.pathwayOrder()
                : StageCompiler.union(before.pathwayOrder(), graph.pathwayOrder());
        LinkedHashMap<ResultLayout.Outcome, Integer> outcomes = new LinkedHashMap<>();
        StageCompiler compiler = new StageCompiler(before == null ? graph : before, order, outcomes);
        this.arrivalMilestone = compiler.milestone(MilestoneSpec.ARRIVAL);
        Integer perm = compiler.milestone(MilestoneSpec.PERMANENCE);
        this.permanenceMilestone = perm == null ? -1 : perm;
        CompiledStage[] first = compiler.stages(resourceIndex, calendar);
        this.sources = new Source[scenario.arrivals().size()];
        for (int k = 0; k < sources.length; k++) {
            ArrivalSource a = initial.arrivals().get(k);
            sources[k] = new Source(a.name(), a.ratePerDay(), a.times(), levels(attrs, a.fixed()),
                    compiler.routing(a.routes(), compiler.graph().groups(SystemGraph.SOURCE + a.name()), null),
                    a.varies() ? rateProfile(a) : null);
        }
        if (before == null) {
            this.stages = first;
            this.change = null;
        } else {
            // A stage only the new rules have (inserted) is there from the start, and no one is routed to it before
            // the date; a stage only the old rules have (removed) keeps them for the children already in it.
            StageCompiler later = new StageCompiler(graph, order, outcomes);
            CompiledStage[] next = later.stages(resourceIndex, calendar);
            this.stages = new CompiledStage[order.size()];
            CompiledStage[] switched = new CompiledStage[order.size()];
            for (int i = 0; i < stages.length; i++) {
                stages[i] = first[i] != null ? first[i] : next[i];
                switched[i] = first[i] != null ? next[i] : null;
            }
            Routing[] routings = new Routing[sources.length];
            for (int k = 0; k < sources.length; k++) {
                ArrivalSource a = scenario.arrivals().get(k);
                routings[k] = later.routing(a.routes(), graph.groups(SystemGraph.SOURCE + a.name()), null);
            }
            this.change = new Switch(at, switched, routings);
        }
        this.measures = scenario.measures().values().stream().map(m -> new CompiledMeasure(compiler.milestone(m.from()),
                compiler.milestone(m.to()), counts(m), m.workingDays())).toArray(CompiledMeasure[]::new);
        List<MeasureSpec> reported = scenario.reportedMeasures();
        List<String> measureNames = reported.stream().map(MeasureSpec::name).toList();
        double[] targets = reported.stream().mapToDouble(MeasureSpec::target).toArray();
        Caseload cl = initial.caseload(); // placed at day 0, by the rules in force then
        if (cl == null) {
            this.caseload = new Placed[0];
            this.caseloadGroups = new PlacedGroup[0];
            this.clearanceMeasure = -1;
        } else {
            // The caseload is a cohort of its own: each measure again for it, then how long it takes to clear.
            this.clearanceMeasure = measureNames.indexOf(MeasureSpec.CLEARANCE);
            this.caseload = cl.children().stream().map(c -> new Placed(compiler.stage(c.stage()), c.inStage(),
                    c.sinceAccommodation(), levels(attrs, c.attributes()), ago(ms, c.milestonesAgo())))
                    .toArray(Placed[]::new);
            this.caseloadGroups = cl.groups().stream().map(g -> new PlacedGroup(compiler.stage(g.stage()), g.count(),
                    g.inStage(), g.sinceAccommodation(), levels(attrs, g.attributes()))).toArray(PlacedGroup[]::new);
        }
        List<String> stageNames = new ArrayList<>();
        List<StageSpec.Kind> kinds = new ArrayList<>();
        for (CompiledStage s : stages) {
            stageNames.add(s.name());
            kinds.add(s.spec().kind());
        }
        this.layout = new ResultLayout(scenario.name(), List.copyOf(measureNames), targets, List.copyOf(stageNames),
                List.copyOf(kinds), List.copyOf(outcomes.keySet()), run.window() / Durations.YEAR);
    }

    /**
     * A resource with its queue classes by the priority attribute's levels, and its capacity over the run.
     *
     * @param then its spec from {@code at} on (dated changes), or null when {@code r} holds all through
     */
    private Resource resource(ResourceSpec r, ResourceSpec then, double at, List<Attribute> attrs) {
        int pa = -1;
        int[] rank = new int[0];
        int classes = 1;
        if (r.priorityBy() != null) {
            for (int a = 0; a < attrs.size(); a++) if (attrs.get(a).name().equals(r.priorityBy())) pa = a;
            Attribute attr = attrs.get(pa);
            rank = new int[attr.levels().size()];
            classes = r.priorityOrder().size() + 1;
            for (int l = 0; l < rank.length; l++) {
                int k = r.priorityOrder().indexOf(attr.levels().get(l));
                rank[l] = k < 0 ? classes - 1 : k;
            }
        }
        double[][] steps = capacitySteps(r, then, at);
        int[] to = new int[steps[1].length];
        for (int k = 0; k < to.length; k++) to[k] = (int) steps[1][k];
        return new Resource(r.name(), r.capacity(), pa, rank, classes, steps[0], to);
    }

    /** Per profile, whether a child of it counts in measure {@code m}; null when every child does. */
    private boolean[] counts(MeasureSpec m) {
        if (m.when() == null) return null;
        boolean[] counts = new boolean[graph.profiles().count()];
        for (int p = 0; p < counts.length; p++) counts[p] = graph.profiles().holds(m.when(), p);
        return counts;
    }

    /** The run's working calendar: far enough back for the caseload's past, and on past the follow-up. */
    private static WorkingCalendar calendar(Scenario s) {
        double back = 366;
        if (s.caseload() != null) {
            for (Caseload.Child c : s.caseload().children()) back = Math.max(back, c.sinceAccommodation() + 366);
            for (Caseload.Group g : s.caseload().groups()) {
                back = Math.max(back, org.pacesim.random.Distributions.implied(g.sinceAccommodation()).p90() * 3 + 366);
            }
        }
        CalendarSpec c = s.calendar();
        HolidayCalendar holidays = c == null ? new HolidayCalendar("weekends only", List.of(), Map.of()) : c.holidays();
        int after = (int) Math.ceil(s.run().horizon() + s.run().followUp()) + 2 * 366;
        return new WorkingCalendar(s.run().start(), holidays, c == null ? List.of() : c.closures(),
                (int) Math.min(Math.ceil(back), 120 * 366), after);
    }

    /**
     * A resource's capacity as steps over the run: {change times, capacities from then on}. A schedule is read day by
     * day; dated changes add a step at their date, when the capacity (or the schedule) they set takes over.
     */
    private double[][] capacitySteps(ResourceSpec first, ResourceSpec then, double at) {
        boolean daily = !first.schedule().isEmpty() || then != null && !then.schedule().isEmpty();
        java.util.TreeSet<Double> times = new java.util.TreeSet<>();
        int days = daily ? (int) Math.ceil(run.horizon() + run.followUp()) : 0;
        for (int day = 0; day <= days; day++) times.add((double) day);
        if (then != null) times.add(at);
        List<double[]> steps = new ArrayList<>();
        int current = first.capacity();
        for (double t : times) {
            ResourceSpec r = then != null && t >= at ? then : first;
            int cap = run.start() == null ? r.capacity() : r.capacityOn(run.start().plusDays((long) Math.floor(t)));
            if (cap != current) {
                steps.add(new double[] {t, cap});
                current = cap;
            }
        }
        return new double[][] {steps.stream().mapToDouble(x -> x[0]).toArray(),
                steps.stream().mapToDouble(x -> x[1]).toArray()};
    }

    /** Month boundaries and multipliers from the start's month until after the horizon, for thinning. */
    private RateProfile rateProfile(ArrivalSource a) {
        List<Double> starts = new ArrayList<>();
        List<Double> mult = new ArrayList<>();
        java.time.LocalDate m = run.start().withDayOfMonth(1);
        double max = 0;
        while (true) {
            double t = calendar.dayOf(m);
            if (t > run.horizon()) break;
            double f = a.byMonth() == null ? 1 : a.byMonth()[m.getMonthValue() - 1];
            starts.add(t);
            mult.add(f);
            max = Math.max(max, f);
            m = m.plusMonths(1);
        }
        double growth = a.trend() == 0 ? 1 : Math.max(1, Math.pow(1 + a.trend(), run.horizon() / Durations.YEAR));
        return new RateProfile(starts.stream().mapToDouble(Double::doubleValue).toArray(),
                mult.stream().mapToDouble(Double::doubleValue).toArray(), a.trend(), max * growth);
    }

    private static int[] levels(List<Attribute> attrs, Map<String, String> given) {
        int[] out = new int[attrs.size()];
        for (int a = 0; a < out.length; a++) {
            String level = given.get(attrs.get(a).name());
            out[a] = level == null ? -1 : attrs.get(a).indexOf(level);
        }
        return out;
    }

    private static double[] ago(List<MilestoneSpec> ms, Map<String, Double> given) {
        double[] out = new double[ms.size()];
        for (int m = 0; m < out.length; m++) out[m] = given.getOrDefault(ms.get(m).name(), Double.NaN);
        return out;
    }

    /** Measure {@code m}'s value from {@code from} to {@code to}. */
    double interval(int m, double from, double to) {
        // A statutory clock counts working days, kept as x 7/5 so that its weeks read as working weeks.
        return measures[m].working() ? calendar.workingDaysBetween(from, to) * 7.0 / 5.0 : to - from;
    }

    /**
     * A child's value of measure {@code m} (an index into the scenario's own measures), in days, or NaN when the
     * measure does not count the child's profile or the child has not reached both of its milestones.
     *
     * @param milestones the child's milestone times, as a {@link ChildObserver} receives them
     */
    public double measured(int m, int profile, double[] milestones) {
        CompiledMeasure measure = measures[m];
        if (measure.counts() != null && !measure.counts()[profile]) return Double.NaN;
        double from = milestones[measure.from()];
        double to = milestones[measure.to()];
        return Double.isNaN(from) || Double.isNaN(to) || to < from ? Double.NaN : interval(m, from, to);
    }

    /** When the child reached measure {@code m}'s end milestone (days), or NaN. */
    public double measureEnd(int m, double[] milestones) {
        return milestones[measures[m].to()];
    }

    /** The number of children in the caseload (groups included). */
    public int caseloadSize() {
        int n = caseload.length;
        for (PlacedGroup g : caseloadGroups) n += g.count();
        return n;
    }

    /** The scenario compiled. */
    public Scenario scenario() {
        return scenario;
    }

    /** The checked graph. */
    public SystemGraph graph() {
        return graph;
    }

    /** Names behind the result arrays. */
    public ResultLayout layout() {
        return layout;
    }

    /** Milestone names, in the order of a child's milestone times. */
    public List<String> milestoneNames() {
        return List.copyOf(scenario.milestones().keySet());
    }

    /** Index of a stage by name (for tests and tools; not for the hot path). */
    public int stageIndex(String name) {
        return layout.stages().indexOf(name);
    }
}
