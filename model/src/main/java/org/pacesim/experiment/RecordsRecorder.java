package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.engine.ChildObserver;
import org.pacesim.engine.Model;
import org.pacesim.engine.Replication;
import org.pacesim.engine.Trace;
import org.pacesim.graph.Profiles;
import org.pacesim.graph.SystemGraph;
import org.pacesim.random.StreamBank;
import org.pacesim.records.RecordsWriter;
import org.pacesim.scenario.Scenario;

/**
 * Gathers the records of one replication's cohort children, as an authority's tracking data would hold them: the
 * day each milestone was reached, the final attribute levels and the arrival source. It watches through the engine's
 * trace hook (for the source, named at arrival) and observer hook (for the milestones), so the replication runs
 * exactly as it does without it.
 */
public final class RecordsRecorder implements Trace, ChildObserver {
    private final Profiles profiles;
    /** The sources' names, by the index the trace gives at arrival. */
    private final List<String> sources;
    private final Map<Long, String> sourceOf = new HashMap<>();
    private final List<RecordsWriter.Row> rows = new ArrayList<>();

    private RecordsRecorder(Model model) {
        this.profiles = model.graph().profiles();
        this.sources = model.scenario().arrivals().stream().map(org.pacesim.scenario.ArrivalSource::name).toList();
    }

    /**
     * Compiles a checked scenario and runs its replication {@code number} (the same run as in its results); returns
     * its cohort children's records, in arrival order.
     */
    public static List<RecordsWriter.Row> of(Scenario scenario, int number) {
        return of(Model.compile(SystemGraph.of(scenario)), number);
    }

    /**
     * Runs replication {@code number} of a model (the same run as in its results) and returns its cohort children's
     * records, in arrival order.
     */
    public static List<RecordsWriter.Row> of(Model model, int number) {
        RecordsRecorder r = new RecordsRecorder(model);
        new Replication(model, new StreamBank(model.scenario().run().seed()), number, r).observe(r).run();
        List<RecordsWriter.Row> out = new ArrayList<>(r.rows);
        out.sort((a, b) -> Long.compare(a.number(), b.number()));
        return out;
    }

    @Override
    public void step(double time, long child, int seat, int stage, Step step) {
        if (step == Step.ARRIVE) sourceOf.put(child, sources.get(stage));
    }

    @Override
    public void child(long id, int profile, double[] milestones, boolean censored) {
        List<String> levels = new ArrayList<>();
        for (int a = 0; a < profiles.attributes().size(); a++) {
            levels.add(profiles.levelName(profile, a));
        }
        rows.add(new RecordsWriter.Row(id, milestones.clone(), List.copyOf(levels), sourceOf.remove(id)));
    }
}
