package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.engine.ChildObserver;
import org.pacesim.engine.Model;
import org.pacesim.engine.Trace;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.IncidenceCurve;
import org.pacesim.stats.Journey;
import org.pacesim.stats.LevelHistory;
import org.pacesim.stats.ReplicationDetail;
import org.pacesim.stats.ReplicationResult;

/**
 * Follows one replication through the engine's {@link Trace} and {@link ChildObserver} hooks and keeps what the
 * charts need ({@link ReplicationDetail}): the engine itself stays unaware of charts, and memory stays bounded
 * (per child only while the child is in the system, plus fixed-size curves).
 *
 * <p>Where the time goes: a child's time from arrival to its exit is split among the stages without gaps or
 * overlaps. Time in a service or meeting before work starts, and at a join waiting for the other branches, is
 * waiting; time after work starts, and in a delay, is time in the stage. Time between stages (a route's
 * {@code after} delay, such as the months until the next review) is waiting for the stage entered next. While
 * parallel branches run, their shared time is split equally between the branches at work (a branch already
 * waiting at the join gets none of it), so the parts add up to the time to permanence.
 */
final class DetailRecorder implements Trace, ChildObserver {
    // a phase, and where its time sits in a stage's pair of Follow.spent
    private static final int WAITING = 0;
    private static final int WORKING = 1;

    private final Model model;
    private final int replication;
    private final boolean keepJourneys;
    private final double warmup;
    private final double horizon;
    private final int[] kind;               // per stage: how its time is counted (see Kind)
    private final boolean[] permanenceExit;
    private final LevelHistory[] waiting;   // per stage with a queue, else null
    private final IncidenceCurve incidence;
    private final double[] waitSum;
    private final double[] workSum;
    private long permanenceChildren;
    private final long[] entered;           // per stage: cohort children who entered it at least once
    private long cohort;
    private Follow[] children = new Follow[1024];
    /** Followers of children gone, to follow the next arrivals with: most come and go without a trace kept. */
    private Follow[] spare = new Follow[64];
    private int spares;
    private int candidates;
    private final List<Journey> journeys = new ArrayList<>();
    private final List<String> milestoneNames;
    private final MonthlyRecorder monthly;       // run-chart points by calendar month

    /** How a stage's time is counted. */
    private static final class Kind {
        static final int DELAY = 0;      // in the stage from entry
        static final int QUEUE = 1;      // waiting until work starts (service, meeting)
        static final int JOIN = 2;       // waiting for the other branches
        static final int FORK = 3;       // structural: its time belongs to the branches
    }

    DetailRecorder(Model model, int replication) {
        this.model = model;
        this.replication = replication;
        this.keepJourneys = replication == 0;
        this.warmup = model.scenario().run().warmup();
        this.horizon = model.scenario().run().horizon();
        List<String> stages = model.layout().stages();
        int n = stages.size();
        this.kind = new int[n];
        this.permanenceExit = new boolean[n];
        this.waiting = new LevelHistory[n];
        int months = (int) Math.ceil(horizon / ReplicationDetail.MONTH);
        for (int i = 0; i < n; i++) {
            // A stage removed by a dated change is in the layout (children used it before the date) but not in the
            // scenario's stages: its kind comes from the layout.
            StageSpec s = model.scenario().stages().get(stages.get(i));
            kind[i] = switch (model.layout().stageKinds().get(i)) {
                case SERVICE, MEETING -> Kind.QUEUE;
                case JOIN -> Kind.JOIN;
                case FORK -> Kind.FORK;
                case DELAY, EXIT -> Kind.DELAY;
            };
            if (kind[i] == Kind.QUEUE) waiting[i] = new LevelHistory(ReplicationDetail.MONTH, months);
            permanenceExit[i] = s instanceof StageSpec.Exit x && x.outcome().equals("permanence");
        }
        this.incidence = new IncidenceCurve(ReplicationDetail.MONTH, ReplicationDetail.INCIDENCE_MONTHS);
        this.waitSum = new double[n];
        this.workSum = new double[n];
        this.entered = new long[n];
        this.milestoneNames = model.milestoneNames();
        this.monthly = new MonthlyRecorder(model);
    }

    // ---------------------------------------------------------------- the hooks

    @Override
    public void step(double time, long child, int s, Step step) {
        if (step == Step.ARRIVE) {
            arrive(time, child);
            return;
        }
        if (waiting[s] != null) {
            if (step == Step.ENTER) waiting[s].change(time, 1);
            else if (step == Step.START) waiting[s].change(time, -1);
        }
        Follow f = child < children.length ? children[(int) child] : null;
        if (f == null) return; // not in the cohort
        f.credit(time);
        switch (step) {
            case ENTER -> f.enter(s, time);
            case START -> f.start(s, time);
            case LEAVE -> f.leave(s, time);
            case EXIT -> exit(f, s, time);
            default -> { }
        }
    }

