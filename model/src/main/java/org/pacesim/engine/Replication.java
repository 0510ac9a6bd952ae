package org.pacesim.engine;

import org.pacesim.random.Sampler;
import org.pacesim.random.StreamBank;
import org.pacesim.random.StreamKey;
import org.pacesim.random.StreamKey.Purpose;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.MeasureCollector;
import org.pacesim.stats.ReplicationResult;

import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Event;

/**
 * One run of a model: owns its simulator, streams, children and collectors, and shares nothing mutable, so
 * replications run in parallel threads. Stage behaviour lives in the {@link StageNode}s; this class does what is
 * common to every stage: entering (milestones, statistics), leaving and routing, and the cohort's accounting.
 *
 * <p>The cohort is the children arriving in [warmup, horizon). Arrivals stop at the horizon; the run goes on until
 * every cohort child has reached an exit or the follow-up has passed, and the children still in the system then are
 * censored. Time averages are taken over [warmup, horizon).
 */
public final class Replication {
    private final Model model;
    private final int number;
    private final CountingSimulator sim;
    private final StageNode[] nodes;
    private final StageStats[] stats;
    private final ResourcePool[] pools;
    private final RandomStream[] routeStreams;
    private final Model.Routing[] routings;      // per stage: the model's, until dated changes switch some
    private final RandomStream[] afterStreams;
    private final Sampler[][][] afterSamplers;   // [stage][group][route]
    private final Samplers samplers;
    private final double warmup;
    private final double horizon;
    private final Trace trace;
    private ChildObserver observer;

    private final ChildrenInSystem inSystem;
    private final MeasureCollector measures;
    private final long[] outcomeCounts;
    private long nextId;
    private long arrivals;
    private long cohort;
    private long cohortExited;
    private long cohortInSystem;
    private long censored;
    private long caseloadInSystem;
    private final long[] caseloadExits;
    private boolean horizonPassed;
    private String runaway;

    /**
     * Builds replication {@code number} (it uses substream {@code number} of every stream).
     *
     * @param trace receives every step, or null
     */
    public Replication(Model model, StreamBank bank, int number, Trace trace) {
        this.model = model;
        this.number = number;
        this.trace = trace;
        this.inSystem = new ChildrenInSystem(this, model.attributeNames.length, model.milestoneCount);
        this.warmup = model.run.warmup();
        this.horizon = model.run.horizon();
        this.sim = new CountingSimulator(EventCalendar.sizedFor(model));
        sim.init();
        int n = model.stages.length;
        this.stats = new StageStats[n];
        for (int i = 0; i < n; i++) stats[i] = new StageStats(sim);
        this.pools = new ResourcePool[model.resources.length];
        for (int r = 0; r < pools.length; r++) pools[r] = new ResourcePool(sim, model.resources[r]);
        this.samplers = new Samplers(sim, model.calendar);
        this.nodes = new StageNode[n];
        this.routeStreams = new RandomStream[n];
        this.routings = new Model.Routing[n];
        this.afterStreams = new RandomStream[n];
        this.afterSamplers = new Sampler[n][][];
        for (int i = 0; i < n; i++) {
            CompiledStage stage = model.stages[i];
            nodes[i] = StageNodes.of(this, stage, bank, number, samplers, pools, model.caseloadSize() > 0);
            if (stage.routing() != null) {
                routings[i] = stage.routing();
                routeStreams[i] = bank.stream(StreamKey.stage(stage.name(), Purpose.ROUTE), number);
                afterStreams[i] = bank.stream(StreamKey.stage(stage.name(), Purpose.AFTER), number);
                afterSamplers[i] = samplers.after(stage.routing(), afterStreams[i]);
            }
        }
        ArrivalStream[] arrivalStreams = new ArrivalStream[model.sources.length];
        for (int k = 0; k < model.sources.length; k++) {
            arrivalStreams[k] = new ArrivalStream(this, model, k, bank, number, samplers);
            arrivalStreams[k].start();
        }
        if (model.change != null) {
            new ChangeOfRules(this, model.change, samplers, arrivalStreams).schedule(model.change.at());
        }
        this.measures = new MeasureCollector(model.layout.targets());
        this.outcomeCounts = new long[model.layout.outcomes().size()];
        this.caseloadExits = new long[outcomeCounts.length];
        if (model.caseloadSize() > 0) new CaseloadPlacement(this, model, bank, number).schedule(0);
        for (ResourcePool p : pools) {
            if (p.spec.changeAt().length > 0) new CapacityChange(this, p).schedule(p.spec.changeAt()[0]);
        }
        new Window(true).schedule(warmup);
        new Window(false).schedule(horizon);
        new EndOfFollowUp().schedule(horizon + model.run.followUp());
    }

