package org.pacesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.pacesim.experiment.Replications;
import org.pacesim.experiment.Sensitivity;
import org.pacesim.experiment.Shard;
import org.pacesim.experiment.ShardRun;
import org.pacesim.report.ResultsFolder;
import org.pacesim.report.SensitivityReport;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.MeasureStat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pace sensitivity}: one-at-a-time sensitivity of a scenario. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Ranks the levers of a scenario by their effect: which one matters most.",
                "Moves each stage's durations, each capacity and each branch probability down and up by --amount,",
                "one at a time, and measures the effect on a measure (default: the median time to permanence) with",
                "95%% CIs from paired replications."})
final class SensitivityCommand implements Callable<Integer>, ShardOptions.Sharded {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the scenario file")
    private Path file;

    @Option(names = "--amount", paramLabel = "A", defaultValue = "20%",
            description = "how far to move each lever, e.g. 20%% or 0.2 (default ${DEFAULT-VALUE})")
    private String amount;

    @Option(names = {"-r", "--replications"}, paramLabel = "N", defaultValue = "50",
            description = "replications per variant (default ${DEFAULT-VALUE})")
    private int replications;

    @Mixin
    private SeedOption seed;

    @Option(names = "--measure", defaultValue = "time_to_permanence", description = "measure (default ${DEFAULT-VALUE})")
    private String measure;

    @Option(names = "--statistic", defaultValue = "median",
            description = "mean, median, p90, within_target, ... (default ${DEFAULT-VALUE})")
    private String statistic;

    @Mixin
    private ThreadsOption threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "results folder (default: results/<scenario>-sensitivity-<time>)")
    private Path out;

    @Option(names = {"-q", "--quiet"}, description = "print only problems and where the results are")
    private boolean quiet;

    @Mixin
    private ShardOptions sharding;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        double a = parseAmount(amount);
        Options.override(null, replications, seed.seed);
        MeasureStat stat = MeasureStat.of(statistic);
        if (stat == null) {
            throw new InvalidInputException(Location.of("command line"), "--statistic", "unknown statistic '" + statistic
                    + "'", org.pacesim.scenario.Names.hint(statistic, MeasureStat.keys(), "statistic"));
        }
        int t = threads.threads();
        Shard shard = sharding.shard(replications);
        ResultsFolder folder = ResultsFolder.prepare(out, Path.of("results"),
                ShardOptions.stem(Options.stem(file) + "-sensitivity", shard));
        PrintWriter o = spec.commandLine().getOut();
        Progress progress = new Progress(spec.commandLine().getErr(), quiet);
        boolean done = false;
        try {
            Replications source = sharding.source(shard);
            Sensitivity.Results r = Sensitivity.run(file, a, replications, seed.seed, measure, stat, t, progress,
                    source);
            progress.finish();
            if (source instanceof ShardRun run) {
                ShardOptions.finish(spec, run, List.of(), started, folder, quiet);
                done = true;
                return 0;
            }
            sharding.markPartial(folder);
            List<String> command = Options.commandLine(spec);
            Path written = SensitivityReport.write(r, folder, command, started, sharding.partial);
            done = true;
            Options.announce(o, quiet, written, out -> {
                out.print(SensitivityReport.markdown(r));
                out.println();
            });
            return 0;
        } finally {
            progress.finish();
            if (!done) folder.abandon();
        }
    }

    @Override
    public ShardOptions sharding() {
        return sharding;
    }

    private static double parseAmount(String s) {
        String t = s.trim();
        double v;
        try {
            v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v > 0 && v < 1)) {
            throw new InvalidInputException(Location.of("command line"), "--amount", "'" + s + "' is not an amount"
                    + " between 0 and 100%", "e.g. --amount 20%");
        }
        return v;
    }
}
