package org.pacesim.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.Version;
import org.pacesim.experiment.Caveats;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.AppliedChange;
import org.pacesim.scenario.Scenario;
import org.pacesim.stats.ReplicationResult;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** run.json: the provenance of a run (what was run, with which seed, from which files, how long it took). */
public final class RunJson {
    private static final JsonFactory JSON = new JsonFactory();

    private RunJson() {}

    /**
     * The JSON text.
     *
     * @param command the command line as typed
     * @param started when the run started
     * @param runs    the scenarios run
     */
    public static String of(List<String> command, Instant started, List<ScenarioResults> runs) {
        return of(command, started, runs, null);
    }

    /**
     * The JSON text of a run that may have stopped early.
     *
     * @param partial why some replications are missing (the run stopped early, or a merge lacked shards), or null
     *                for a complete run
     */
    public static String of(List<String> command, Instant started, List<ScenarioResults> runs, String partial) {
        return of(command, started, runs, partial, List.of());
    }

    /**
     * The JSON text, with warnings about other runs than {@code runs} (a sensitivity analysis's variants).
     *
     * @param more warnings beyond the scenarios' own, e.g. "capacity of adm moved down to 1: adm: offered load ..."
     */
    public static String of(List<String> command, Instant started, List<ScenarioResults> runs, String partial,
                            List<String> more) {
        Map<String, Object> tree = tree(command, started, runs, partial);
        @SuppressWarnings("unchecked")
        List<String> warnings = (List<String>) tree.get("warnings");
        warnings.addAll(more);
        return text(tree);
    }

    /**
     * A tree of maps, lists, strings, numbers and booleans as indented JSON, as Jackson's object mapper indents it.
     * Written through the streaming generator rather than the object mapper: the mapper's first use in a process
     * builds its serializers by reflection, which cost a small run about half a second of its fixed cost.
     */
    static String text(Object tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out + "\n";
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) write(g, o);
            g.writeEndArray();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            throw new IllegalArgumentException("run.json holds no " + value.getClass().getSimpleName());
        }
    }

    /** The provenance of a complete run as a tree of maps and lists (what run.json holds), for the report. */
    public static Map<String, Object> tree(List<String> command, Instant started, List<ScenarioResults> runs) {
        return tree(command, started, runs, null);
    }

    /** The provenance as a tree of maps and lists; {@code partial} as for {@link #of(List, Instant, List, String)}. */
    public static Map<String, Object> tree(List<String> command, Instant started, List<ScenarioResults> runs,
                                           String partial) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "pace-sim");
        root.put("status", partial == null ? "complete" : "partial");
        root.put("version", Version.get());
        root.put("command", command);
        root.put("working_directory", Path.of("").toAbsolutePath().toString());
        root.put("started", started.toString());
        root.put("java", System.getProperty("java.version"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        // Every reason a figure below is not a finding (overload, heavy censoring), before the figures.
        List<String> warnings = new ArrayList<>();
        if (partial != null) warnings.add(partial); // first: it bears on every figure below
        for (ScenarioResults r : runs) {
            for (Caveats.Caveat c : Caveats.of(r)) warnings.add(r.name() + ": " + c);
        }
        root.put("warnings", warnings);
        List<Object> scenarios = new ArrayList<>();
        for (ScenarioResults r : runs) {
            Scenario s = r.scenario();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("file", s.file());
            List<Object> files = new ArrayList<>();
            for (String f : s.files()) {
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("path", f);
                file.put("sha256", sha256(Path.of(f)));
                files.add(file);
            }
            m.put("files", files);
            m.put("seed", s.run().seed());
            m.put("replications", s.run().replications());
            m.put("horizon_days", s.run().horizon());
            m.put("warmup_days", s.run().warmup());
            m.put("follow_up_days", s.run().followUp());
            m.put("threads", r.threads());
            m.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            List<Object> changes = new ArrayList<>();
            for (AppliedChange c : s.changes()) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("kind", c.kind());
                change.put("summary", c.summary());
                change.put("why", c.why());
                changes.add(change);
            }
            m.put("changes", changes);
            m.put("events", r.events());
            m.put("arrivals", r.replications().stream().mapToLong(ReplicationResult::arrivals).sum());
            m.put("cohort", r.replications().stream().mapToLong(ReplicationResult::cohort).sum());
            m.put("censored", r.replications().stream().mapToLong(ReplicationResult::censored).sum());
            m.put("warnings", r.warnings());
            scenarios.add(m);
        }
        root.put("scenarios", scenarios);
        return root;
    }

    /** The SHA-256 of a file's bytes in hex, or "unreadable". */
    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }
}