    /**
     * Called after the child's EXIT step (or at the end, for a censored child): the milestones of a journey, and the
     * child's measures for the monthly run-chart points.
     */
    @Override
    public void child(long id, int profile, double[] milestones, boolean censored) {
        monthly.add(profile, milestones);
        Follow f = id < children.length ? children[(int) id] : null;
        if (f == null || f.journey == null) return;
        Map<String, Double> reached = new LinkedHashMap<>();
        for (int m = 0; m < milestones.length; m++) {
            if (!Double.isNaN(milestones[m])) reached.put(milestoneNames.get(m), milestones[m] - f.arrival);
        }
        f.milestones = reached;
        if (f.exitStage >= 0) {
            keep(f);
            children[(int) id] = null;
        }
    }

    @Override
    public void caseloadChild(long id, int profile, double[] milestones, boolean censored) {
        monthly.add(profile, milestones);
    }

    @Override
    public void earlierChild(long id, int profile, double[] milestones, boolean censored) {
        monthly.add(profile, milestones);
    }

    // ---------------------------------------------------------------- children

    private void arrive(double time, long child) {
        if (time < warmup || time >= horizon) return;
        if (child >= children.length) children = Arrays.copyOf(children, (int) Math.max(child + 1, children.length * 2L));
        Follow f = spares > 0 ? spares(child, time) : new Follow(child, time);
        cohort++;
        if (keepJourneys && candidates < ReplicationDetail.JOURNEY_CANDIDATES) {
            candidates++;
            f.journey = new ArrayList<>();
        }
        children[(int) child] = f;
    }

    private void exit(Follow f, int stage, double time) {
        double t = time - f.arrival;
        if (permanenceExit[stage]) {
            incidence.event(t);
            permanenceChildren++;
            for (int k = 0; k < f.size; k++) {
                waitSum[f.stages[k]] += f.spent[2 * k + WAITING];
                workSum[f.stages[k]] += f.spent[2 * k + WORKING];
            }
        } else {
            incidence.competing(t);
        }
        if (f.journey == null) {
            children[(int) f.id] = null;
            if (spares == spare.length) spare = Arrays.copyOf(spare, spares * 2);
            spare[spares++] = f;
        } else {
            f.exitStage = stage; // kept when its milestones arrive, just after this step
        }
    }

    private Follow spares(long child, double time) {
        Follow f = spare[--spares];
        spare[spares] = null;
        f.reset(child, time);
        return f;
    }

    /** The replication's detail; the children still in the system are censored at the end of the run. */
    ReplicationDetail finish(ReplicationResult result) {
        for (Follow f : children) {
            if (f == null) continue;
            if (f.exitStage < 0) incidence.censored(result.endTime() - f.arrival);
            if (f.journey != null) keep(f);
        }
        int n = waitSum.length;
        double[][] queues = new double[n][];
        double[] meanWait = new double[n];
        double[] meanWork = new double[n];
        double[] passing = new double[n];
        for (int i = 0; i < n; i++) {
            passing[i] = cohort == 0 ? Double.NaN : (double) entered[i] / cohort;
            if (waiting[i] != null) queues[i] = waiting[i].averages();
            meanWait[i] = permanenceChildren == 0 ? Double.NaN : waitSum[i] / permanenceChildren;
            meanWork[i] = permanenceChildren == 0 ? Double.NaN : workSum[i] / permanenceChildren;
        }
        journeys.sort((a, b) -> Long.compare(a.child(), b.child()));
        return new ReplicationDetail(replication, incidence.curve(), queues, meanWait, meanWork, permanenceChildren,
                passing, List.copyOf(journeys), monthly.finish());
    }

    private void keep(Follow f) {
        String exit = f.exitStage < 0 ? "" : model.layout().stages().get(f.exitStage);
        boolean permanence = f.exitStage >= 0 && permanenceExit[f.exitStage];
        List<Journey.Segment> segments = new ArrayList<>();
        for (double[] s : f.journey) {
            if (s[0] == f.exitStage) continue; // an exit takes no time
            segments.add(new Journey.Segment(model.layout().stages().get((int) s[0]), s[1] - f.arrival,
                    s[2] - f.arrival, s[3] - f.arrival));
        }
        Map<String, Double> milestones = f.milestones != null ? f.milestones : Map.of("arrival", 0.0);
        journeys.add(new Journey(f.id, f.arrival, exit, permanence, List.copyOf(segments), milestones));
    }

