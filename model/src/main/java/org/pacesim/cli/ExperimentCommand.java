package org.pacesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.Replications;
import org.pacesim.experiment.Shard;
import org.pacesim.experiment.ShardRun;
import org.pacesim.report.ExperimentReport;
import org.pacesim.report.ResultsFolder;
import org.pacesim.report.charts.Charts;
import org.pacesim.scenario.ExperimentLoader;
import org.pacesim.scenario.ExperimentSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pace experiment}: runs an experiment file. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Runs an experiment file and writes its findings.",
                "The baseline and every scenario run with common random numbers; one results folder holds",
                "summary.csv, stages.csv, outcomes.csv, comparison.csv, replications.csv, findings.md, run.json,",
                "the charts the file asks for and report.html."})
final class ExperimentCommand implements Callable<Integer>, ShardOptions.Sharded {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the experiment file (YAML)")
    private Path file;

    @Mixin
    private ExperimentOptions options;

    @Override
    public Integer call() throws IOException {
        ExperimentSpec experiment = ExperimentLoader.load(file);
        return options.run(spec, experiment, Options.stem(file), List.of(file));
    }

    @Override
    public ShardOptions sharding() {
        return options.sharding;
    }
}

/** {@code pace compare}: an ad-hoc experiment. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares scenarios with the first one, the baseline.",
                "Common random numbers; writes the same results folder as 'pace experiment'."})
final class CompareCommand implements Callable<Integer>, ShardOptions.Sharded {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "2..*", description = "scenario files, the baseline first")
    private List<Path> files;

    @Mixin
    private ExperimentOptions options;

    @Override
    public Integer call() throws IOException {
        return options.run(spec, Experiment.adHoc(files), "compare-" + Options.stem(files.get(0)), List.of());
    }

    @Override
    public ShardOptions sharding() {
        return options.sharding;
    }
}

/** Options shared by {@code experiment} and {@code compare}, and the run itself. */
final class ExperimentOptions {
    @picocli.CommandLine.Option(names = {"-r", "--replications"}, paramLabel = "N|auto",
            description = "replications per scenario, or 'auto' to add replications until the main difference's"
                    + " 95%% CI half-width is below --precision")
    String replications;

    @picocli.CommandLine.Option(names = "--precision", paramLabel = "D", defaultValue = "1w",
            description = "with --replications auto: target half-width of the main difference (default ${DEFAULT-VALUE};"
                    + " a share such as 0.02 when the main statistic is within_target)")
    String precision;

    @picocli.CommandLine.Option(names = "--max-replications", paramLabel = "N", defaultValue = "2000",
            description = "with --replications auto: the most replications to run (default ${DEFAULT-VALUE})")
    int maxReplications;

    @Mixin
    SeedOption seed;

    @Mixin
    ThreadsOption threads;

    @picocli.CommandLine.Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "results folder (must not exist or be empty; default: results/<name>-<time>)")
    Path out;

    @picocli.CommandLine.Option(names = "--no-crn-check",
            description = "skip the extra run with independent streams that measures what common random numbers gain")
    boolean noCrnCheck;

    @picocli.CommandLine.Option(names = {"-q", "--quiet"}, description = "print only problems and where the results are")
    boolean quiet;

    @Mixin
    ShardOptions sharding;

    /**
     * Runs the experiment (or one shard of it) and writes its folder.
     *
     * @param inputs files read besides the scenarios' own (the experiment file), for a shard's manifest
     */
    int run(CommandSpec spec, ExperimentSpec experiment, String stem, List<Path> inputs) throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant started = Instant.now();
        boolean auto = replications != null && replications.equals("auto");
        // Shards, and a merge of them, skip the check of what common random numbers gain: the comparison it
        // repeats is known only once every replication is in one place.
        boolean everyReplicationHere = sharding.shard == null && sharding.merged == null;
        Experiment.Options opts = Options.experiment(replications, precision, maxReplications, seed.seed, threads.threads,
                !noCrnCheck && everyReplicationHere, experiment.mainStatistic());
        List<org.pacesim.scenario.Scenario> scenarios = Experiment.scenarios(experiment, opts); // all problems first
        sharding.refuse(auto, "--replications auto", "it adds replications until a precision is reached,"
                + " which needs every replication in one place");
        Shard shard = sharding.shard(scenarios.get(0).run().replications());
        ResultsFolder folder = ResultsFolder.prepare(out, Path.of("results"), ShardOptions.stem(stem, shard));
        if (shard == null) Charts.warmUp(); // a shard draws nothing
        boolean done = false;
        Progress progress = new Progress(err, quiet);
        try {
            if (!quiet) {
                o.printf("Running %s: %d scenarios, %s replications each%s, on %d thread%s%n", experiment.name(),
                        scenarios.size(), auto ? "auto" : String.valueOf(scenarios.get(0).run().replications()),
                        shard == null ? "" : ", shard " + shard, opts.threads(),
                        opts.threads() == 1 ? "" : "s");
                o.flush();
            }
            Replications source = sharding.source(shard);
            Experiment.Results r = Experiment.run(experiment, opts, progress, w -> {
                err.println("warning: " + w);
                err.flush();
            }, source);
            progress.finish();
            if (source instanceof ShardRun run) {
                ShardOptions.finish(spec, run, inputs, started, folder, quiet);
                done = true;
                return 0;
            }
            sharding.markPartial(folder);
            List<String> command = Options.commandLine(spec);
            Path written = ExperimentReport.write(r, folder, command, started, sharding.partial);
            done = true;
            Options.announce(o, quiet, written, out -> {
                out.println();
                out.print(org.pacesim.report.Findings.terminal(r));
                out.println();
                out.println("Findings: " + written.resolve("findings.md"));
                out.println("Report:   " + written.resolve("report.html"));
            });
            return 0;
        } finally {
            progress.finish();
            if (!done) folder.abandon();
        }
    }
}
