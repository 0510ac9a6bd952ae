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
    private final Model model;
    private final int replication;
    private final boolean keepJourneys;
    private final double warmup;
    private final double horizon;
    private final int[] kind;               // per stage: how its time is counted (see Followers.Kind)
    private final boolean[] permanenceExit;
    private final LevelHistory[] waiting;   // per stage with a queue, else null
    private final Followers followers;      // the cohort children in the system, by seat
    private final IncidenceCurve incidence;
    private final double[] waitSum;
    private final double[] workSum;
    private long permanenceChildren;
    private final long[] entered;           // per stage: cohort children who entered it at least once
    private long cohort;
    private int candidates;
    /** The children whose journeys are kept (replication 0 only), by seat while in the system, else null. */
    private Candidate[] candidateAt;
    /** The same, by id, until their milestones arrive. */
    private final Map<Long, Candidate> candidatesById = new HashMap<>();
    private final List<Journey> journeys = new ArrayList<>();
    private final List<String> milestoneNames;
    private final MonthlyRecorder monthly;       // run-chart points by calendar month, or null when not wanted

    /** @param runCharts whether to gather each calendar month's run-chart points (else the detail has none) */
    DetailRecorder(Model model, int replication, boolean runCharts) {
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
                case SERVICE, MEETING -> Followers.Kind.QUEUE;
                case JOIN -> Followers.Kind.JOIN;
                case FORK -> Followers.Kind.FORK;
                case DELAY, EXIT -> Followers.Kind.DELAY;
            };
            if (kind[i] == Followers.Kind.QUEUE) waiting[i] = new LevelHistory(ReplicationDetail.MONTH, months);
            permanenceExit[i] = s instanceof StageSpec.Exit x && x.outcome().equals("permanence");
        }
        this.followers = new Followers(kind);
        this.incidence = new IncidenceCurve(ReplicationDetail.MONTH, ReplicationDetail.INCIDENCE_MONTHS);
        this.waitSum = new double[n];
        this.workSum = new double[n];
        this.entered = new long[n];
        this.milestoneNames = model.milestoneNames();
        this.monthly = runCharts ? new MonthlyRecorder(model) : null;
        this.candidateAt = keepJourneys ? new Candidate[1024] : null;
    }

    // ---------------------------------------------------------------- the hooks

    @Override
    public void step(double time, long child, int seat, int s, Step step) {
        followers.seat(seat);
        if (step == Step.ARRIVE) {
            arrive(time, child, seat);
            return;
        }
        if (waiting[s] != null) {
            if (step == Step.ENTER) waiting[s].change(time, 1);
            else if (step == Step.START) waiting[s].change(time, -1);
        }
        if (!followers.followed(seat)) return; // not in the cohort
        followers.credit(seat, time);
        Candidate c = keepJourneys ? candidateAt[seat] : null;
        switch (step) {
            case ENTER -> {
                if (followers.enter(seat, s)) entered[s]++;
                if (c != null) c.enter(s, time);
            }
            case START -> {
                followers.start(seat, s);
                if (c != null) c.start(s, time);
            }
            case LEAVE -> {
                followers.leave(seat, s);
                if (c != null) c.leave(s, time);
            }
            case EXIT -> exit(seat, c, s, time);
            default -> { }
        }
    }

    /**
     * Called after the child's EXIT step (or at the end, for a censored child): the milestones of a journey, and the
     * child's measures for the monthly run-chart points.
     */
    @Override
    public void child(long id, int profile, double[] milestones, boolean censored) {
        if (monthly != null) monthly.add(profile, milestones);
        if (candidatesById.isEmpty()) return;
        Candidate c = candidatesById.remove(id);
        if (c == null) return;
        Map<String, Double> reached = new LinkedHashMap<>();
        for (int m = 0; m < milestones.length; m++) {
            if (!Double.isNaN(milestones[m])) reached.put(milestoneNames.get(m), milestones[m] - c.arrival);
        }
        keep(c, reached);
        if (c.exitStage >= 0) {
            followers.drop(c.seat);
            candidateAt[c.seat] = null;
        }
    }

    @Override
    public void caseloadChild(long id, int profile, double[] milestones, boolean censored) {
        if (monthly != null) monthly.add(profile, milestones);
    }

    @Override
    public void earlierChild(long id, int profile, double[] milestones, boolean censored) {
        if (monthly != null) monthly.add(profile, milestones);
    }

    // ---------------------------------------------------------------- children

    private void arrive(double time, long child, int seat) {
        if (keepJourneys) {
            if (seat >= candidateAt.length) candidateAt = Arrays.copyOf(candidateAt, Math.max(seat + 1, 2 * candidateAt.length));
            candidateAt[seat] = null;
        }
        if (time < warmup || time >= horizon) {
            followers.drop(seat);
            return;
        }
        followers.follow(seat, time);
        cohort++;
        if (keepJourneys && candidates < ReplicationDetail.JOURNEY_CANDIDATES) {
            candidates++;
            Candidate c = new Candidate(child, seat, time);
            candidateAt[seat] = c;
            candidatesById.put(child, c);
        }
    }

    private void exit(int seat, Candidate c, int stage, double time) {
        double t = time - followers.arrival(seat);
        if (permanenceExit[stage]) {
            incidence.event(t);
            permanenceChildren++;
            followers.addTimes(seat, waitSum, workSum);
        } else {
            incidence.competing(t);
        }
        if (c == null) followers.drop(seat);
        else c.exitStage = stage; // followed until its milestones arrive, just after this step
    }

    /** The replication's detail; the children still in the system are censored at the end of the run. */
    ReplicationDetail finish(ReplicationResult result) {
        for (int seat = 0; seat < followers.seats(); seat++) {
            if (followers.followedAt(seat)) incidence.censored(result.endTime() - followers.arrival(seat));
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
                passing, List.copyOf(journeys), monthly == null ? null : monthly.finish());
    }

    private void keep(Candidate f, Map<String, Double> milestones) {
        String exit = f.exitStage < 0 ? "" : model.layout().stages().get(f.exitStage);
        boolean permanence = f.exitStage >= 0 && permanenceExit[f.exitStage];
        List<Journey.Segment> segments = new ArrayList<>();
        for (double[] s : f.journey) {
            if (s[0] == f.exitStage) continue; // an exit takes no time
            segments.add(new Journey.Segment(model.layout().stages().get((int) s[0]), s[1] - f.arrival,
                    s[2] - f.arrival, s[3] - f.arrival));
        }
        journeys.add(new Journey(f.id, f.arrival, exit, permanence, List.copyOf(segments), milestones));
    }

    /** A child whose journey is kept: the stages it went through, with their times. */
    private final class Candidate {
        final long id;
        final int seat;
        final double arrival;
        final List<double[]> journey = new ArrayList<>(); // {stage, enter, start, leave} in days since the start
        int exitStage = -1;

        Candidate(long id, int seat, double arrival) {
            this.id = id;
            this.seat = seat;
            this.arrival = arrival;
        }

        void enter(int stage, double now) {
            if (kind[stage] == Followers.Kind.FORK) return;
            double start = kind[stage] == Followers.Kind.DELAY ? now : Double.NaN;
            journey.add(new double[] {stage, now, start, Double.NaN});
        }

        void start(int stage, double now) {
            double[] s = lastOpenSegment(stage);
            if (s != null) s[2] = now;
        }

        void leave(int stage, double now) {
            double[] s = lastOpenSegment(stage);
            if (s != null) {
                if (Double.isNaN(s[2])) s[2] = now;  // a join: waiting until it let the child go
                s[3] = now;
            }
        }

        private double[] lastOpenSegment(int stage) {
            for (int k = journey.size() - 1; k >= 0; k--) {
                double[] s = journey.get(k);
                if (s[0] == stage && Double.isNaN(s[3])) return s;
            }
            return null;
        }
    }
}
