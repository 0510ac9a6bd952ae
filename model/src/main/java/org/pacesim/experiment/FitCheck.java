package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.pacesim.engine.Model;
import org.pacesim.fit.KaplanMeier;
import org.pacesim.fit.Spell;
import org.pacesim.graph.SystemGraph;
import org.pacesim.records.Records;
import org.pacesim.records.RecordsWriter;
import org.pacesim.scenario.MilestoneSpec;
import org.pacesim.scenario.Scenario;

/**
 * Runs a fitted scenario and sets its children's time from arrival to each recorded milestone beside the records':
 * for both, the share that has reached the milestone by each time since arrival (one minus the Kaplan-Meier
 * estimate, with children not there yet censored when follow-up stops: at the as-of date for the records, at the
 * end of the arrivals for the simulation; a child who went another way never reaches it). The simulated estimate
 * pools the cohorts of all replications.
 */
public final class FitCheck {
    private FitCheck() {}

    /**
     * Observed against simulated for one milestone.
     *
     * @param milestone the milestone
     * @param observed  the records' estimate (time since arrival)
     * @param simulated the fitted scenario's estimate
     */
    public record Comparison(String milestone, KaplanMeier observed, KaplanMeier simulated) {}

    /**
     * Runs {@code fitted}'s replications and compares each recorded milestone (other than arrival).
     *
     * @param fitted  the fitted scenario (its run settings give replications and seed)
     * @param records the records it was fitted to
     * @param threads worker threads
     */
    public static List<Comparison> run(Scenario fitted, Records records, int threads) throws InterruptedException {
        Model model = Model.compile(SystemGraph.of(fitted));
        List<String> names = model.milestoneNames();
        int n = fitted.run().replications();
        List<List<RecordsWriter.Row>> reps = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "fit-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<RecordsWriter.Row>>> futures = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                final int rep = r;
                futures.add(pool.submit(() -> RecordsRecorder.of(model, rep)));
            }
            for (Future<List<RecordsWriter.Row>> f : futures) reps.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double horizon = fitted.run().horizon();
        int simArrival = names.indexOf(MilestoneSpec.ARRIVAL);
        List<Comparison> out = new ArrayList<>();
        for (String m : records.milestones()) {
            if (m.equals(MilestoneSpec.ARRIVAL)) continue;
            int sim = names.indexOf(m);
            List<Spell> simulated = new ArrayList<>();
            for (List<RecordsWriter.Row> rows : reps) {
                for (RecordsWriter.Row row : rows) {
                    double a = row.days()[simArrival];
                    double t = row.days()[sim];
                    if (!(a < horizon)) continue;
                    simulated.add(!Double.isNaN(t) && t <= horizon ? Spell.ended(t - a) : Spell.open(horizon - a));
                }
            }
            out.add(new Comparison(m, observed(records, m), KaplanMeier.of(simulated)));
        }
        return out;
    }

    /** The records' time from arrival to a milestone, censored at the as-of date, truncated at --from. */
    static KaplanMeier observed(Records records, String milestone) {
        int a = records.milestone(MilestoneSpec.ARRIVAL);
        int m = records.milestone(milestone);
        double asOf = records.asOfDay();
        double from = records.from() == null ? Double.NEGATIVE_INFINITY : records.fromDay();
        List<Spell> spells = new ArrayList<>();
        for (Records.Child c : records.children()) {
            double arrival = c.day(a);
            double t = c.day(m);
            if (!Double.isNaN(t) && t < from) continue; // reached before the records start
            double entered = arrival < from ? from - arrival : 0;
            spells.add(Double.isNaN(t) ? new Spell(asOf - arrival, false, entered)
                    : new Spell(t - arrival, true, entered));
        }
        return KaplanMeier.of(spells);
    }
}