    /** Asks for each cohort child's record (see {@link ChildObserver}); call before {@link #run()}. */
    public Replication observe(ChildObserver o) {
        this.observer = o;
        return this;
    }

    /** Runs to the end and returns what was measured. */
    public ReplicationResult run() {
        sim.start();
        return result();
    }

    // ---------------------------------------------------------------- common stage mechanics

    CountingSimulator simulator() {
        return sim;
    }

    double now() {
        return sim.time();
    }

    boolean inWindow(double t) {
        return t >= warmup && t < horizon;
    }

    StageStats stats(int stage) {
        return stats[stage];
    }

    StageNode node(int stage) {
        return nodes[stage];
    }

    /** A child's pending event fired: either an {@code after} delay ended, or its stage's timer did. */
    void fire(Child c) {
        int to = c.transitTo;
        if (to >= 0) {
            c.transitTo = -1;
            enter(c, to);
        } else {
            nodes[c.stage].timerEnded(c);
        }
    }

    void enter(Child c, int stage) {
        double now = sim.time();
        c.stage = stage;
        c.enteredAt = now;
        record(c, model.stages[stage].enterMilestones(), now);
        StageStats st = stats[stage];
        if (now >= warmup && now < horizon) st.entries++;
        st.enter();
        if (trace != null) trace.step(now, c.id, c.seat, stage, Trace.Step.ENTER);
        nodes[stage].accept(c);
    }

    /** Leaves the current stage and takes a route out of it. */
    void leave(Child c) {
        recordLeave(c);
        route(c);
    }

    /** The statistics of leaving the current stage (no routing). */
    void recordLeave(Child c) {
        StageStats st = stats[c.stage];
        st.leave();
        if (c.enteredAt >= warmup && c.enteredAt < horizon) {
            st.sumTime += sim.time() - c.enteredAt;
            st.timed++;
        }
        if (trace != null) trace.step(sim.time(), c.id, c.seat, c.stage, Trace.Step.LEAVE);
    }

    void recordWait(Child c, double wait) {
        if (c.enteredAt >= warmup && c.enteredAt < horizon) {
            StageStats st = stats[c.stage];
            st.sumWait += wait;
            st.waited++;
        }
    }

    void traceStart(Child c) {
        if (trace != null) trace.step(sim.time(), c.id, c.seat, c.stage, Trace.Step.START);
    }

    /** Chooses a route out of the child's current stage and follows it. */
    void route(Child c) {
        int s = c.stage;
        follow(c, routings[s], routeStreams[s], afterSamplers[s]);
    }

    /** From now on, routes out of {@code stage} by {@code routing} (drawn on the stage's same streams). */
    void routeBy(int stage, Model.Routing routing) {
        routings[stage] = routing;
        afterSamplers[stage] = samplers.after(routing, afterStreams[stage]);
    }

    private void follow(Child c, Model.Routing routing, RandomStream stream, Sampler[][] after) {
        Child root = c.root;
        int g = routing.groupOf(root.profile, sim.time() - root.birth);
        Model.Group group = routing.groups()[g];
        int k = 0;
        double[] cumulative = group.cumulative();
        if (cumulative.length > 1) {
            // One uniform per choice, from the stage's own routing stream (none when there is no choice).
            double u = stream.nextDouble();
            while (u >= cumulative[k]) k++;
        }
        record(c, group.leaveMilestones()[k], sim.time());
        int[] set = group.setAttribute()[k];
        if (set != null) {
            for (int i = 0; i < set.length; i++) c.levels[set[i]] = group.setLevel()[k][i];
            root.profile = model.graph.profiles().of(c.levels);
        }
        int to = group.to()[k];
        Sampler delay = after[g][k];
        if (delay == null) {
            enter(c, to);
        } else {
            c.transitTo = to;
            c.schedule(delay.sample());
        }
    }

