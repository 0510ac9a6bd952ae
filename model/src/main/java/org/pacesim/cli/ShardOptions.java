package org.pacesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pacesim.experiment.MergedReplications;
import org.pacesim.experiment.Replications;
import org.pacesim.experiment.Shard;
import org.pacesim.experiment.ShardRun;
import org.pacesim.report.ResultsFolder;
import org.pacesim.report.ShardFolder;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code --shard i/n} and {@code --shards N}, for every command whose replications can be spread over machines
 * (run, experiment, compare, sensitivity); and, when {@code pace merge} runs the command again, the shards'
 * replications to run it on.
 */
final class ShardOptions {
    /** Options that do not change a run's results: shards of one run may differ in them. */
    private static final Set<String> NOT_SETTINGS = Set.of("--shard", "--shards", "--out", "--threads", "--quiet");

    @Option(names = "--shard", paramLabel = "i/n|auto", description = "run only shard i of n (i from 0): the "
            + "replications r with r mod n = i, of every scenario, into a shard folder for pace merge. 'auto' reads "
            + "i and n from a Slurm job array or, with --shards, a Kubernetes Indexed Job")
    String shard;

    @Option(names = "--shards", paramLabel = "N", description = "with --shard auto in a Kubernetes Indexed Job: the "
            + "number of shards (the Job's completions)")
    Integer shards;

    /** Set by pace merge: the replications are read back from shards rather than simulated. */
    MergedReplications merged;
    /** Set by pace merge when shards are missing: why the results are partial. */
    String partial;

    interface Sharded {
        /** The command's shard options. */
        ShardOptions sharding();
    }

    /** The shard this process runs, from the command line and the environment; null when not sharded. */
    Shard shard(int replications) {
        return shard(System.getenv(), replications, "replications");
    }

    /** The same for a run whose work comes in other units than replications (an uncertainty design's). */
    Shard shard(int units, String unit) {
        return shard(System.getenv(), units, unit);
    }

    Shard shard(Map<String, String> env, int replications) {
        return shard(env, replications, "replications");
    }

    private Shard shard(Map<String, String> env, int replications, String unit) {
        if (shard == null) {
            if (shards != null) throw bad("--shards", "--shards is for --shard auto", "add --shard auto, or leave out"
                    + " --shards");
            return null;
        }
        Shard s = shard.equals("auto") ? auto(env) : given();
        if (s.count() > replications) {
            throw bad("--shard", s.count() + " shards of " + replications + " " + unit + ": a shard would have none",
                    "use at most " + replications + " shards, or more " + unit);
        }
        return s;
    }

