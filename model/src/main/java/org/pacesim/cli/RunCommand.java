package org.pacesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.pacesim.experiment.Detail;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.experiment.Replications;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.experiment.Shard;
import org.pacesim.experiment.ShardRun;
import org.pacesim.graph.SystemGraph;
import org.pacesim.report.ResultsFolder;
import org.pacesim.report.RunReport;
import org.pacesim.report.SyntheticRecords;
import org.pacesim.report.TerminalReport;
import org.pacesim.report.charts.Charts;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pace run}: runs one scenario and writes its results folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a scenario and writes its results folder.",
                "Replications run in parallel; a readable summary goes to the terminal, and summary.csv, stages.csv, "
                        + "outcomes.csv, run.json, charts and report.html to a new folder under results/ or --out."})
final class RunCommand implements Callable<Integer>, ShardOptions.Sharded {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the scenario file (YAML)")
    private Path file;

    @Option(names = {"-r", "--replications"}, paramLabel = "N",
            description = "replications (default: the scenario's run.replications)")
    private Integer replications;

    @Mixin
    private SeedOption seed;

    @Mixin
    private ThreadsOption threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "results folder (must not exist or be empty; default: results/<scenario>-<time>)")
    private Path out;

    @Option(names = {"-q", "--quiet"}, description = "print only problems and where the results are")
    private boolean quiet;

    @Mixin
    private ShardOptions sharding;

    @Option(names = "--records", paramLabel = "FILE", description = "also write replication 0's children as records "
            + "(one row per child, a date per milestone; synthetic data in the format pace fit reads)")
    private Path records;

    @Option(names = "--as-of", paramLabel = "DAY", description = "with --records: the day the records are extracted, "
            + "a date or a time since the start such as 8y (default: the end of the arrivals, run.horizon)")
    private String asOf;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        Instant started = Instant.now();
        Scenario scenario = ScenarioLoader.load(file);
        SystemGraph.of(scenario); // a pathway that cannot run is refused before a folder is made or a run announced
        scenario = Options.override(scenario, replications, seed.seed);
        int t = threads.threads();
        double asOfDay = asOf == null ? scenario.run().horizon()
                : Options.day("--as-of", asOf, SyntheticRecords.start(scenario));
        if (asOf != null && records == null) {
            throw new InvalidInputException(Location.of("command line"), "--as-of", "--as-of is for --records",
                    "add --records FILE, or leave out --as-of");
        }
        sharding.refuse(records != null, "--records", "the records are replication 0's children, written by"
                + " one process");
        Shard shard = sharding.shard(scenario.run().replications());
        ResultsFolder folder = ResultsFolder.prepare(out, Path.of("results"),
                ShardOptions.stem(Options.stem(file), shard));
        if (shard == null) Charts.warmUp(); // a shard draws nothing
        boolean done = false;
        try {
            if (!quiet) o.printf("Running %s: %d replications%s on %d thread%s%n", file, scenario.run().replications(),
                    shard == null ? "" : ", shard " + shard, t, t == 1 ? "" : "s");
            PrintWriter err = spec.commandLine().getErr();
            Progress progress = new Progress(err, quiet);
            int total = shard == null ? scenario.run().replications() : shard.of(0, scenario.run().replications()).length;
            ScenarioResults r;
            long t0 = System.nanoTime();
            Replications source = sharding.source(shard);
            try {
                ScenarioResults.Prepared p = ScenarioResults.Prepared.of(scenario);
                p.flows().warnings().forEach(w -> {
                    err.println("warning: " + w);
                    err.flush();
                });
                r = ScenarioResults.ofCompleted(p, source.run(p.model(), 0, scenario.run().replications(), t,
                        k -> progress.update(k, total), Detail.CHARTS), t, (System.nanoTime() - t0) / 1e9);
            } catch (ScenarioRun.RunawayException runaway) {
                progress.finish();
                // (a shard that ran away writes nothing: a merge without it is refused, or marked partial)
                if (runaway.completed().isEmpty() || shard != null) throw runaway;
                // Keep what finished, marked as partial in three places: PARTIAL.txt, run.json and the message.
                r = ScenarioResults.of(ScenarioResults.Prepared.of(scenario), runaway.completed(), t,
                        (System.nanoTime() - t0) / 1e9);
                String why = "stopped: " + runaway.getMessage() + ". Only replications 0 to "
                        + (runaway.completed().size() - 1) + " of " + total + " finished; figures from so few and so"
                        + " loaded a run are not results to quote.";
                write(folder, r, started, why);
                folder.write("PARTIAL.txt", why + "\n");
                Path written = folder.commit();
                done = true;
                err.println(why);
                err.println("Partial results, marked PARTIAL, written to " + written);
                err.flush();
                return Pace.FAILED;
            }
            progress.finish();
            if (source instanceof ShardRun run) {
                ShardOptions.finish(spec, run, List.of(), started, folder, quiet);
                done = true;
                return 0;
            }
            sharding.markPartial(folder);
            write(folder, r, started, sharding.partial);
            if (records != null) SyntheticRecords.write(records, r.scenario(), asOfDay, file.toString());
            Path written = folder.commit();
            done = true;
            ScenarioResults results = r; // (r is assigned in two branches above, so a lambda cannot use it)
            Options.announce(o, quiet, written, out -> {
                out.println();
                out.print(TerminalReport.of(results));
                out.println();
            });
            if (!quiet && records != null) {
                o.println("Records of replication 0's children (synthetic) written to " + records
                        + (scenario.run().start() == null ? "; dates count from " + SyntheticRecords.start(scenario)
                        + " as the scenario has no run.start" : ""));
            }
            return 0;
        } finally {
            if (!done) folder.abandon();
        }
    }

    @Override
    public ShardOptions sharding() {
        return sharding;
    }

    /** Writes the folder's files: CSV, run.json and, for a complete run, the charts and report.html. */
    private void write(ResultsFolder folder, ScenarioResults r, Instant started, String partial) throws IOException {
        RunReport.write(r, folder, Options.commandLine(spec), started, partial);
    }
}