    /**
     * One cohort child while in the system: where it is, and the time it has spent in each stage so far. Its
     * figures sit in three arrays (the open stages' triplets, the stages visited, their waiting and working time in
     * pairs) rather than six, since a step comes long after the child's last one: each array it touches is a likely
     * cache miss.
     */
    private final class Follow {
        long id;
        double arrival;
        double last;
        double gap;                          // time in no stage, not yet given to the stage entered next
        // the stages the child (any branch) is in now: {stage, phase, slot} for each, the slot being where the
        // stage's time goes in the arrays below
        int[] opened = new int[3 * 4];
        int open;
        // time spent so far, per stage visited (sparse: visited stages only): the stage, and its waiting and working
        // time at 2 * slot + WAITING and 2 * slot + WORKING
        int[] stages = new int[16];
        double[] spent = new double[2 * 16];
        int size;
        List<double[]> journey;              // {stage, enter, start, leave} in days since the run started
        Map<String, Double> milestones;
        int exitStage = -1;

        Follow(long id, double arrival) {
            reset(id, arrival);
        }

        /** Follows another child from its arrival; the arrays are kept, as their contents are rewritten before use. */
        void reset(long id, double arrival) {
            this.id = id;
            this.arrival = arrival;
            this.last = arrival;
            this.gap = 0;
            this.open = 0;
            this.size = 0;
            this.journey = null;
            this.milestones = null;
            this.exitStage = -1;
        }

        /** Gives the time since the last step to the stages the child is in. */
        void credit(double now) {
            double dt = now - last;
            last = now;
            if (dt <= 0) return;
            if (open == 0) {
                gap += dt;
                return;
            }
            if (open == 1) { // the common case: one stage, no parallel branches
                give(opened[2], opened[1], dt);
                return;
            }
            int atWork = 0;
            for (int k = 0; k < open; k++) if (kind[opened[3 * k]] != Kind.JOIN) atWork++;
            boolean joinsOnly = atWork == 0;
            double share = dt / (joinsOnly ? open : atWork);
            for (int k = 0; k < open; k++) {
                if (!joinsOnly && kind[opened[3 * k]] == Kind.JOIN) continue;
                give(opened[3 * k + 2], opened[3 * k + 1], share);
            }
        }

        private void give(int slot, int phase, double dt) {
            spent[2 * slot + phase] += dt;
        }

        void enter(int stage, double now) {
            int slot = find(stage);
            if (slot < 0) {
                slot = create(stage);
                entered[stage]++;
            }
            if (kind[stage] == Kind.FORK) return;
            if (gap > 0) {
                give(slot, WAITING, gap);
                gap = 0;
            }
            if (3 * open == opened.length) opened = Arrays.copyOf(opened, opened.length * 2);
            opened[3 * open] = stage;
            opened[3 * open + 1] = kind[stage] == Kind.DELAY ? WORKING : WAITING;
            opened[3 * open + 2] = slot;
            open++;
            if (journey != null) {
                double start = kind[stage] == Kind.DELAY ? now : Double.NaN;
                journey.add(new double[] {stage, now, start, Double.NaN});
            }
        }

        void start(int stage, double now) {
            for (int k = 0; k < open; k++) {
                if (opened[3 * k] == stage && opened[3 * k + 1] == WAITING) {
                    opened[3 * k + 1] = WORKING;
                    break;
                }
            }
            double[] s = lastOpenSegment(stage);
            if (s != null) s[2] = now;
        }

        void leave(int stage, double now) {
            for (int k = 0; k < open; k++) {
                if (opened[3 * k] == stage) {
                    open--;
                    opened[3 * k] = opened[3 * open];
                    opened[3 * k + 1] = opened[3 * open + 1];
                    opened[3 * k + 2] = opened[3 * open + 2];
                    break;
                }
            }
            double[] s = lastOpenSegment(stage);
            if (s != null) {
                if (Double.isNaN(s[2])) s[2] = now;  // a join: waiting until it let the child go
                s[3] = now;
            }
        }

        private double[] lastOpenSegment(int stage) {
            if (journey == null) return null;
            for (int k = journey.size() - 1; k >= 0; k--) {
                double[] s = journey.get(k);
                if (s[0] == stage && Double.isNaN(s[3])) return s;
            }
            return null;
        }

        /** The stage's place in the per-stage arrays, or -1 when the child has not been there. */
        private int find(int stage) {
            for (int k = 0; k < size; k++) if (stages[k] == stage) return k;
            return -1;
        }

        private int create(int stage) {
            if (size == stages.length) {
                stages = Arrays.copyOf(stages, size * 2);
                spent = Arrays.copyOf(spent, size * 4);
            }
            stages[size] = stage;
            spent[2 * size + WAITING] = 0;
            spent[2 * size + WORKING] = 0;
            return size++;
        }
    }
}
