package org.pacesim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.pacesim.calendar.WorkingCalendar;
import org.pacesim.random.Categorical;
import org.pacesim.random.Distributions;
import org.pacesim.random.Residual;
import org.pacesim.random.Sampler;
import org.pacesim.random.StreamBank;
import org.pacesim.scenario.DistributionSpec;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.MeasureStat;
import org.pacesim.stats.Quantiles;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;

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
    private final Sampler[][][] afterSamplers;   // [stage][group][route]
    private final RandomStream[] sourceRouteStreams;
    private final Sampler[][][] sourceAfterSamplers;
    private final double warmup;
    private final double horizon;
    private final Trace trace;
    private ChildObserver observer;

    private final List<Child> inSystem = new ArrayList<>();
    private final double[][] measureValues;
    private final int[] measureCount;
    private final long[] outcomeCounts;
    private long nextId;
    private long arrivals;
    private long cohort;
    private long cohortExited;
    private long cohortInSystem;
    private long censored;
    private long caseloadInSystem;
    private final long[] caseloadExits;
    private final long[] measureCensored;
    private final long[] censoredPastTarget; // censored after waiting longer than the target: known not within it
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
        this.warmup = model.run.warmup();
        this.horizon = model.run.horizon();
        this.sim = new CountingSimulator(new EventCalendar());
        sim.init();
        int n = model.stages.length;
        this.stats = new StageStats[n];
        for (int i = 0; i < n; i++) stats[i] = new StageStats(sim);
        this.pools = new ResourcePool[model.resources.length];
        for (int r = 0; r < pools.length; r++) pools[r] = new ResourcePool(sim, model.resources[r]);
        this.nodes = new StageNode[n];
        this.routeStreams = new RandomStream[n];
        this.afterSamplers = new Sampler[n][][];
        for (int i = 0; i < n; i++) {
            CompiledStage stage = model.stages[i];
            String key = "stage:" + stage.name() + ":";
            nodes[i] = node(stage, bank, key);
            if (stage.routing() != null) {
                routeStreams[i] = bank.stream(key + "route", number);
                afterSamplers[i] = afterSamplers(stage.routing(), bank.stream(key + "after", number));
            }
        }
        this.sourceRouteStreams = new RandomStream[model.sources.length];
        this.sourceAfterSamplers = new Sampler[model.sources.length][][];
        for (int k = 0; k < model.sources.length; k++) {
            Model.Source src = model.sources[k];
            String key = "arrival:" + src.name() + ":";
            sourceRouteStreams[k] = bank.stream(key + "route", number);
            sourceAfterSamplers[k] = afterSamplers(src.routing(), bank.stream(key + "after", number));
            Categorical[] attributes = new Categorical[model.attributeNames.length];
            for (int a = 0; a < attributes.length; a++) {
                if (src.fixedLevel()[a] < 0) {
                    attributes[a] = new Categorical(model.attributeProbabilities[a],
                            bank.stream(key + "attribute:" + model.attributeNames[a], number));
                }
            }
            if (src.times().length > 0) {
                new Arrivals(k, null, null, attributes).schedule(src.times()[0]);
            } else {
                // A rate that varies is generated by thinning (Lewis and Shedler): candidates at the largest rate,
                // each kept with probability lambda(t) / largest, drawn from a stream of its own.
                double max = src.profile() == null ? 1 : src.profile().max();
                Sampler gap = Distributions.sampler(new DistributionSpec.Exponential(1.0 / (src.ratePerDay() * max),
                        DistributionSpec.Bounds.NONE), bank.stream(key + "interarrival", number), 1.0);
                RandomStream thinning = src.profile() == null ? null : bank.stream(key + "thinning", number);
                new Arrivals(k, gap, thinning, attributes).schedule(gap.sample());
            }
        }
        int measures = model.layout.measures().size();
        this.measureValues = new double[measures][64];
        this.measureCount = new int[measures];
        this.measureCensored = new long[measures];
        this.censoredPastTarget = new long[measures];
        this.outcomeCounts = new long[model.layout.outcomes().size()];
        this.caseloadExits = new long[outcomeCounts.length];
        if (model.caseloadSize() > 0) new Placement(bank).schedule(0);
        for (ResourcePool p : pools) {
            if (p.spec.changeAt().length > 0) new CapacityChange(p).schedule(p.spec.changeAt()[0]);
        }
        new Window(true).schedule(warmup);
        new Window(false).schedule(horizon);
        new EndOfFollowUp().schedule(horizon + model.run.followUp());
    }

    private StageNode node(CompiledStage stage, StreamBank bank, String key) {
        int i = stage.index();
        StageSpec s = stage.spec();
        CompiledStage.Part part = stage.part();
        if (part instanceof CompiledStage.Waits w) {
            StageSpec.Delay d = (StageSpec.Delay) s;
            Sampler dur = d.duration() == null ? null
                    : sampler(d.duration(), bank.stream(key + "duration", number), d.scale());
            DoubleUnaryOperator residual = dur == null || model.caseloadSize() == 0 ? null
                    : residual(d.duration(), bank.stream(key + "residual", number), d.scale());
            return w.until() == null ? new Delay(this, i, dur, residual, -1, 0)
                    : new Delay(this, i, dur, residual, w.until().milestone(), w.until().plus());
        }
        if (part instanceof CompiledStage.Served sv) {
            StageSpec.Service spec = (StageSpec.Service) s;
            DoubleUnaryOperator residual = model.caseloadSize() == 0 ? null
                    : residual(spec.duration(), bank.stream(key + "residual", number), spec.scale());
            return new Service(this, i, pools[sv.resource()],
                    sampler(spec.duration(), bank.stream(key + "duration", number), spec.scale()), residual);
        }
        if (part instanceof CompiledStage.Sits sits) {
            StageSpec.Meeting m = (StageSpec.Meeting) s;
            Sampler decision = m.decisionDelay() == null ? null
                    : sampler(m.decisionDelay(), bank.stream(key + "decision", number), m.scale());
            return new Meeting(this, i, m, sits.sittings(), decision);
        }
        if (part instanceof CompiledStage.Splits f) return new Fork(this, i, f.branches());
        if (part instanceof CompiledStage.Joins) return new Join(this, i);
        return new Exit(this, i, ((CompiledStage.Leaves) part).outcome());
    }

    private Sampler[][] afterSamplers(Model.Routing routing, RandomStream stream) {
        Sampler[][] out = new Sampler[routing.groups().length][];
        for (int g = 0; g < out.length; g++) {
            DistributionSpec[] after = routing.groups()[g].after();
            out[g] = new Sampler[after.length];
            for (int k = 0; k < after.length; k++) {
                if (after[k] != null) out[g][k] = sampler(after[k], stream, 1.0);
            }
        }
        return out;
    }

    /**
     * A sampler of a duration; one in working days draws a number of working days and turns it into calendar
     * time from now, on the run's calendar.
     */
    private Sampler sampler(DistributionSpec spec, RandomStream stream, double scale) {
        if (!(spec instanceof DistributionSpec.WorkingDays w)) return Distributions.sampler(spec, stream, scale);
        Sampler days = Distributions.sampler(w.inner(), stream, scale);
        WorkingCalendar cal = model.calendar;
        return () -> {
            double now = sim.time();
            return cal.addWorkingDays(now, days.sample()) - now;
        };
    }

    /** The remaining time, from day 0, of a duration already under way for {@code elapsed} days. */
    private DoubleUnaryOperator residual(DistributionSpec spec, RandomStream stream, double scale) {
        if (!(spec instanceof DistributionSpec.WorkingDays w)) return new Residual(spec, stream, scale)::remaining;
        Residual r = new Residual(w.inner(), stream, scale);
        WorkingCalendar cal = model.calendar;
        return elapsed -> cal.addWorkingDays(0, r.remaining(cal.workingDaysBetween(-elapsed, 0)));
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
        if (trace != null) trace.step(now, c.id, stage, Trace.Step.ENTER);
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
        if (trace != null) trace.step(sim.time(), c.id, c.stage, Trace.Step.LEAVE);
    }

    void recordWait(Child c, double wait) {
        if (c.enteredAt >= warmup && c.enteredAt < horizon) {
            StageStats st = stats[c.stage];
            st.sumWait += wait;
            st.waited++;
        }
    }

    void traceStart(Child c) {
        if (trace != null) trace.step(sim.time(), c.id, c.stage, Trace.Step.START);
    }

    /** Chooses a route out of the child's current stage and follows it. */
    void route(Child c) {
        int s = c.stage;
        follow(c, model.stages[s].routing(), routeStreams[s], afterSamplers[s]);
    }

    private void follow(Child c, Model.Routing routing, RandomStream stream, Sampler[][] after) {
        Child root = c.root;
        int g = routing.groupOfProfile()[root.profile];
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

    private void arrive(int source, Categorical[] attributes) {
        double now = sim.time();
        Model.Source src = model.sources[source];
        int[] levels = new int[attributes.length];
        for (int a = 0; a < levels.length; a++) {
            levels[a] = src.fixedLevel()[a] >= 0 ? src.fixedLevel()[a] : attributes[a].next();
        }
        boolean inCohort = now >= warmup && now < horizon;
        Child c = new Child(this, nextId++, model.graph.profiles().of(levels), levels, model.milestoneCount,
                inCohort, false, now);
        arrivals++;
        if (inCohort) {
            cohort++;
            cohortInSystem++;
        }
        c.slot = inSystem.size();
        inSystem.add(c);
        if (inSystem.size() > 10L * model.run.queueLimit() && runaway == null) {
            runaway = "more than " + 10L * model.run.queueLimit() + " children were in the system at day "
                    + Math.round(now) + " of replication " + number;
            sim.stop();
        }
        c.milestones[model.arrivalMilestone] = now;
        if (trace != null) trace.step(now, c.id, source, Trace.Step.ARRIVE);
        follow(c, src.routing(), sourceRouteStreams[source], sourceAfterSamplers[source]);
    }

    void exit(Child c, int outcome) {
        double now = sim.time();
        StageStats st = stats[c.stage];
        st.leave();
        if (c.enteredAt >= warmup && c.enteredAt < horizon) st.timed++;
        if (now >= warmup && now < horizon) outcomeCounts[outcome]++;
        if (trace != null) trace.step(now, c.id, c.stage, Trace.Step.EXIT);
        Child last = inSystem.remove(inSystem.size() - 1);  // swap-remove keeps removal O(1)
        if (last != c) {
            inSystem.set(c.slot, last);
            last.slot = c.slot;
        }
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
                addValue(offset + m, measured(m, from, to));
            } else if (stillInSystem) {
                censor(offset + m, measured(m, from, sim.time()));
            }
        }
        if (!c.caseload) return;
        // Clearance: from the start of the run (day 0) to any outcome, and to permanence.
        int k = model.clearanceMeasure;
        if (stillInSystem) censor(k, sim.time());
        else addValue(k, sim.time());
        if (model.permanenceMilestone < 0) return; // no permanence exit, so no such measure
        double permanence = c.milestones[model.permanenceMilestone];
        if (!Double.isNaN(permanence)) addValue(k + 1, permanence);
        else if (stillInSystem) censor(k + 1, sim.time());
    }

    /** Measure {@code m}'s value from {@code from} to {@code to}. */
    private double measured(int m, double from, double to) {
        // A statutory clock counts working days, kept as x 7/5 so that its weeks read as working weeks.
        return model.measures[m].working() ? model.calendar.workingDaysBetween(from, to) * 7.0 / 5.0 : to - from;
    }

    /**
     * A child still waiting at the end of the run, after {@code waited}: censored. Whether it is within the target
     * is known only when it has already waited longer; otherwise it might yet have been, so it is left out of the
     * share within target (see {@link MeasureStat#WITHIN_TARGET}).
     */
    private void censor(int m, double waited) {
        measureCensored[m]++;
        if (waited > model.layout.targets()[m]) censoredPastTarget[m]++;
    }

    private void addValue(int m, double v) {
        if (measureCount[m] == measureValues[m].length) {
            measureValues[m] = Arrays.copyOf(measureValues[m], measureCount[m] * 2);
        }
        measureValues[m][measureCount[m]++] = v;
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
            }
        }
        Quantiles q = new Quantiles();
        double[][] measures = new double[measureCount.length][MeasureStat.values().length];
        for (int m = 0; m < measures.length; m++) {
            double[] row = measures[m];
            int n = measureCount[m];
            row[MeasureStat.N.ordinal()] = n;
            row[MeasureStat.CENSORED.ordinal()] = measureCensored[m];
            if (n == 0) {
                for (MeasureStat s : MeasureStat.values()) if (s.isDuration()) row[s.ordinal()] = Double.NaN;
                row[MeasureStat.WITHIN_TARGET.ordinal()] = censoredPastTarget[m] > 0 ? 0 : Double.NaN;
                continue;
            }
            double[] v = measureValues[m];
            double sum = 0;
            int within = 0;
            double target = model.layout.targets()[m];
            for (int i = 0; i < n; i++) {
                sum += v[i];
                if (v[i] <= target) within++;
            }
            row[MeasureStat.MEAN.ordinal()] = sum / n;
            q.of(v, n);
            row[MeasureStat.MEDIAN.ordinal()] = q.at(50);
            row[MeasureStat.P10.ordinal()] = q.at(10);
            row[MeasureStat.P25.ordinal()] = q.at(25);
            row[MeasureStat.P75.ordinal()] = q.at(75);
            row[MeasureStat.P90.ordinal()] = q.at(90);
            row[MeasureStat.WITHIN_TARGET.ordinal()] = Double.isNaN(target) ? Double.NaN
                    : (double) within / (n + censoredPastTarget[m]);
        }
        if (model.clearanceMeasure >= 0) clearanceQuantiles(measures[model.clearanceMeasure], q);
        double years = model.layout.years();
        double[][] stageRows = new double[stats.length][StageStat.values().length];
        for (int i = 0; i < stats.length; i++) {
            StageStats st = stats[i];
            double[] row = stageRows[i];
            row[StageStat.WAIT_MEAN.ordinal()] = st.waited == 0 ? (st.timed == 0 ? Double.NaN : 0) : st.sumWait / st.waited;
            row[StageStat.TIME_IN_STAGE_MEAN.ordinal()] = st.timed == 0 ? Double.NaN : st.sumTime / st.timed;
            row[StageStat.QUEUE_LENGTH_MEAN.ordinal()] = st.waitingMean;
            row[StageStat.IN_STAGE_MEAN.ordinal()] = st.inStageMean;
            row[StageStat.UTILISATION.ordinal()] = nodes[i].utilisation();
            row[StageStat.ENTRIES_PER_YEAR.ordinal()] = st.entries / years;
        }
        double[] outcomes = new double[outcomeCounts.length];
        for (int o = 0; o < outcomes.length; o++) outcomes[o] = outcomeCounts[o] / years;
        return new ReplicationResult(number, measures, stageRows, outcomes, arrivals, cohort, cohortExited, censored,
                sim.events(), sim.time(), runaway, caseloadOutcomes());
    }

    /**
     * The clearance quantiles count the whole caseload: a child still in the system at the end has not cleared, so
     * the time by which 90% has cleared is not known (NaN) when more than 10% are censored. The other statistics
     * are those of a measure (the children who reached an outcome).
     */
    private void clearanceQuantiles(double[] row, Quantiles q) {
        int m = model.clearanceMeasure;
        int n = measureCount[m];
        int all = n + (int) measureCensored[m];
        if (all == 0) return;
        double[] v = Arrays.copyOf(measureValues[m], all);
        Arrays.fill(v, n, all, Double.POSITIVE_INFINITY);
        q.of(v, all);
        MeasureStat[] at = {MeasureStat.P10, MeasureStat.P25, MeasureStat.MEDIAN, MeasureStat.P75, MeasureStat.P90};
        int[] pct = {10, 25, 50, 75, 90};
        for (int i = 0; i < at.length; i++) {
            double x = q.at(pct[i]);
            row[at[i].ordinal()] = Double.isFinite(x) ? x : Double.NaN;
        }
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

    /** The arrivals of one source: a Poisson stream (or listed times) that stops at the horizon. */
    private final class Arrivals extends Event {
        private final int source;
        private final Sampler gap;          // null for listed times
        private final RandomStream thinning; // for a rate that varies, else null
        private final Categorical[] attributes;
        private int next = 1;               // index of the next listed time
        private int month;                  // for a rate that varies: the month the clock is in

        Arrivals(int source, Sampler gap, RandomStream thinning, Categorical[] attributes) {
            super(Replication.this.sim); // Event has a field of its own called sim
            this.source = source;
            this.gap = gap;
            this.thinning = thinning;
            this.attributes = attributes;
        }

        @Override
        public void actions() {
            double now = sim.time();
            if (now >= horizon) return;
            if (thinning == null || kept(now)) arrive(source, attributes);
            if (gap != null) {
                schedule(gap.sample());
            } else {
                double[] times = model.sources[source].times();
                if (next < times.length) schedule(times[next++] - sim.time());
            }
        }

        /** Whether a candidate arrival at {@code now} is kept: with probability lambda(now) / largest. */
        private boolean kept(double now) {
            Model.RateProfile p = model.sources[source].profile();
            while (month + 1 < p.monthStarts().length && p.monthStarts()[month + 1] <= now) month++;
            return thinning.nextDouble() * p.max() < p.factor(now, month);
        }
    }

    /**
     * Steps a resource's capacity through its schedule. Work in progress is never pre-empted: when capacity drops,
     * children being served finish and their servers are not refilled until busy is below the new capacity; when it
     * rises, children waiting start at once.
     */
    private final class CapacityChange extends Event {
        private final ResourcePool pool;
        private int step;

        CapacityChange(ResourcePool pool) {
            super(Replication.this.sim); // Event has a field of its own called sim
            this.pool = pool;
            setPriority(EventOrder.CAPACITY);
        }

        @Override
        public void actions() {
            double[] at = pool.spec.changeAt();
            pool.setCapacity(pool.spec.changeTo()[step++]);
            Child next;
            while (pool.hasFreeServer() && (next = pool.next()) != null) {
                stats[next.stage].stopWaiting();
                ((Service) nodes[next.stage]).start(next);
            }
            if (step < at.length) schedule(at[step] - sim.time());
        }
    }

    /**
     * Places today's caseload at the start: each child in its stage with the time it has already spent there,
     * longest-in-stage first (so that those furthest on hold the servers and head the queues). Children known only
     * in aggregate get their times drawn here, from streams of their own.
     */
    private final class Placement extends Event {
        private final StreamBank bank;

        Placement(StreamBank bank) {
            super(Replication.this.sim); // Event has a field of its own called sim
            this.bank = bank;
            setPriority(EventOrder.CASELOAD);
        }

        @Override
        public void actions() {
            List<Model.Placed> all = new ArrayList<>(Arrays.asList(model.caseload));
            for (int g = 0; g < model.caseloadGroups.length; g++) {
                Model.PlacedGroup group = model.caseloadGroups[g];
                String key = "caseload:counts[" + g + "]:";
                Sampler inStage = Distributions.sampler(group.inStage(), bank.stream(key + "in_stage", number), 1.0);
                Sampler since = Distributions.sampler(group.sinceAccommodation(), bank.stream(key + "since", number), 1.0);
                double[] none = new double[model.milestoneCount];
                Arrays.fill(none, Double.NaN);
                for (int k = 0; k < group.count(); k++) {
                    double in = inStage.sample();
                    all.add(new Model.Placed(group.stage(), in, Math.max(in, since.sample()), group.levels(), none));
                }
            }
            // Longest in stage first, across stages (stages may share a resource); stable, so rows with equal
            // times keep their order in the file.
            all.sort(Comparator.comparing(Model.Placed::inStage, Comparator.reverseOrder()));
            Categorical[] draw = new Categorical[model.attributeNames.length];
            for (int a = 0; a < draw.length; a++) {
                draw[a] = new Categorical(model.attributeProbabilities[a],
                        bank.stream("caseload:attribute:" + model.attributeNames[a], number));
            }
            for (Model.Placed p : all) place(p, draw);
        }
    }

    private void place(Model.Placed p, Categorical[] draw) {
        int[] levels = new int[draw.length];
        for (int a = 0; a < levels.length; a++) levels[a] = p.levels()[a] >= 0 ? p.levels()[a] : draw[a].next();
        Child c = new Child(this, nextId++, model.graph.profiles().of(levels), levels, model.milestoneCount,
                false, true, -p.sinceAccommodation());
        for (int m = 0; m < model.milestoneCount; m++) c.milestones[m] = -p.milestonesAgo()[m];
        c.milestones[model.arrivalMilestone] = -p.sinceAccommodation();
        c.slot = inSystem.size();
        inSystem.add(c);
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
        if (trace != null) trace.step(0, c.id, s, Trace.Step.ENTER);
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
