package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A run made in shards ({@code --shard i/n}) and merged ({@code pace merge}) writes the same CSV files, byte for
 * byte, and the same charts as the run made in one process; shards that are not one run's are refused.
 */
class ShardMergeTest {
    private static final String EXPERIMENT = "src/test/resources/experiment/experiment.yaml";
    private static final String SCENARIO = "src/test/resources/engine/small-la.yaml";

    @TempDir
    Path dir;

    private static int pace(StringWriter err, String... args) {
        return Pace.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    /** Runs {@code command} in one process and in {@code n} shards, merges the shards; returns {one, merged}. */
    private Path[] oneAndMerged(int n, String... command) {
        StringWriter err = new StringWriter();
        Path one = dir.resolve("one");
        assertEquals(0, pace(err, with(command, "-q", "--out", one.toString())), err.toString());
        List<String> merge = new ArrayList<>(List.of("merge"));
        for (int i = 0; i < n; i++) {
            Path shard = dir.resolve("shard-" + i);
            assertEquals(0, pace(err, with(command, "-q", "--shard", i + "/" + n, "--out", shard.toString())),
                    err.toString());
            merge.add(shard.toString());
        }
        Path merged = dir.resolve("merged");
        merge.addAll(List.of("-q", "--out", merged.toString()));
        assertEquals(0, pace(err, merge.toArray(String[]::new)), err.toString());
        return new Path[] {one, merged};
    }

    private static String[] with(String[] command, String... more) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<String> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.toString().endsWith(suffix)).map(p -> folder.relativize(p).toString()).sorted()
                    .toList();
        }
    }

    private static void sameBytes(Path[] folders, String suffix) throws IOException {
        List<String> names = files(folders[0], suffix);
        assertFalse(names.isEmpty(), "no " + suffix + " files in " + folders[0]);
        assertEquals(names, files(folders[1], suffix));
        for (String f : names) {
            assertArrayEquals(Files.readAllBytes(folders[0].resolve(f)), Files.readAllBytes(folders[1].resolve(f)), f);
        }
    }

    @Test
    void threeShardsOfAnExperimentMergeToTheFilesOfOneProcess() throws IOException {
        Path[] f = oneAndMerged(3, "experiment", EXPERIMENT, "-r", "7", "-t", "1");
        sameBytes(f, ".csv");
        sameBytes(f, ".svg");
        sameBytes(f, ".png");
        assertTrue(Files.exists(f[1].resolve("report.html")) && Files.exists(f[1].resolve("findings.md")));
        assertFalse(Files.exists(f[1].resolve("PARTIAL.txt")));
    }

    /** An experiment with run charts: its shards keep each month's points, and the run-chart files merge exactly. */
    @Test
    void twoShardsOfAnExperimentWithRunChartsMergeToTheFilesOfOneProcess() throws IOException {
        Path[] f = oneAndMerged(2, "experiment", "src/test/resources/experiment/run-charts/experiment.yaml", "-r", "6",
                "-t", "1");
        assertTrue(Files.exists(f[1].resolve("runchart-replications.csv")));
        sameBytes(f, ".csv");
    }

    @Test
    void twoShardsOfARunMergeToTheFilesOfOneProcess() throws IOException {
        sameBytes(oneAndMerged(2, "run", SCENARIO, "-r", "5"), ".csv");
    }

    @Test
    void twoShardsOfASensitivityAnalysisMergeToTheFilesOfOneProcess() throws IOException {
        Path small = Files.writeString(dir.resolve("small.yaml"), """
                name: small
                run: {horizon: 4y, warmup: 1y, replications: 4, seed: 4}
                arrivals: [{name: in, rate: 30/year, to: assess}]
                resources: {legal: {capacity: 1}}
                stages:
                  assess: {kind: delay, duration: {lognormal: {median: 30w, p90: 60w}},
                           next: [{label: plan, p: 0.6, to: advice}, {label: home, p: 0.4, to: home}]}
                  advice: {kind: service, resource: legal, duration: 5d, next: panel}
                  panel: {kind: meeting, every: 4w, capacity: 5, next: done}
                  home: {kind: exit, outcome: home}
                  done: {kind: exit, outcome: permanence}
                """);
        Path[] f = oneAndMerged(2, "sensitivity", small.toString(), "-r", "4");
        sameBytes(f, ".csv");
        assertEquals(Files.readString(f[0].resolve("sensitivity.md")), Files.readString(f[1].resolve("sensitivity.md")));
    }

    /**
     * An uncertainty design in more shards than replications (its (point, replication) units are shared in turn),
     * with a queue limit low enough that some points run away: the merge stops those points as one process does.
     */
    @Test
    void fourShardsOfAnUncertaintyDesignMergeToTheFilesOfOneProcess() throws IOException {
        Path from = Path.of("src/test/resources/uncertainty");
        Files.writeString(dir.resolve("known.yaml"), Files.readString(from.resolve("known.yaml"))
                .replace("seed: 5}", "seed: 5, queue_limit: 12}"));
        Files.copy(from.resolve("faster.yaml"), dir.resolve("faster.yaml"));
        Path design = Files.writeString(dir.resolve("design.yaml"), Files.readString(
                from.resolve("known-experiment.yaml")).replace("serve.scale: {uniform: [0.5, 1.5]}",
                "serve.scale: {uniform: [0.5, 2.5]}"));
        Path[] f = oneAndMerged(4, "uncertainty", design.toString(), "-r", "3", "--points", "8", "-t", "1");
        sameBytes(f, ".csv");
        String findings = Files.readString(f[0].resolve("findings.md"));
        assertTrue(findings.contains("points are left out"), "some points overloaded: " + findings);
        assertEquals(findings, Files.readString(f[1].resolve("findings.md")));
    }

    @Test
    void aShardFolderHoldsAManifestAndTheReplicationsItRan() throws IOException {
        StringWriter err = new StringWriter();
        Path shard = dir.resolve("s");
        assertEquals(0, pace(err, "run", SCENARIO, "-r", "5", "-q", "--shard", "1/2", "--out", shard.toString()));
        String manifest = Files.readString(shard.resolve("manifest.json"));
        for (String field : List.of("\"version\"", "\"sha256\"", "\"seed\" : ", "\"shard_index\" : 1",
                "\"shard_count\" : 2", "\"replications_run\" : [ [ 1, 3 ] ]", "\"--shard\", \"1/2\"")) {
            assertTrue(manifest.contains(field), field + " in " + manifest);
        }
        assertTrue(Files.exists(shard.resolve("replications.bin.gz")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(shard), s.toList(), "only the shard folder, no staging folder left");
        }
    }

    private Path shard(String i, String... extra) {
        Path out = dir.resolve("shard-" + i.replace('/', '-') + String.join("", extra));
        StringWriter err = new StringWriter();
        assertEquals(0, pace(err, with(with(new String[] {"run", SCENARIO, "-r", "4", "-q", "--shard", i, "--out",
                out.toString()}), extra)), err.toString());
        return out;
    }

    private String refused(int code, Path... shards) {
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("merge"));
        for (Path s : shards) args.add(s.toString());
        args.addAll(List.of("-q", "--out", dir.resolve("merged").toString()));
        assertEquals(code, pace(err, args.toArray(String[]::new)), err.toString());
        return err.toString();
    }

    @Test
    void mergeRefusesShardsOfDifferentRunsAShardTwiceAndMissingShards() {
        Path a = shard("0/2");
        Path b = shard("1/2");
        Path other = shard("1/2", "--seed", "99");
        String twice = refused(2, a, b, b);
        assertTrue(twice.contains(b + ": shard_index: this is shard 1/2 again"), twice);
        String differ = refused(2, a, other);
        assertTrue(differ.contains(other + ": settings: this shard disagrees with " + a), differ);
        String missing = refused(2, a);
        assertTrue(missing.contains("shard 1/2 of this run is missing"), missing);
        assertFalse(Files.exists(dir.resolve("merged")), "a refused merge writes nothing");
    }

    @Test
    void aShardOfTheEarlierFormatIsRefusedWithWhatToRunAgain() throws IOException {
        Path a = shard("0/2");
        Path b = shard("1/2");
        for (Path s : List.of(a, b)) {
            Path manifest = s.resolve("manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replace("\"format\" : 2,", "\"format\" : 1,"));
        }
        String old = refused(2, a, b);
        assertTrue(old.contains(a + ": manifest.json: a shard of format 1, written by pace-sim"), old);
        assertTrue(old.contains("fix: run the shard again with this version"), old);
        assertFalse(old.contains("Exception") || old.contains("\tat "), "no stack trace: " + old);
        assertFalse(Files.exists(dir.resolve("merged")), "a refused merge writes nothing");
    }

    @Test
    void aTruncatedOrDamagedReplicationsFileIsRefusedByName() throws IOException {
        Path a = shard("0/2");
        Path b = shard("1/2");
        Path file = b.resolve("replications.bin.gz");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        String truncated = refused(2, a, b);
        assertTrue(truncated.contains(file + ": it ends early: truncated"), truncated);
        assertTrue(truncated.contains("fix: run the shard again"), truncated);
        byte[] damaged = whole.clone();
        damaged[whole.length / 2] ^= 1;
        Files.write(file, damaged);
        String changed = refused(2, a, b);
        assertTrue(changed.contains(file + ": ") && changed.contains("damaged"), changed);
        assertFalse(changed.contains("Exception"), "no stack trace: " + changed);
        Files.delete(file);
        String missing = refused(2, a, b);
        assertTrue(missing.contains(file + ": missing"), missing);
        assertFalse(Files.exists(dir.resolve("merged")), "a refused merge writes nothing");
    }

    @Test
    void withAllowPartialTheShardsThereAreAreMergedAndMarkedPartial() throws IOException {
        Path a = shard("0/2");
        StringWriter err = new StringWriter();
        Path merged = dir.resolve("merged");
        assertEquals(Pace.FAILED, pace(err, "merge", a.toString(), "--allow-partial", "-q", "--out", merged.toString()));
        assertTrue(Files.readString(merged.resolve("PARTIAL.txt")).contains("merged without shard 1/2"));
        assertTrue(Files.readString(merged.resolve("summary.csv")).contains("time_to_permanence"));
        // run.json is marked as a runaway run's is: status partial, and which replications are missing
        JsonNode run = new ObjectMapper().readTree(merged.resolve("run.json").toFile());
        assertEquals("partial", run.path("status").asText(), run.toString());
        assertTrue(run.path("warnings").get(0).asText().contains("merged without shard 1/2: the replications r with"
                + " r mod 2 in {1} are missing"), run.toString());
    }

    /** An experiment's report marks run.json through the same partial reason as a run's. */
    @Test
    void aPartialMergeOfAnExperimentMarksRunJsonPartial() throws IOException {
        StringWriter err = new StringWriter();
        Path shard = dir.resolve("shard");
        assertEquals(0, pace(err, "experiment", EXPERIMENT, "-r", "4", "-t", "1", "-q", "--shard", "0/2", "--out",
                shard.toString()), err.toString());
        Path merged = dir.resolve("merged");
        assertEquals(Pace.FAILED, pace(err, "merge", shard.toString(), "--allow-partial", "-q", "--out",
                merged.toString()), err.toString());
        JsonNode run = new ObjectMapper().readTree(merged.resolve("run.json").toFile());
        assertEquals("partial", run.path("status").asText(), run.toString());
        assertTrue(run.path("warnings").get(0).asText().contains("merged without shard 1/2"), run.toString());
        // report.html says so too: at the top, and in its provenance
        String html = Files.readString(merged.resolve("report.html"));
        assertTrue(html.contains("<p class=partial><strong>PARTIAL:</strong> merged without shard 1/2"), html);
        assertTrue(html.contains("<th>status</th><td><code>partial</code>"), "the provenance shows the status");
    }

    @Test
    void replicationsAutoAndRecordsAreRefusedWithShards() {
        StringWriter err = new StringWriter();
        assertEquals(2, pace(err, "experiment", EXPERIMENT, "-r", "auto", "--shard", "0/2", "-q", "--out",
                dir.resolve("x").toString()));
        assertTrue(err.toString().contains("--replications auto cannot be used with --shard"), err.toString());
        assertEquals(2, pace(err, "run", SCENARIO, "--records", dir.resolve("r.csv").toString(), "--shard", "0/2"));
        assertTrue(err.toString().contains("--records cannot be used with --shard"), err.toString());
        assertEquals(2, pace(err, "run", SCENARIO, "-r", "3", "--shard", "0/4"));
        assertTrue(err.toString().contains("4 shards of 3 replications: a shard would have none"), err.toString());
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
