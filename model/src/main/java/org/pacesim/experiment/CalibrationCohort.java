package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import org.pacesim.engine.ChildObserver;
import org.pacesim.engine.Model;
import org.pacesim.engine.Replication;
import org.pacesim.graph.Profiles;
import org.pacesim.graph.SystemGraph;
import org.pacesim.random.StreamBank;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.Scenario;
import org.pacesim.stats.ReplicationResult;

/**
 * A baseline's replications as the calibration targets read them: each cohort child's times from first involvement
 * to an order, from the permanence decision to a match, to adoption for the under-5s and away from home before
 * reunification, gathered per replication, beside the replication's own results (for the flows of T8).
 *
 * <p>Replication r runs on substream r of the scenario's seed, whatever the thread that runs it, and the figures are
 * kept in replication order: two runs of the same scenario give the same figures, and two scenarios that differ in
 * a few values compare on common random numbers, which is what lets a fit tell nearby settings apart.
 *
 * @param scenario     the scenario run
 * @param model        its compiled model
 * @param gathered     each replication's figures, in replication order
 * @param replications each replication's results, in replication order
 */
record CalibrationCohort(Scenario scenario, Model model, List<Gathered> gathered, List<ReplicationResult> replications) {
    /** "First involvement" before accommodation for children not identified at birth (domain brief 4, A). */
    static final double INVOLVEMENT_OFFSET = 26 * Durations.WEEK;

    /** Per-replication figures gathered from each cohort child's milestones. */
    static final class Gathered {
        final List<Double> involvementToOrder = new ArrayList<>();  // months, adoption order or PO
        final List<Double> recommendationToMatch = new ArrayList<>(); // months
        final List<Double> adoptionUnder5 = new ArrayList<>();      // weeks
        final List<Double> awayBeforeHome = new ArrayList<>();      // weeks
    }

    /**
     * Runs the scenario's replications 0..R-1 on {@code pool}.
     *
     * @param done told each replication's index when it ends (from any thread), or null
     */
    static CalibrationCohort run(Scenario s, ExecutorService pool, IntConsumer done) {
        Model m = Model.compile(SystemGraph.of(s));
        StreamBank bank = new StreamBank(s.run().seed());
        List<Future<Object[]>> futures = new ArrayList<>();
        for (int r = 0; r < s.run().replications(); r++) {
            final int rep = r;
            futures.add(pool.submit(() -> {
                Gathered g = new Gathered();
                ReplicationResult res = new Replication(m, bank, rep, null).observe(observer(m, g)).run();
                if (done != null) done.accept(rep);
                return new Object[] {res, g};
            }));
        }
        List<Gathered> gathered = new ArrayList<>();
        List<ReplicationResult> results = new ArrayList<>();
        try {
            for (Future<Object[]> f : futures) {
                Object[] o = f.get();
                results.add((ReplicationResult) o[0]);
                gathered.add((Gathered) o[1]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
        return new CalibrationCohort(s, m, List.copyOf(gathered), List.copyOf(results));
    }

    private static ChildObserver observer(Model m, Gathered g) {
        List<String> names = m.milestoneNames();
        int arrival = names.indexOf("arrival");
        int rec = names.indexOf("permanence_recommended");
        int order = names.indexOf("order_granted");
        int matched = names.indexOf("matched");
        int adopted = names.indexOf("adopted");
        int home = names.indexOf("home_again");
        Profiles profiles = m.graph().profiles();
        int age = profiles.find("age_band");
        int entry = profiles.find("entry");
        int plan = profiles.find("plan");
        return (id, profile, t, censored) -> {
            String planLevel = level(profiles, plan, profile);
            double offset = "pre_birth".equals(level(profiles, entry, profile)) ? 0 : INVOLVEMENT_OFFSET;
            if (adopted >= 0 && !Double.isNaN(t[adopted])) {
                g.involvementToOrder.add((t[adopted] - t[arrival] + offset) / Durations.MONTH);
            } else if (order >= 0 && !Double.isNaN(t[order]) && "po".equals(planLevel)) {
                g.involvementToOrder.add((t[order] - t[arrival] + offset) / Durations.MONTH);
            }
            if (rec >= 0 && matched >= 0 && !Double.isNaN(t[matched]) && !Double.isNaN(t[rec])) {
                g.recommendationToMatch.add((t[matched] - t[rec]) / Durations.MONTH);
            }
            String a = level(profiles, age, profile);
            if (adopted >= 0 && !Double.isNaN(t[adopted]) && ("under1".equals(a) || "age1to4".equals(a))) {
                g.adoptionUnder5.add((t[adopted] - t[arrival]) / Durations.WEEK);
            }
            if (home >= 0 && !Double.isNaN(t[home])) g.awayBeforeHome.add((t[home] - t[arrival]) / Durations.WEEK);
        };
    }

    private static String level(Profiles p, int attribute, int profile) {
        return attribute < 0 ? null : p.levelName(profile, attribute);
    }
}