    private Shard given() {
        if (shards != null) throw bad("--shards", "--shards is for --shard auto", "leave out --shards with --shard i/n");
        String[] parts = shard.split("/", -1);
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0].trim());
                int n = Integer.parseInt(parts[1].trim());
                if (n >= 1 && i >= 0 && i < n) return new Shard(i, n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad("--shard", "'" + shard + "' is not a shard i/n with 0 <= i < n, nor auto", "e.g. --shard 0/4 for"
                + " the first of four shards");
    }

    /**
     * The shard from a Slurm job array ({@code SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN} of
     * {@code SLURM_ARRAY_TASK_COUNT}) or a Kubernetes Indexed Job ({@code JOB_COMPLETION_INDEX} of {@code --shards}).
     */
    private Shard auto(Map<String, String> env) {
        String task = env.get("SLURM_ARRAY_TASK_ID");
        if (task != null) {
            int id = number(env, "SLURM_ARRAY_TASK_ID");
            int min = number(env, "SLURM_ARRAY_TASK_MIN");
            int count = number(env, "SLURM_ARRAY_TASK_COUNT");
            if (count < 1 || id - min < 0 || id - min >= count) {
                throw bad("--shard", "Slurm's array task " + id + " (array from " + min + ", " + count + " tasks) is not"
                        + " a shard: the array must be a plain range such as --array=0-3", "submit with --array=0-"
                        + (Math.max(count, 1) - 1) + " (no step, no list)");
            }
            return new Shard(id - min, count);
        }
        String index = env.get("JOB_COMPLETION_INDEX");
        if (index != null) {
            if (shards == null || shards < 1) {
                throw bad("--shards", "a Kubernetes Indexed Job gives the index (JOB_COMPLETION_INDEX=" + index
                        + ") but not the number of shards", "add --shards N, N being the Job's completions");
            }
            int i = number(env, "JOB_COMPLETION_INDEX");
            if (i < 0 || i >= shards) {
                throw bad("--shards", "JOB_COMPLETION_INDEX=" + i + " is not below --shards " + shards,
                        "set --shards to the Job's completions");
            }
            return new Shard(i, shards);
        }
        throw bad("--shard", "--shard auto found neither a Slurm job array (SLURM_ARRAY_TASK_ID) nor a Kubernetes"
                + " Indexed Job (JOB_COMPLETION_INDEX) in the environment", "run it as a Slurm array task or an"
                + " Indexed Job's pod, or give the shard: --shard i/n");
    }

    private static int number(Map<String, String> env, String name) {
        String v = env.get(name);
        try {
            return Integer.parseInt(v == null ? "" : v.trim());
        } catch (NumberFormatException e) {
            throw bad("--shard", "--shard auto: " + name + (v == null ? " is not set" : "='" + v + "' is not a number"),
                    "run it as a task of a Slurm job array (sbatch --array=0-N)");
        }
    }

    private static InvalidInputException bad(String option, String what, String fix) {
        return new InvalidInputException(Location.of("command line"), option, what, fix);
    }

    /** Refuses an option that needs every replication in one place. */
    void refuse(boolean given, String option, String why) {
        if (shard != null && given) throw bad(option, option + " cannot be used with --shard: " + why, "leave out "
                + option + ", or run without --shard");
    }

    /** Where the replications come from: read back by a merge, one shard's simulated, or all simulated. */
    Replications source(Shard s) {
        if (merged != null) return merged;
        return s == null ? Replications.SIMULATE : new ShardRun(s);
    }

    /** The stem of the default folder: a shard's says which shard it is. */
    static String stem(String stem, Shard s) {
        return s == null ? stem : stem + "-shard-" + s.index() + "-of-" + s.count();
    }

    /**
     * Marks a merge of some shards only as partial with PARTIAL.txt, as a run stopped early is marked; the command
     * passes {@link #partial} to its report, which marks run.json.
     */
    void markPartial(ResultsFolder folder) throws IOException {
        if (partial != null) folder.write("PARTIAL.txt", partial + "\n");
    }

    /**
     * Writes a shard's folder and moves it into place.
     *
     * @param inputs files the command read besides the scenarios' own
     */
    static Path finish(CommandSpec spec, ShardRun run, List<Path> inputs, Instant started, ResultsFolder folder,
                       boolean quiet) throws IOException {
        ParseResult parsed = spec.commandLine().getParseResult();
        ShardFolder.write(run, new ShardFolder.Command(Options.commandLine(spec), settings(parsed), inputs, started),
                folder);
        Path written = folder.commit();
        PrintWriter o = spec.commandLine().getOut();
        int reps = run.requests().stream().mapToInt(r -> r.completed().size()).sum();
        if (!quiet) {
            o.printf("Shard %s: %d replications of %d scenario runs written to %s%n", run.shard(), reps,
                    run.requests().size(), written);
            o.println("Merge the shards with: pace merge SHARD_DIR... --out DIR");
        } else {
            o.println(written);
        }
        return written;
    }

    /** Every option and parameter that decides the results, as given (not the shard, folder, threads, verbosity). */
    static Map<String, String> settings(ParseResult parsed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (PositionalParamSpec p : parsed.matchedPositionals()) {
            out.put(p.paramLabel(), String.join(" ", p.originalStringValues()));
        }
        for (OptionSpec o : parsed.matchedOptions()) {
            if (NOT_SETTINGS.contains(o.longestName())) continue;
            out.put(o.longestName(), String.join(" ", o.originalStringValues()));
        }
        return out;
    }
}
