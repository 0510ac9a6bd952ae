package org.pacesim.records;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.Caseload;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.MilestoneSpec;
import org.pacesim.scenario.StageSpec;

/**
 * Today's caseload as it stood on a past date, rebuilt from an authority's records: each child who had arrived
 * before the date and had not left by it becomes a {@link Caseload.Child} (its stage, the time in that stage and since
 * arrival, its attribute levels, the milestones it had reached, as days before the date), so that a run can start
 * from the system as it was, through the same caseload placement as a caseload file.
 *
 * <p>Where a child is follows from its last recorded milestone and the pathway: from the stages it entered then,
 * along every route that records no milestone it has not reached (a child who had gone on through such a route would
 * have a date there). The timed stages (delay, service, meeting) met that way are where it can be; an exit met that
 * way means it may have left unrecorded. One timed stage: it is there, in the stage since that milestone. Several:
 * it is placed at the first timed stage after the milestone, in it since the milestone, and counted as placed by
 * assumption. Only exits: it has left. Timed stages and an exit: it is taken to be still on its way, and counted as
 * one who may have left (the records have no milestone for that exit).
 */
public final class CaseloadAtDate {
    private final Pathway pathway;
    private final Records records;
    private final double cut;

    /**
     * What was rebuilt.
     *
     * @param caseload          the children in the system at the date (null when there are none)
     * @param arrivedBefore     children in the records who had arrived before the date
     * @param left              of those, the children who had left by it (an exit milestone, or only exits possible)
     * @param placedByAssumption open children whose stage the milestones leave open: placed at the first stage after
     *                          their last milestone
     * @param mayHaveLeft       open children who could also have left by an exit the records have no milestone for
     *                          (taken as still on their way)
     * @param perStage          open children per stage, in pathway order
     */
    public record Rebuilt(Caseload caseload, int arrivedBefore, int left, int placedByAssumption, int mayHaveLeft,
                          Map<String, Integer> perStage) {
        /** How many children were open at the date (placed in a stage). */
        public int open() {
            return caseload == null ? 0 : caseload.size();
        }
    }

    private CaseloadAtDate(Pathway pathway, Records records, LocalDate date) {
        this.pathway = pathway;
        this.records = records;
        this.cut = records.days(date);
    }

    /**
     * Rebuilds the caseload at the start of {@code date} from records (dates on or after it are not looked at).
     *
     * @param pathway the template's pathway
     * @param records the records, read against the template
     * @param date    the date
     */
    public static Rebuilt of(Pathway pathway, Records records, LocalDate date) {
        return new CaseloadAtDate(pathway, records.knownAt(date), date).rebuild();
    }

    private Rebuilt rebuild() {
        List<Caseload.Child> open = new ArrayList<>();
        int left = 0;
        int assumed = 0;
        int mayHaveLeft = 0;
        Map<String, Integer> perStage = new LinkedHashMap<>();
        for (String s : pathway.graph().pathwayOrder()) perStage.put(s, 0);
        for (Records.Child c : records.children()) {
            int last = lastMilestone(c);
            Places places = places(c, records.milestones().get(last));
            if (places.timed().isEmpty()) {
                left++;
                continue;
            }
            if (places.timed().size() > 1) assumed++;
            if (places.exits() > 0) mayHaveLeft++;
            String stage = places.timed().get(0);
            perStage.merge(stage, 1, Integer::sum);
            Map<String, Double> ago = new LinkedHashMap<>();
            for (int m = 1; m < records.milestones().size(); m++) {
                if (!Double.isNaN(c.day(m))) ago.put(records.milestones().get(m), cut - c.day(m));
            }
            open.add(new Caseload.Child(c.at(), c.id(), stage, cut - c.day(last), cut - c.day(0), c.levels(),
                    Map.copyOf(ago)));
        }
        perStage.values().removeIf(n -> n == 0);
        Caseload caseload = open.isEmpty() ? null
                : new Caseload(null, List.copyOf(open), List.of(), Location.of(records.file()));
        return new Rebuilt(caseload, records.children().size(), left, assumed, mayHaveLeft, perStage);
    }

    /** The child's last milestone (index into the records' milestones): the latest, and of a day's, the furthest on. */
    private int lastMilestone(Records.Child c) {
        int last = 0;
        for (int m = 1; m < records.milestones().size(); m++) {
            double d = c.day(m);
            if (Double.isNaN(d)) continue;
            if (d > c.day(last) || d == c.day(last)
                    && pathway.precedes(records.milestones().get(last), records.milestones().get(m))) {
                last = m;
            }
        }
        return last;
    }

    /**
     * Where a child can be: the timed stages, nearest first, and how many exits, it can reach after its last
     * milestone without passing a milestone it has not reached.
     */
    private record Places(List<String> timed, int exits) {}

    private Places places(Records.Child c, String last) {
        Set<String> unreached = new HashSet<>();
        for (int m = 0; m < records.milestones().size(); m++) {
            if (Double.isNaN(c.day(m))) unreached.add(records.milestones().get(m));
        }
        List<String> timed = new ArrayList<>();
        Set<String> exits = new LinkedHashSet<>();
        if (pathway.after(last).isEmpty()) return new Places(timed, 1); // an outcome: it has left
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String s : pathway.after(last)) {
            if (!recordsEntering(s, unreached) && seen.add(s)) queue.add(s);
        }
        while (!queue.isEmpty()) {
            String v = queue.poll();
            StageSpec s = pathway.scenario().stages().get(v);
            if (s instanceof StageSpec.Exit) {
                exits.add(v);
                continue;
            }
            if (s instanceof StageSpec.Delay || s instanceof StageSpec.Service || s instanceof StageSpec.Meeting) {
                timed.add(v);
            }
            for (SystemGraph.Edge e : pathway.graph().graph().outgoingEdgesOf(v)) {
                if (recordsLeaving(v, e, unreached) || recordsEntering(e.to(), unreached)) continue;
                if (seen.add(e.to())) queue.add(e.to());
            }
        }
        return new Places(timed, exits.size());
    }

    /** Whether leaving {@code stage} along {@code e} records a milestone the child has not reached. */
    private boolean recordsLeaving(String stage, SystemGraph.Edge e, Set<String> unreached) {
        for (String m : unreached) {
            MilestoneSpec x = pathway.scenario().milestones().get(m);
            if (x.event() == MilestoneSpec.Event.EXIT && x.stage().equals(stage)
                    && (x.label() == null || e.route() != null && x.label().equals(e.route().label()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether entering {@code stage} records a milestone the child has not reached. */
    private boolean recordsEntering(String stage, Set<String> unreached) {
        StageSpec s = pathway.scenario().stages().get(stage);
        for (String m : unreached) {
            MilestoneSpec x = pathway.scenario().milestones().get(m);
            if (x.event() == MilestoneSpec.Event.ENTER && x.stage().equals(stage)) return true;
            if (x.event() == MilestoneSpec.Event.OUTCOME && s instanceof StageSpec.Exit e
                    && e.outcome().equals(x.outcome())) {
                return true;
            }
        }
        return false;
    }
}
