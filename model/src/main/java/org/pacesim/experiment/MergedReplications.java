package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.pacesim.engine.Model;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;

/**
 * The replications of a run read back from the folders its shards wrote ({@code pace merge}): the command is run
 * again, and each request it makes is answered from the shards' k-th requests, checked to be the same request and
 * to hold every replication exactly once. Replication r of a shard is replication r of a run in one process, so
 * what is built on them is the same to the last digit.
 */
public final class MergedReplications implements Replications {
    private final List<Part> parts;
    private final boolean allowPartial;
    private int next;
    private int missing;

    /**
     * What one shard holds.
     *
     * @param shard    the shard's folder, as named on the command line (for messages)
     * @param requests the requests it answered, in order
     */
    public record Part(String shard, List<Stored> requests) {}

    /**
     * One request as a shard stored it.
     *
     * @param scenario  the scenario's name
     * @param first     the first replication asked for
     * @param n         replications asked for
     * @param detail    what was gathered beyond the figures
     * @param completed the shard's replications, in order
     */
    public record Stored(String scenario, int first, int n, Detail detail, List<ScenarioRun.Completed> completed,
                         ShardRun.Runaway runaway) {}

    /**
     * @param parts        every shard given
     * @param allowPartial whether replications in no shard are left out (the result is then marked partial)
     *                     rather than refused
     */
    public MergedReplications(List<Part> parts, boolean allowPartial) {
        this.parts = List.copyOf(parts);
        this.allowPartial = allowPartial;
    }

    @Override
    public List<ScenarioRun.Completed> run(Model model, int first, int n, int threads, IntConsumer progress,
                                           Detail detail) {
        int k = next++;
        String name = model.scenario().name();
        TreeMap<Integer, ScenarioRun.Completed> byReplication = new TreeMap<>();
        TreeMap<Integer, String> from = new TreeMap<>();
        ShardRun.Runaway runaway = null;
        for (Part p : parts) {
            if (k >= p.requests().size()) throw differs(p, "it holds " + p.requests().size() + " scenario runs, the"
                    + " command makes more");
            Stored s = p.requests().get(k);
            if (!s.scenario().equals(name) || s.first() != first || s.n() != n || s.detail() != detail) {
                throw differs(p, "its scenario run " + (k + 1) + " is '" + s.scenario() + "' replications " + s.first()
                        + ".." + (s.first() + s.n() - 1) + ", the command asks for '" + name + "' replications "
                        + first + ".." + (first + n - 1) + (s.detail() == detail ? "" : " with other detail"));
            }
            if (s.runaway() != null && (runaway == null || s.runaway().replication() < runaway.replication())) {
                runaway = s.runaway();
            }
            for (ScenarioRun.Completed c : s.completed()) {
                int r = c.result().replication();
                if (r < first || r >= first + n) throw differs(p, "it holds replication " + r + " of '" + name + "'");
                if (byReplication.putIfAbsent(r, c) != null) {
                    throw new InvalidInputException(Location.of(p.shard()), "replications", "replication " + r + " of '"
                            + name + "' is also in " + from.get(r) + ": a replication may be merged only once",
                            "give each shard's folder once, and only shards of one run");
                }
                from.put(r, p.shard());
            }
        }
        if (runaway != null) {
            // As in one process: the first replication in order that ran away stops the request.
            int at = runaway.replication();
            throw new ScenarioRun.RunawayException(runaway.message(), byReplication.headMap(at).values().stream()
                    .map(ScenarioRun.Completed::result).toList());
        }
        if (byReplication.size() < n) {
            List<Integer> absent = new ArrayList<>();
            for (int r = first; r < first + n; r++) if (!byReplication.containsKey(r)) absent.add(r);
            if (!allowPartial) {
                throw new InvalidInputException(Location.of(parts.get(0).shard()), "replications", absent.size() + " of "
                        + n + " replications of '" + name + "' are in none of the shards given (" + shortList(absent)
                        + ")", "give every shard's folder (a failed shard can be run again alone with the same --shard"
                        + " i/n), or --allow-partial to write what there is, marked PARTIAL");
            }
            missing += absent.size();
        }
        if (progress != null) progress.accept(byReplication.size());
        return List.copyOf(byReplication.values());
    }

    /** Checks that the command asked for every scenario run the shards hold (after the command has run). */
    public void checkAllUsed() {
        for (Part p : parts) {
            if (p.requests().size() != next) throw differs(p, "it holds " + p.requests().size() + " scenario runs,"
                    + " the command made " + next);
        }
    }

    /** Replications asked for that no shard held (0 unless partial results were allowed). */
    public int missing() {
        return missing;
    }

    private static InvalidInputException differs(Part p, String what) {
        return new InvalidInputException(Location.of(p.shard()), "manifest.json", "this shard was made by another"
                + " command or from other inputs: " + what, "merge only shards of one run, made from the same files");
    }

    private static String shortList(List<Integer> rs) {
        String head = rs.stream().limit(8).map(String::valueOf).collect(Collectors.joining(", "));
        return "replication" + (rs.size() == 1 ? " " : "s ") + head + (rs.size() > 8 ? ", ..." : "");
    }
}
