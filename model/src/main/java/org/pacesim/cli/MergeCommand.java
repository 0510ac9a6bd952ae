package org.pacesim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.pacesim.experiment.MergedReplications;
import org.pacesim.report.ShardFolder;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pace merge}: the results folder of a run made in shards. Checks that the shards are of one run (their
 * manifests agree, each shard is there once, the files they read are unchanged), then runs the shards' command
 * again on their replications instead of simulating: every file, chart and report comes out as one process would
 * have written it, and the CSV files byte for byte.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges the shard folders of a run (--shard i/n) into its results folder.",
                "The CSV files are byte-identical to those of the same command run in one process; charts, findings",
                "and report.html are made here. Shards that disagree, a shard given twice and missing shards are",
                "refused (exit 2)."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "the shards' folders")
    private List<Path> shards;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
            description = "results folder (must not exist or be empty)")
    private Path out;

    @Option(names = "--allow-partial", description = "write the results of the shards there are when some are "
            + "missing, marked PARTIAL")
    private boolean allowPartial;

    @Option(names = {"-q", "--quiet"}, description = "print only problems and where the results are")
    private boolean quiet;

    @Override
    public Integer call() {
        List<JsonNode> manifests = shards.stream().map(ShardFolder::manifest).toList();
        JsonNode first = manifests.get(0);
        int count = first.path("shard_count").asInt();
        Map<Integer, Path> byIndex = new TreeMap<>();
        for (int k = 0; k < shards.size(); k++) {
            JsonNode m = manifests.get(k);
            String field = ShardFolder.disagreement(first, m);
            if (field != null) {
                throw bad(shards.get(k), field, "this shard disagrees with " + shards.get(0) + " in '" + field + "': they"
                        + " are shards of different runs", "merge only the shards of one run (one command, the same"
                        + " files and pace-sim version)");
            }
            int i = m.path("shard_index").asInt();
            Path twice = byIndex.putIfAbsent(i, shards.get(k));
            if (twice != null) {
                throw bad(shards.get(k), "shard_index", "this is shard " + i + "/" + count + " again, as " + twice
                        + " is: its replications would be counted twice", "give each shard's folder once");
            }
        }
        List<Integer> absent = IntStream.range(0, count).filter(i -> !byIndex.containsKey(i)).boxed().toList();
        String partial = null;
        if (!absent.isEmpty()) {
            String which = absent.stream().map(i -> i + "/" + count).collect(Collectors.joining(", "));
            if (!allowPartial) {
                throw bad(shards.get(0), "shard_count", "shard" + (absent.size() == 1 ? " " : "s ") + which + " of this"
                        + " run " + (absent.size() == 1 ? "is" : "are") + " missing: their replications are in none of"
                        + " the folders given", "give every shard's folder (a failed shard can be run again alone with"
                        + " its --shard i/n), or --allow-partial to write what there is, marked PARTIAL");
            }
            partial = "merged without shard" + (absent.size() == 1 ? " " : "s ") + which + ": the replications r with"
                    + " r mod " + count + " in {" + absent.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + "} are missing; figures from part of a run are not results to quote.";
        }
        List<String> changed = ShardFolder.changedFiles(first);
        if (!changed.isEmpty()) {
            throw bad(shards.get(0), "files", "the shards read files that are missing or changed here: "
                    + String.join(", ", changed), "merge where the shards ran (" + first.path("working_directory")
                    .asText() + "), with the files they read");
        }
        // (read side by side, a shard a core: decompressing and building the replications is much of a merge; the
        // list keeps the order given)
        List<MergedReplications.Part> parts = shards.parallelStream().map(ShardFolder::replications).toList();
        List<String> args = replayed(first);
        CommandLine again = new CommandLine(new Pace());
        again.setOut(spec.commandLine().getOut());
        again.setErr(spec.commandLine().getErr());
        again.setExecutionExceptionHandler(spec.commandLine().getExecutionExceptionHandler());
        CommandLine sub = again.getSubcommands().get(args.get(0));
        if (sub == null || !(sub.getCommand() instanceof ShardOptions.Sharded sharded)) {
            throw bad(shards.get(0), "command", "the shard records no command that can be merged: " + args,
                    "merge the folders written by pace run, experiment, compare or sensitivity with --shard");
        }
        sharded.sharding().merged = new MergedReplications(parts, allowPartial);
        sharded.sharding().partial = partial;
        if (!quiet) {
            spec.commandLine().getOut().printf("Merging %d shard%s of: pace %s%n", shards.size(),
                    shards.size() == 1 ? "" : "s", String.join(" ", args));
            spec.commandLine().getOut().flush();
        }
        int code = again.execute(args.toArray(String[]::new));
        if (code == 0 && partial != null) {
            spec.commandLine().getErr().println("Partial results, marked PARTIAL: " + partial);
            return Pace.FAILED;
        }
        return code;
    }

    /**
     * The shards' command without its shard and folder, files named from where the shards ran (as
     * {@code pace rerun} does), writing into {@code --out}.
     */
    private List<String> replayed(JsonNode manifest) {
        JsonNode command = manifest.path("command");
        Path wd = Path.of(manifest.path("working_directory").asText("."));
        List<String> args = new ArrayList<>();
        for (int i = 1; i < command.size(); i++) {
            String a = command.get(i).asText();
            if (List.of("--out", "-o", "--shard", "--shards").contains(a)) {
                i++;
                continue;
            }
            if (a.startsWith("--out=") || a.startsWith("--shard=") || a.startsWith("--shards=")) continue;
            // A file named relative to where the shards ran, and not found from here, is named from there.
            boolean elsewhere = i > 1 && !a.startsWith("-") && !Files.exists(Path.of(a)) && Files.exists(wd.resolve(a));
            args.add(elsewhere ? wd.resolve(a).toString() : a);
        }
        args.add("--out");
        args.add(out.toString());
        if (quiet && !args.contains("-q") && !args.contains("--quiet")) args.add("--quiet");
        return args;
    }

    private static InvalidInputException bad(Path shard, String field, String what, String fix) {
        return new InvalidInputException(Location.of(shard.toString()), field, what, fix);
    }
}
