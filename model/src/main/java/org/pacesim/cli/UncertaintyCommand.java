package org.pacesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pacesim.experiment.Replications;
import org.pacesim.experiment.Shard;
import org.pacesim.experiment.ShardRun;
import org.pacesim.experiment.Uncertainty;
import org.pacesim.report.ResultsFolder;
import org.pacesim.report.UncertaintyReport;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.ExperimentLoader;
import org.pacesim.scenario.ExperimentSpec;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.UncertaintySpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pace uncertainty}: the experiment of a file run at every point of its {@code uncertainty:} design. A
 * command of its own rather than a mode of {@code pace experiment}: it reads the same file, but runs hundreds of
 * times the replications with none of the detail the experiment's charts need, and writes a folder of its own, so
 * the main job stays as fast and its folder as it was.
 */
@Command(name = "uncertainty", mixinStandardHelpOptions = true,
        description = {"How sure are the findings: runs an experiment file at every point of",
                "its uncertainty: design. The assumed values vary together over their",
                "ranges (a Latin hypercube); at each point the baseline and every",
                "intervention run with common random numbers. Writes points.csv,",
                "uncertainty.csv, importance.csv, findings.md ('How robust are these",
                "findings'), charts and report.html."})
final class UncertaintyCommand implements Callable<Integer>, ShardOptions.Sharded {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the experiment file (YAML) with an uncertainty: block, or whose"
            + " baseline has one")
    private Path file;

    @Option(names = {"-r", "--replications"}, paramLabel = "N",
            description = "replications per scenario at each point (default " + Uncertainty.DEFAULT_REPLICATIONS + ")")
    private Integer replications;

    @Option(names = "--points", paramLabel = "N", description = "design points (default: the file's uncertainty.points)")
    private Integer points;

    @Option(names = "--benefit", paramLabel = "D", defaultValue = "1w",
            description = "the least improvement of the main figure that counts as helping (default ${DEFAULT-VALUE};"
                    + " a share such as 0.02 when the main statistic is within_target)")
    private String benefit;

    @Mixin
    private SeedOption seed;

    @Mixin
    private ThreadsOption threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "results folder (must not exist or be empty; default: results/<name>-uncertainty-<time>)")
    private Path out;

    @Option(names = {"-q", "--quiet"}, description = "print only problems and where the results are")
    private boolean quiet;

    @Mixin
    private ShardOptions sharding;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        ExperimentSpec experiment = ExperimentLoader.load(file);
        UncertaintySpec block = ExperimentLoader.uncertainty(experiment);
        if (block == null) {
            throw new InvalidInputException(Location.of(file.toString()), "uncertainty", "neither the experiment nor"
                    + " its baseline has an uncertainty: block", "add one, e.g. uncertainty: {points: 100, from_tags:"
                    + " {A: 30%}} (see experiments/README.md)");
        }
        Options.override(null, replications, seed.seed);
        if (points != null && (points < 1 || points > UncertaintySpec.MAX_POINTS)) {
            throw new InvalidInputException(Location.of("command line"), "--points", "must be from 1 to "
                    + UncertaintySpec.MAX_POINTS + " (got " + points + ")", "e.g. --points 100");
        }
        double least = benefit(experiment.mainStatistic());
        Uncertainty.Options opts = new Uncertainty.Options(threads.threads(), replications, seed.seed, points);
        // Shards share the design's (point, replication) units in turn, the nominal point counted as point 0.
        int units = ((points != null ? points : block.points()) + 1)
                * (replications != null ? replications : Uncertainty.DEFAULT_REPLICATIONS);
        Shard shard = sharding.shard(units, "(point, replication) units");
        ResultsFolder folder = ResultsFolder.prepare(out, Path.of("results"),
                ShardOptions.stem(Options.stem(file) + "-uncertainty", shard));
        PrintWriter o = spec.commandLine().getOut();
        Progress progress = new Progress(spec.commandLine().getErr(), quiet);
        boolean done = false;
        try {
            if (!quiet) {
                o.printf(Locale.ROOT, "Uncertainty analysis of %s: %d points, %d replications per scenario and point, on %d"
                        + " thread%s%n", experiment.name(), points != null ? points : block.points(),
                        replications != null ? replications : Uncertainty.DEFAULT_REPLICATIONS, opts.threads(),
                        opts.threads() == 1 ? "" : "s");
                o.flush();
            }
            Replications source = sharding.source(shard);
            Uncertainty.Results r = Uncertainty.run(experiment, block, opts, progress, source);
            progress.finish();
            if (source instanceof ShardRun run) {
                ShardOptions.finish(spec, run, List.of(file), started, folder, quiet);
                done = true;
                return 0;
            }
            sharding.markPartial(folder);
            List<String> command = Options.commandLine(spec);
            Path written = UncertaintyReport.write(r, least, folder, command, started, sharding.partial);
            done = true;
            Options.announce(o, quiet, written, out -> {
                out.println();
                out.print(UncertaintyReport.markdown(r, least));
                out.printf(Locale.ROOT, "%nRan in %.0f seconds.%n", r.seconds());
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

    private double benefit(MeasureStat statistic) {
        boolean share = !statistic.isDuration();
        double v;
        try {
            v = share ? Double.parseDouble(benefit) : Durations.parseDuration(benefit);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!share && Durations.isBare(benefit) && v > 0) v = Double.NaN;
        if (!(v >= 0)) {
            throw new InvalidInputException(Location.of("command line"), "--benefit", "'" + benefit + "' is not a "
                    + (share ? "share" : "duration with a unit"), share ? "e.g. --benefit 0.02" : "e.g. --benefit 1w");
        }
        return v;
    }
}
