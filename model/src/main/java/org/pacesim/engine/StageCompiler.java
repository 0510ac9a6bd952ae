package org.pacesim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.calendar.WorkingCalendar;
import org.pacesim.graph.RouteGroups;
import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.Attribute;
import org.pacesim.scenario.DistributionSpec;
import org.pacesim.scenario.MilestoneSpec;
import org.pacesim.scenario.Route;
import org.pacesim.scenario.RunSettings;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.ResultLayout;

/**
 * Compiles a scenario's stages and routes for the engine: one {@link CompiledStage} per stage in pathway order,
 * the outcomes of its exits in that order, and the routing of a stage or an arrival source.
 */
final class StageCompiler {
    private final SystemGraph graph;
    private final Scenario scenario;
    private final List<String> order;
    private final Map<String, Integer> stageIndex = new HashMap<>();
    private final List<MilestoneSpec> milestones;
    private final Map<String, Integer> milestoneIndex = new HashMap<>();
    private final List<String> attributeNames;
    private final LinkedHashMap<ResultLayout.Outcome, Integer> outcomes;

    /**
     * @param graph    the graph whose stages and routes are compiled
     * @param order    the stages in pathway order (with dated changes, those of both rules: see {@link #union})
     * @param outcomes the outcomes' indices, shared by the compilers of both rules, filled as exits are met
     */
    StageCompiler(SystemGraph graph, List<String> order, LinkedHashMap<ResultLayout.Outcome, Integer> outcomes) {
        this.graph = graph;
        this.outcomes = outcomes;
        this.scenario = graph.scenario();
        this.order = order;
        for (int i = 0; i < order.size(); i++) stageIndex.put(order.get(i), i);
        this.milestones = List.copyOf(scenario.milestones().values());
        for (int m = 0; m < milestones.size(); m++) milestoneIndex.put(milestones.get(m).name(), m);
        this.attributeNames = scenario.attributes().stream().map(Attribute::name).toList();
    }

    /**
     * The stages of two rules in one pathway order: those of {@code first} in its order, and each stage only
     * {@code second} has just after the stage it follows there (an inserted stage stands before the one it precedes).
     */
    static List<String> union(List<String> first, List<String> second) {
        List<String> out = new ArrayList<>(first);
        for (int i = 0; i < second.size(); i++) {
            if (out.contains(second.get(i))) continue;
            int at = 0;
            for (int j = i - 1; j >= 0 && at == 0; j--) at = out.indexOf(second.get(j)) + 1;
            out.add(at, second.get(i));
        }
        return List.copyOf(out);
    }

    /** The graph compiled. */
    SystemGraph graph() {
        return graph;
    }

    /** The index of a stage by name. */
    int stage(String name) {
        return stageIndex.get(name);
    }

    /** The index of a milestone by name, or null when the scenario has none of that name. */
    Integer milestone(String name) {
        return milestoneIndex.get(name);
    }

    /**
     * Every stage, in pathway order; null for a stage of the order that this graph does not have.
     *
     * @param resourceIndex the resources' indices by name
     * @param calendar      the run's working calendar, or null (meetings on a calendar rule need it)
     */
    CompiledStage[] stages(Map<String, Integer> resourceIndex, WorkingCalendar calendar) {
        RunSettings run = scenario.run();
        CompiledStage[] out = new CompiledStage[order.size()];
        for (int i = 0; i < out.length; i++) {
            StageSpec s = scenario.stages().get(order.get(i));
            if (s == null) continue;
            CompiledStage.Part part;
            if (s instanceof StageSpec.Delay d) {
                part = new CompiledStage.Waits(d.until() == null ? null : d.until().age() != null
                        ? new CompiledStage.Until(-1, 0, true)
                        : new CompiledStage.Until(milestoneIndex.get(d.until().milestone()), d.until().plus(), false));
            } else if (s instanceof StageSpec.Service sv) {
                part = new CompiledStage.Served(resourceIndex.get(sv.resource()));
            } else if (s instanceof StageSpec.Meeting m) {
                part = new CompiledStage.Sits(m.rule() == null ? m.dates()
                        : m.rule().sittings(calendar, 0, run.horizon() + run.followUp() + 1));
            } else if (s instanceof StageSpec.Fork f) {
                part = new CompiledStage.Splits(f.branches().stream().mapToInt(stageIndex::get).toArray());
            } else if (s instanceof StageSpec.Join) {
                part = new CompiledStage.Joins();
            } else {
                StageSpec.Exit x = (StageSpec.Exit) s;
                part = new CompiledStage.Leaves(outcomes.computeIfAbsent(new ResultLayout.Outcome(x.outcome(), x.order()),
                        k -> outcomes.size()));
            }
            String fork = graph.forkAround(s.name());
            out[i] = new CompiledStage(i, s, enterMilestones(s),
                    s.routes().isEmpty() ? null : routing(s.routes(), graph.groups(s.name()), s.name()),
                    fork == null ? CompiledStage.NOT_IN_A_BRANCH : stageIndex.get(fork), part);
        }
        return out;
    }

    /** The milestones recorded on entering {@code s}: those of entering it, and of the outcome of an exit. */
    private int[] enterMilestones(StageSpec s) {
        List<Integer> onEnter = new ArrayList<>();
        for (int m = 0; m < milestones.size(); m++) {
            MilestoneSpec mm = milestones.get(m);
            boolean hit = mm.event() == MilestoneSpec.Event.ENTER && s.name().equals(mm.stage())
                    || mm.event() == MilestoneSpec.Event.OUTCOME && s instanceof StageSpec.Exit x
                    && x.outcome().equals(mm.outcome());
            if (hit) onEnter.add(m);
        }
        return onEnter.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The routing of a stage or a source.
     *
     * @param from the stage the routes leave (its exit milestones are recorded on leaving), or null for a source
     */
    Model.Routing routing(List<Route> routes, RouteGroups rg, String from) {
        Model.Group[] groups = new Model.Group[rg.count()];
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
                for (int m = 0; m < milestones.size() && from != null; m++) {
                    MilestoneSpec mm = milestones.get(m);
                    if (mm.event() == MilestoneSpec.Event.EXIT && from.equals(mm.stage())
                            && (mm.label() == null || mm.label().equals(r.label()))) {
                        hits.add(m);
                    }
                }
                leave[k] = hits.stream().mapToInt(Integer::intValue).toArray();
                if (!r.set().isEmpty()) {
                    setAttribute[k] = r.set().keySet().stream().mapToInt(attributeNames::indexOf).toArray();
                    setLevel[k] = r.set().entrySet().stream()
                            .mapToInt(e -> scenario.attributes().get(attributeNames.indexOf(e.getKey())).indexOf(e.getValue()))
                            .toArray();
                }
            }
            // Guard against rounding: the last route with positive probability takes whatever is left.
            int last = members.length - 1;
            while (last > 0 && routes.get(members[last]).p() == 0) last--;
            for (int k = last; k < members.length; k++) cumulative[k] = Double.POSITIVE_INFINITY;
            groups[g] = new Model.Group(cumulative, to, after, leave, setAttribute, setLevel);
        }
        int classes = rg.ageClasses();
        int[] groupOf = new int[graph.profiles().count() * classes];
        for (int p = 0; p < graph.profiles().count(); p++) {
            for (int k = 0; k < classes; k++) groupOf[p * classes + k] = rg.groupOf(p, k);
        }
        return new Model.Routing(groupOf, groups, rg.ageBounds());
    }
}
