package org.pacesim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;


import org.pacesim.Version;
import org.pacesim.experiment.MergedReplications;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.experiment.ShardRun;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.Scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The folder a shard of a run writes ({@code --shard i/n}) and {@code pace merge} reads:
 * <ul>
 *   <li>{@code manifest.json}: what was run (format, version, the command line, the SHA-256 of every input file,
 *       each scenario as run, after its extends and changes, seed, replications, the shard i of n and the
 *       replications it ran);</li>
 *   <li>{@code replications.bin.gz}: every replication the shard ran, complete (the figures of
 *       {@code ReplicationResult} and the chart detail of {@code ReplicationDetail}), request by request, in the
 *       binary form of {@link ShardReplications}, gzipped at its fastest level. A double is kept as its 64 bits, so
 *       a merge computes what one process computes, to the last digit, without parsing a decimal.</li>
 * </ul>
 */
public final class ShardFolder {
    /**
     * The format of both files; a merge refuses another. Format 1 (pace-sim before this one) held the replications as
     * JSON ({@code replications.json.gz}); parsing its decimals was most of a merge.
     */
    public static final int FORMAT = 2;
    /** What manifest.json calls itself. */
    public static final String KIND = "pace-sim shard";
    static final String MANIFEST = "manifest.json";
    static final String REPLICATIONS = "replications.bin.gz";

    /**
     * Fields of a manifest that differ from shard to shard of one run; every other field must agree for a merge.
     */
    private static final Set<String> OWN = Set.of("shard_index", "replications_run", "command", "working_directory",
            "started", "seconds");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardFolder() {}

    /**
     * What the command says about itself for the manifest.
     *
     * @param command  the command line as typed
     * @param settings every setting that decides the results, by option (not the shard, folder, threads or
     *                 verbosity), so that shards of different runs are told apart
     * @param inputs   files the command read besides the scenarios' own (an experiment file)
     * @param started  when the shard started
     */
    public record Command(List<String> command, Map<String, String> settings, List<Path> inputs, Instant started) {}

