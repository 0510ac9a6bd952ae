package org.pacesim.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pacesim.graph.SystemGraph;
import org.pacesim.random.StreamBank;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.stats.ReplicationResult;

/** Test helpers: a model from YAML text, and a replication's event log. */
final class Scenarios {
    private Scenarios() {}

    static Model model(String yaml) {
        try {
            Path dir = Files.createTempDirectory("pace-test");
            Path file = dir.resolve("scenario.yaml");
            Files.writeString(file, yaml);
            return Model.compile(SystemGraph.of(ScenarioLoader.load(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Model model(Path file) {
        return Model.compile(SystemGraph.of(ScenarioLoader.load(file)));
    }

    /** The event log of replication 0 as "time child stage STEP" lines, times in days to 3 decimals. */
    static List<String> log(Model m) {
        List<String> log = new ArrayList<>();
        new Replication(m, new StreamBank(m.scenario().run().seed()), 0,
                (t, child, seat, index, step) -> {
                    String stage = step == Trace.Step.ARRIVE ? m.scenario().arrivals().get(index).name()
                            : m.layout().stages().get(index);
                    log.add(String.format(Locale.ROOT, "%.3f %d %s %s", t, child, stage, step));
                }).run();
        return log;
    }

    static ReplicationResult run(Model m, int replication) {
        return new Replication(m, new StreamBank(m.scenario().run().seed()), replication, null).run();
    }
}
