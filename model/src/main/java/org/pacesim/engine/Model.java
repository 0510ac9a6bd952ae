package org.pacesim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.calendar.HolidayCalendar;
import org.pacesim.calendar.WorkingCalendar;
import org.pacesim.graph.RouteGroups;
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
import org.pacesim.scenario.Route;
import org.pacesim.scenario.RunSettings;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.ResultLayout;

/**
 * A scenario compiled for the engine: names resolved to array indices once, so that the per-event path does no
 * look-ups by name. Immutable and shared read-only by all replications (threads) of a run.
 */
public final class Model {
    /** Stage kinds as small integers for the hot path. */
    static final int DELAY = 0, SERVICE = 1, MEETING = 2, FORK = 3, JOIN = 4, EXIT = 5;

    final Scenario scenario;
    final SystemGraph graph;
    final RunSettings run;
    final int stageCount;
    final String[] stageNames;
    final StageSpec[] specs;
    final int[] kind;
    /** Stage index -> position in the pathway-ordered result arrays. */
    final int[] resultIndex;
    final int[] resourceOf;          // service stages: resource index, else -1
    final int[] untilMilestone;      // delay-until stages: milestone index, else -1
    final double[] untilPlus;
    final int[][] forkBranches;      // fork stages: branch start stage indices
    final int[] joinBranches;        // join stages: branches per child
    final int[] outcomeOf;           // exit stages: outcome index
    final int[][] enterMilestones;   // per stage: milestones recorded on entering
    final Routing[] routing;         // per stage (null for exits and forks)
    final Source[] sources;
    final Resource[] resources;
    final double[][] attributeProbabilities;
    final String[] attributeNames;
    final boolean[] lastOccurrence;  // per milestone
    final int milestoneCount;
    final int arrivalMilestone;
    final int[] measureFrom, measureTo;
    final double[] measureTarget;
    /** Per measure, which profiles count (null: all). */
    final boolean[][] measureCounts;
    /** The measures of new entrants; with a caseload, its twins and its two clearance measures follow them. */
    final int measureCount;
    /** Index of {@code caseload.clearance} (start to any outcome), or -1 without a caseload. */
    final int clearanceMeasure;
    /** Milestone of reaching permanence, or -1. */
    final int permanenceMilestone;
    final Placed[] caseload;
    /** Per stage, the fork whose branches contain it (a caseload child there has a root at the fork), or -1. */
    final int[] forkAround;
    final PlacedGroup[] caseloadGroups;
    final ResultLayout layout;
    /** Real dates and working days, or null for a scenario without a start date. */
    final WorkingCalendar calendar;
    /** Per stage: sitting days of a meeting on a calendar rule, else null. */
    final double[][] sittings;
    /** Per reported measure: whether it counts working days. */
    final boolean[] measureWorking;

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
     * @param groupOfProfile group index per profile
     * @param groups         the groups
     */
    record Routing(int[] groupOfProfile, Group[] groups) {}

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
                  RateProfile profile) {}

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

    /** Compiles a checked scenario graph. */
    public static Model compile(SystemGraph graph) {
        return new Model(graph);
    }

    private Model(SystemGraph graph) {
        this.graph = graph;
        this.scenario = graph.scenario();
        this.run = scenario.run();
        this.calendar = run.start() == null ? null : calendar(scenario);
        List<String> order = graph.pathwayOrder();
        this.stageCount = order.size();
        this.stageNames = order.toArray(String[]::new);
        Map<String, Integer> stageIndex = new HashMap<>();
        for (int i = 0; i < stageCount; i++) stageIndex.put(stageNames[i], i);
        this.resultIndex = new int[stageCount];
        for (int i = 0; i < stageCount; i++) resultIndex[i] = i;

        Map<String, Integer> resourceIndex = new HashMap<>();
        List<ResourceSpec> rs = new ArrayList<>(scenario.resources().values());
        List<Attribute> attrs = scenario.attributes();
        this.resources = new Resource[rs.size()];
        for (int i = 0; i < rs.size(); i++) {
            ResourceSpec r = rs.get(i);
            resourceIndex.put(r.name(), i);
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
            double[][] steps = capacitySteps(r);
            int[] to = new int[steps[1].length];
            for (int k = 0; k < to.length; k++) to[k] = (int) steps[1][k];
            resources[i] = new Resource(r.name(), r.capacity(), pa, rank, classes, steps[0], to);
        }

        this.attributeNames = attrs.stream().map(Attribute::name).toArray(String[]::new);
        this.attributeProbabilities = attrs.stream().map(Attribute::probabilities).toArray(double[][]::new);

        // milestones
        List<MilestoneSpec> ms = new ArrayList<>(scenario.milestones().values());
        this.milestoneCount = ms.size();
        Map<String, Integer> milestoneIndex = new HashMap<>();
        this.lastOccurrence = new boolean[ms.size()];
        for (int i = 0; i < ms.size(); i++) {
            milestoneIndex.put(ms.get(i).name(), i);
            lastOccurrence[i] = ms.get(i).last();
        }
        this.arrivalMilestone = milestoneIndex.get(MilestoneSpec.ARRIVAL);

        // outcomes
        LinkedHashMap<ResultLayout.Outcome, Integer> outcomes = new LinkedHashMap<>();
        this.specs = new StageSpec[stageCount];
        this.kind = new int[stageCount];
        this.resourceOf = new int[stageCount];
        this.untilMilestone = new int[stageCount];
        this.untilPlus = new double[stageCount];
        this.forkBranches = new int[stageCount][];
        this.joinBranches = new int[stageCount];
        this.outcomeOf = new int[stageCount];
        this.enterMilestones = new int[stageCount][];
        this.routing = new Routing[stageCount];
        for (int i = 0; i < stageCount; i++) {
            StageSpec s = scenario.stages().get(stageNames[i]);
            specs[i] = s;
            resourceOf[i] = -1;
            untilMilestone[i] = -1;
            outcomeOf[i] = -1;
            if (s instanceof StageSpec.Delay d) {
                kind[i] = DELAY;
                if (d.until() != null) {
                    untilMilestone[i] = milestoneIndex.get(d.until().milestone());
                    untilPlus[i] = d.until().plus();
                }
            } else if (s instanceof StageSpec.Service sv) {
                kind[i] = SERVICE;
                resourceOf[i] = resourceIndex.get(sv.resource());
            } else if (s instanceof StageSpec.Meeting) {
                kind[i] = MEETING;
            } else if (s instanceof StageSpec.Fork f) {
                kind[i] = FORK;
                forkBranches[i] = f.branches().stream().mapToInt(stageIndex::get).toArray();
            } else if (s instanceof StageSpec.Join) {
                kind[i] = JOIN;
                joinBranches[i] = graph.branchesOf(s.name());
            } else {
                StageSpec.Exit x = (StageSpec.Exit) s;
                kind[i] = EXIT;
                outcomeOf[i] = outcomes.computeIfAbsent(new ResultLayout.Outcome(x.outcome(), x.order()), k -> outcomes.size());
            }
            List<Integer> onEnter = new ArrayList<>();
            for (int m = 0; m < ms.size(); m++) {
                MilestoneSpec mm = ms.get(m);
                boolean hit = mm.event() == MilestoneSpec.Event.ENTER && s.name().equals(mm.stage())
                        || mm.event() == MilestoneSpec.Event.OUTCOME && s instanceof StageSpec.Exit x
                        && x.outcome().equals(mm.outcome());
                if (hit) onEnter.add(m);
            }
            enterMilestones[i] = onEnter.stream().mapToInt(Integer::intValue).toArray();
            if (!s.routes().isEmpty()) {
                routing[i] = compileRouting(s.routes(), graph.groups(s.name()), stageIndex, ms, s.name());
            }
        }
        this.sources = new Source[scenario.arrivals().size()];
        for (int k = 0; k < sources.length; k++) {
            ArrivalSource a = scenario.arrivals().get(k);
            int[] fixed = new int[attrs.size()];
            for (int at = 0; at < attrs.size(); at++) {
                String level = a.fixed().get(attrs.get(at).name());
                fixed[at] = level == null ? -1 : attrs.get(at).indexOf(level);
            }
            sources[k] = new Source(a.name(), a.ratePerDay(), a.times(), fixed,
                    compileRouting(a.routes(), graph.groups(SystemGraph.SOURCE + a.name()), stageIndex, ms, null),
                    a.varies() ? rateProfile(a) : null);
        }

        List<MeasureSpec> measures = new ArrayList<>(scenario.measures().values());
        this.measureFrom = measures.stream().mapToInt(m -> milestoneIndex.get(m.from())).toArray();
        this.measureTo = measures.stream().mapToInt(m -> milestoneIndex.get(m.to())).toArray();
        this.measureTarget = measures.stream().mapToDouble(MeasureSpec::target).toArray();
        this.measureCounts = new boolean[measures.size()][];
        for (int k = 0; k < measures.size(); k++) {
            if (measures.get(k).when() == null) continue;
            measureCounts[k] = new boolean[graph.profiles().count()];
            for (int p = 0; p < measureCounts[k].length; p++) {
                measureCounts[k][p] = graph.profiles().holds(measures.get(k).when(), p);
            }
        }
        this.forkAround = new int[stageCount];
        for (int i = 0; i < stageCount; i++) {
            String f = graph.forkAround(stageNames[i]);
            forkAround[i] = f == null ? -1 : stageIndex.get(f);
        }
        this.measureCount = measures.size();
        Integer perm = milestoneIndex.get(MilestoneSpec.PERMANENCE);
        this.permanenceMilestone = perm == null ? -1 : perm;
        List<MeasureSpec> reported = scenario.reportedMeasures();
        List<String> measureNames = reported.stream().map(MeasureSpec::name).toList();
        double[] targets = reported.stream().mapToDouble(MeasureSpec::target).toArray();
        Caseload cl = scenario.caseload();
        if (cl == null) {
            this.caseload = new Placed[0];
            this.caseloadGroups = new PlacedGroup[0];
            this.clearanceMeasure = -1;
        } else {
            // The caseload is a cohort of its own: each measure again for it, then how long it takes to clear.
            this.clearanceMeasure = measureNames.indexOf(MeasureSpec.CLEARANCE);
            this.caseload = cl.children().stream().map(c -> new Placed(stageIndex.get(c.stage()), c.inStage(),
                    c.sinceAccommodation(), levels(attrs, c.attributes()), ago(ms, c.milestonesAgo())))
                    .toArray(Placed[]::new);
            this.caseloadGroups = cl.groups().stream().map(g -> new PlacedGroup(stageIndex.get(g.stage()), g.count(),
                    g.inStage(), g.sinceAccommodation(), levels(attrs, g.attributes()))).toArray(PlacedGroup[]::new);
        }
        this.measureWorking = new boolean[reported.size()];
        for (int k = 0; k < measureWorking.length; k++) measureWorking[k] = reported.get(k).workingDays();
        this.sittings = new double[stageCount][];
        for (int i = 0; i < stageCount; i++) {
            if (specs[i] instanceof StageSpec.Meeting m && m.rule() != null) {
                sittings[i] = m.rule().sittings(calendar, 0, run.horizon() + run.followUp() + 1);
            }
        }
        List<StageSpec.Kind> kinds = new ArrayList<>();
        for (StageSpec s : specs) kinds.add(s.kind());
        this.layout = new ResultLayout(scenario.name(), List.copyOf(measureNames), targets, List.of(stageNames),
                List.copyOf(kinds), List.copyOf(outcomes.keySet()), run.window() / org.pacesim.scenario.Durations.YEAR);
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

    /** A resource's capacity as steps over the run: {change times, capacities from then on}. */
    private double[][] capacitySteps(ResourceSpec r) {
        if (r.schedule().isEmpty()) return new double[][] {{}, {}};
        List<double[]> steps = new ArrayList<>();
        int current = r.capacity();
        int days = (int) Math.ceil(run.horizon() + run.followUp());
        java.time.LocalDate d = run.start();
        for (int day = 0; day <= days; day++, d = d.plusDays(1)) {
            int cap = r.capacityOn(d);
            if (cap != current) {
                steps.add(new double[] {day, cap});
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

    /** The number of children in the caseload (groups included). */
    public int caseloadSize() {
        int n = caseload.length;
        for (PlacedGroup g : caseloadGroups) n += g.count();
        return n;
    }

    private Routing compileRouting(List<Route> routes, RouteGroups rg, Map<String, Integer> stageIndex,
                                   List<MilestoneSpec> ms, String from) {
        Group[] groups = new Group[rg.count()];
        for (int g = 0; g < groups.length; g++) {
            int[] members = rg.group(g);
            double[] cumulative = new double[members.length];
            int[] to = new int[members.length];
            DistributionSpec[] after = new DistributionSpec[members.length];
            int[][] leave = new int[members.length][];
            int[][] setAttribute = new int[members.length][];
            int[][] setLevel = new int[members.length][];
            double c = 0;
            for (int k = 0; k < members.length; k++) {
                Route r = routes.get(members[k]);
                c += r.p();
                cumulative[k] = c;
                to[k] = stageIndex.get(r.to());
                after[k] = r.after();
                List<Integer> hits = new ArrayList<>();
                for (int m = 0; m < ms.size() && from != null; m++) {
                    MilestoneSpec mm = ms.get(m);
                    if (mm.event() == MilestoneSpec.Event.EXIT && from.equals(mm.stage())
                            && (mm.label() == null || mm.label().equals(r.label()))) {
                        hits.add(m);
                    }
                }
                leave[k] = hits.stream().mapToInt(Integer::intValue).toArray();
                if (!r.set().isEmpty()) {
                    List<String> names = List.of(attributeNames);
                    setAttribute[k] = r.set().keySet().stream().mapToInt(names::indexOf).toArray();
                    setLevel[k] = r.set().entrySet().stream()
                            .mapToInt(e -> scenario.attributes().get(names.indexOf(e.getKey())).indexOf(e.getValue()))
                            .toArray();
                }
            }
            // Guard against rounding: the last route with positive probability takes whatever is left.
            int last = members.length - 1;
            while (last > 0 && routes.get(members[last]).p() == 0) last--;
            for (int k = last; k < members.length; k++) cumulative[k] = Double.POSITIVE_INFINITY;
            groups[g] = new Group(cumulative, to, after, leave, setAttribute, setLevel);
        }
        int[] groupOf = new int[graph.profiles().count()];
        for (int p = 0; p < groupOf.length; p++) groupOf[p] = rg.groupOf(p);
        return new Routing(groupOf, groups);
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
        for (int i = 0; i < stageCount; i++) if (stageNames[i].equals(name)) return i;
        return -1;
    }
}