    private void record(Child c, int[] milestones, double now) {
        for (int m : milestones) {
            if (model.lastOccurrence[m] || Double.isNaN(c.milestones[m])) c.milestones[m] = now;
        }
    }

    /** Queue-length guard: a runaway queue stops the run instead of exhausting memory. */
    void checkQueue(int stage, int length) {
        if (length > model.run.queueLimit() && runaway == null) {
            runaway = "the queue at '" + model.stages[stage].name() + "' passed " + model.run.queueLimit()
                    + " children at day " + Math.round(sim.time()) + " of replication " + number;
            sim.stop();
        }
    }

    // ---------------------------------------------------------------- arrivals and exits

    /**
     * Takes in a child arriving from source {@code source} with the given attribute levels and age (days, NaN when
     * children have none), and sends it on by the source's routes.
     */
    void arrive(int source, int[] levels, double age, Model.Routing routing, RandomStream route, Sampler[][] after) {
        double now = sim.time();
        boolean inCohort = now >= warmup && now < horizon;
        Child c = inSystem.enter().begin(nextId++, model.graph.profiles().of(levels), levels, inCohort, false, now,
                age);
        arrivals++;
        if (inCohort) {
            cohort++;
            cohortInSystem++;
        }
        if (inSystem.size() > 10L * model.run.queueLimit() && runaway == null) {
            runaway = "more than " + 10L * model.run.queueLimit() + " children were in the system at day "
                    + Math.round(now) + " of replication " + number;
            sim.stop();
        }
        c.milestones[model.arrivalMilestone] = now;
        if (trace != null) trace.step(now, c.id, c.seat, source, Trace.Step.ARRIVE);
        follow(c, routing, route, after);
    }

    void exit(Child c, int outcome) {
        double now = sim.time();
        StageStats st = stats[c.stage];
        st.leave();
        if (c.enteredAt >= warmup && c.enteredAt < horizon) st.timed++;
        if (now >= warmup && now < horizon) outcomeCounts[outcome]++;
        if (trace != null) trace.step(now, c.id, c.seat, c.stage, Trace.Step.EXIT);
        inSystem.leave(c);   // its object may carry a later arrival, once this one is done with
        if (c.cohort) {
            cohortExited++;
            cohortInSystem--;
            addMeasures(c, false);
            if (observer != null) observer.child(c.id, c.profile, c.milestones, false);
            if (horizonPassed && cohortInSystem == 0 && caseloadInSystem == 0) sim.stop();
        } else if (c.caseload) {
            caseloadInSystem--;
            caseloadExits[outcome]++;
            addMeasures(c, false);
            if (observer != null) observer.caseloadChild(c.id, c.profile, c.milestones, false);
            if (horizonPassed && cohortInSystem == 0 && caseloadInSystem == 0) sim.stop();
        } else if (observer != null) {
            observer.earlierChild(c.id, c.profile, c.milestones, false);
        }
    }

    private void addMeasures(Child c, boolean stillInSystem) {
        int offset = c.caseload ? model.measures.length : 0; // the caseload's twins of each measure follow the cohort's
        for (int m = 0; m < model.measures.length; m++) {
            Model.CompiledMeasure measure = model.measures[m];
            if (measure.counts() != null && !measure.counts()[c.profile]) continue;
            double from = c.milestones[measure.from()];
            double to = c.milestones[measure.to()];
            if (Double.isNaN(from)) continue;
            if (!Double.isNaN(to) && to >= from) {
                measures.add(offset + m, measured(m, from, to));
            } else if (stillInSystem) {
                measures.censor(offset + m, measured(m, from, sim.time()));
            }
        }
        if (!c.caseload) return;
        // Clearance: from the start of the run (day 0) to any outcome, and to permanence.
        int k = model.clearanceMeasure;
        if (stillInSystem) measures.censor(k, sim.time());
        else measures.add(k, sim.time());
        if (model.permanenceMilestone < 0) return; // no permanence exit, so no such measure
        double permanence = c.milestones[model.permanenceMilestone];
        if (!Double.isNaN(permanence)) measures.add(k + 1, permanence);
        else if (stillInSystem) measures.censor(k + 1, sim.time());
    }

    private double measured(int m, double from, double to) {
        return model.interval(m, from, to);
    }