    /** Writes manifest.json and replications.json.gz into the (staging) folder; the caller commits it. */
    public static void write(ShardRun run, Command command, ResultsFolder folder) throws IOException {
        folder.write(MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest(run, command))
                + "\n");
        List<MergedReplications.Stored> stored = run.requests().stream().map(r -> new MergedReplications.Stored(
                r.scenario().name(), r.first(), r.n(), r.detail(), r.completed(), r.runaway())).toList();
        try (OutputStream out = compressed(Files.newOutputStream(folder.staged(REPLICATIONS)))) {
            ShardReplications.write(stored, FORMAT, out);
        }
    }

    /**
     * Compressed by gzip at its fastest level: less than half the size (17 MB instead of 38 MB a shard of the main
     * job at 1,000 replications) for about half a second of CPU time to write and a tenth of one to read. Level 6
     * saves a further 6% for one and a half times the time to write.
     */
    private static OutputStream compressed(OutputStream file) throws IOException {
        return new GZIPOutputStream(file, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    private static Map<String, Object> manifest(ShardRun run, Command command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", KIND);
        m.put("format", FORMAT);
        m.put("version", Version.get());
        m.put("shard_index", run.shard().index());
        m.put("shard_count", run.shard().count());
        m.put("command", command.command());
        m.put("working_directory", Path.of("").toAbsolutePath().toString());
        m.put("started", command.started().toString());
        m.put("seconds", Math.round((Instant.now().toEpochMilli() - command.started().toEpochMilli()) / 10.0) / 100.0);
        m.put("settings", command.settings());
        Set<String> files = new LinkedHashSet<>();
        command.inputs().forEach(p -> files.add(p.toString()));
        List<Object> scenarios = new ArrayList<>();
        List<Object> requests = new ArrayList<>();
        List<Object> ran = new ArrayList<>();
        for (ShardRun.Request r : run.requests()) {
            Scenario s = r.scenario();
            files.addAll(s.files());
            scenarios.add(scenario(s));
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("scenario", s.name());
            q.put("seed", s.run().seed());
            q.put("first", r.first());
            q.put("replications", r.n());
            q.put("detail", r.detail());
            requests.add(q);
            ran.add(r.completed().stream().mapToInt(c -> c.result().replication()).toArray());
        }
        if (!run.requests().isEmpty()) {
            Scenario first = run.requests().get(0).scenario();
            m.put("seed", first.run().seed());
            m.put("replications", first.run().replications());
        }
        List<Object> hashed = new ArrayList<>();
        for (String f : files) hashed.add(Map.of("path", f, "sha256", RunJson.sha256(Path.of(f))));
        m.put("files", hashed);
        m.put("scenarios", scenarios);
        m.put("requests", requests);
        m.put("replications_run", ran);
        return m;
    }

    /** A scenario as run, after its extends and changes, as a tree (its name and changes when it has no tree). */
    private static Object scenario(Scenario s) {
        try {
            return JSON.valueToTree(s);
        } catch (IllegalArgumentException e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("changes", s.changes().stream().map(c -> c.kind() + ": " + c.summary()).toList());
            return m;
        }
    }

    /** Reads only the manifest of a shard folder. */
    public static JsonNode manifest(Path folder) {
        Location at = Location.of(folder.toString());
        JsonNode m;
        try {
            m = JSON.readTree(folder.resolve(MANIFEST).toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InvalidInputException(at, MANIFEST, "no manifest.json here: not the folder of a shard",
                    "name the folders written by pace run/experiment/compare/sensitivity --shard");
        } catch (IOException e) {
            throw new InvalidInputException(at, MANIFEST, "unreadable manifest.json (" + e.getMessage().split("\n")[0]
                    + ")", "run the shard again into a new folder");
        }
        int format = m.path("format").asInt();
        if (KIND.equals(m.path("kind").asText()) && format < FORMAT) {
            throw new InvalidInputException(at, MANIFEST, "a shard of format " + m.path("format").asText() + ", written"
                    + " by pace-sim " + m.path("version").asText() + "; this version (" + Version.get() + ") reads only"
                    + " shards of format " + FORMAT, "run the shard again with this version (the same command and"
                    + " --shard i/n), then merge");
        }
        if (!KIND.equals(m.path("kind").asText()) || format != FORMAT) {
            throw new InvalidInputException(at, MANIFEST, "not a shard of format " + FORMAT + " (kind '"
                    + m.path("kind").asText() + "', format " + m.path("format").asText() + ")",
                    "merge with the pace-sim version that wrote the shards (" + m.path("version").asText() + ")");
        }
        return m;
    }

    /**
     * Reads a shard folder's replications, once its manifest has been read and checked ({@link #manifest}); the
     * manifest holds every scenario as run and is read once.
     */
    public static MergedReplications.Part replications(Path folder) {
        Path file = folder.resolve(REPLICATIONS);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            return new MergedReplications.Part(folder.toString(), ShardReplications.read(in, FORMAT));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Location.of(file.toString()), "", "missing: the shard folder is not whole",
                    "run the shard again into a new folder");
        } catch (ShardReplications.Damaged e) {
            throw new InvalidInputException(Location.of(file.toString()), "", e.getMessage(), "run the shard again"
                    + " into a new folder");
        } catch (IOException e) {
            throw new InvalidInputException(Location.of(file.toString()), "", "unreadable (" + e.getMessage() + ")",
                    "run the shard again into a new folder");
        }
    }

    /**
     * The first field in which two shards' manifests disagree (beyond the shard's own i, replications and command
     * line), or null when they are shards of one run.
     */
    public static String disagreement(JsonNode a, JsonNode b) {
        Iterator<String> names = a.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!OWN.contains(f) && !a.get(f).equals(b.path(f))) return f;
        }
        Iterator<String> other = b.fieldNames();
        while (other.hasNext()) {
            String f = other.next();
            if (!OWN.contains(f) && !a.has(f)) return f;
        }
        return null;
    }

    /**
     * The files a shard read that are missing or different now (a relative path is read from the folder the shard
     * ran in, as the merge reads them again).
     */
    public static List<String> changedFiles(JsonNode manifest) {
        Path wd = Path.of(manifest.path("working_directory").asText("."));
        List<String> changed = new ArrayList<>();
        for (JsonNode f : manifest.path("files")) {
            String now = RunJson.sha256(wd.resolve(f.path("path").asText()));
            if (!now.equals(f.path("sha256").asText())) changed.add(f.path("path").asText());
        }
        return changed;
    }
}