    // ---------------------------------------------------------------- results

    private ReplicationResult result() {
        if (!horizonPassed) closeWindow(); // stopped early (runaway): report what there is
        for (Child c : inSystem) {
            if (c.cohort) {
                censored++;
                addMeasures(c, true);
                if (observer != null) observer.child(c.id, c.profile, c.milestones, true);
            } else if (c.caseload) {
                addMeasures(c, true);
                if (observer != null) observer.caseloadChild(c.id, c.profile, c.milestones, true);
            } else if (observer != null) {
                observer.earlierChild(c.id, c.profile, c.milestones, true);
            }
        }
        double[][] measureRows = measures.rows(model.clearanceMeasure);
        double years = model.layout.years();
        double[][] stageRows = new double[stats.length][];
        for (int i = 0; i < stats.length; i++) stageRows[i] = stats[i].row(nodes[i].utilisation(), years);
        double[] outcomes = new double[outcomeCounts.length];
        for (int o = 0; o < outcomes.length; o++) outcomes[o] = outcomeCounts[o] / years;
        return new ReplicationResult(number, measureRows, stageRows, outcomes, arrivals, cohort, cohortExited, censored,
                sim.events(), sim.time(), runaway, caseloadOutcomes());
    }

    /** Where the caseload went: the share leaving by each outcome, then the share still in the system. */
    private double[] caseloadOutcomes() {
        int n = model.caseloadSize();
        if (n == 0) return new double[0];
        double[] share = new double[caseloadExits.length + 1];
        for (int o = 0; o < caseloadExits.length; o++) share[o] = (double) caseloadExits[o] / n;
        share[caseloadExits.length] = (double) caseloadInSystem / n;
        return share;
    }

    private void openWindow() {
        for (StageStats st : stats) st.openWindow();
        for (ResourcePool p : pools) p.openWindow();
        for (StageNode n : nodes) n.openWindow();
    }

    private void closeWindow() {
        for (StageStats st : stats) st.closeWindow();
        for (ResourcePool p : pools) p.closeWindow();
        for (StageNode n : nodes) n.closeWindow();
    }

    // ---------------------------------------------------------------- events

    /** Takes in a child of today's caseload, with the given levels, part-way through its stage. */
    void place(Model.Placed p, int[] levels, double age) {
        Child c = inSystem.enter().begin(nextId++, model.graph.profiles().of(levels), levels, false, true,
                -p.sinceAccommodation(), age);
        for (int m = 0; m < model.milestoneCount; m++) c.milestones[m] = -p.milestonesAgo()[m];
        c.milestones[model.arrivalMilestone] = -p.sinceAccommodation();
        caseloadInSystem++;
        int s = p.stage();
        int fork = model.stages[s].forkAround();
        if (fork != CompiledStage.NOT_IN_A_BRANCH) {
            // In a fork's branch: the root waits at the fork for this branch alone (the others are taken as done).
            c.stage = fork;
            c.enteredAt = -p.inStage();
            c.pendingBranches = 1;
            stats[fork].enter();
            c = new Child(c);
        }
        c.stage = s;
        c.enteredAt = -p.inStage();
        record(c, model.stages[s].enterMilestones(), c.enteredAt);
        stats[s].enter();
        if (trace != null) trace.step(0, c.id, c.seat, s, Trace.Step.ENTER);
        nodes[s].resume(c, p.inStage());
    }

    /** Opens (at warm-up) or closes (at the horizon) the observation window. */
    private final class Window extends Event {
        private final boolean open;

        Window(boolean open) {
            super(Replication.this.sim); // Event has a field of its own called sim
            this.open = open;
            setPriority(EventOrder.WINDOW);
        }

        @Override
        public void actions() {
            if (open) {
                openWindow();
                return;
            }
            closeWindow();
            horizonPassed = true;
            if (cohortInSystem == 0 && caseloadInSystem == 0) sim.stop();
        }
    }

    /** The end of follow-up: whoever of the cohort is still in the system is censored. */
    private final class EndOfFollowUp extends Event {
        EndOfFollowUp() {
            super(Replication.this.sim); // Event has a field of its own called sim
            setPriority(EventOrder.WINDOW);
        }

        @Override
        public void actions() {
            sim.stop();
        }
    }
}
