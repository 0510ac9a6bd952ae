package org.pacesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pacesim.experiment.Backtest;
import org.pacesim.fit.Disclosure;
import org.pacesim.report.BacktestReport;
import org.pacesim.report.ResultsFolder;
import org.pacesim.report.charts.Charts;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.RunSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pace backtest}: would the model have predicted what happened since a date? */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Would the model have predicted what happened since a date?",
                "Rebuilds the caseload at --at from the records, runs the scenario from there to the as-of date, and "
                        + "sets what the records show (outcomes per quarter, time to each milestone) against the "
                        + "simulated 95%% bands: the coverage is the share of observed figures inside their band. "
                        + "Writes backtest.csv and backtest.html to a new folder."})
final class BacktestCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "the template scenario (YAML)")
    private Path template;

    @Parameters(index = "1", paramLabel = "RECORDS", description = "the records (CSV, one row per child; see "
            + "scenarios/README.md, Records)")
    private Path records;

    @Option(names = "--at", required = true, paramLabel = "DATE", description = "the date to back-test from: the "
            + "model sees only the records dated before it")
    private String at;

    @Option(names = "--as-of", paramLabel = "DATE", description = "the date the records were extracted (default: the "
            + "latest date in them)")
    private String asOf;

    @Option(names = "--from", paramLabel = "DATE", description = "the date the records start (children already on "
            + "their way then are left-truncated)")
    private String from;

    @Option(names = {"-r", "--replications"}, paramLabel = "N", description = "replications (default: "
            + Backtest.DEFAULT_REPLICATIONS + ")")
    private Integer replications;

    @Mixin
    private SeedOption seed;

    @Mixin
    private ThreadsOption threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "folder for backtest.csv and backtest.html "
            + "(must not exist or be empty; default: results/backtest-<template>-<time>)")
    private Path out;

    @Option(names = "--no-suppression", description = "show counts of 1 to 4 children as they are (only for use "
            + "inside the authority: by default they are shown as <5)")
    private boolean noSuppression;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        int reps = replications == null ? Backtest.DEFAULT_REPLICATIONS : replications;
        if (reps < 2 || reps > RunSettings.MAX_REPLICATIONS) {
            throw new InvalidInputException(Location.of("command line"), "--replications", reps + " replications "
                    + "cannot give a 95% band", "give at least 2 (the default, " + Backtest.DEFAULT_REPLICATIONS
                    + ", gives steady bands)");
        }
        Backtest.Options options = new Backtest.Options(Options.date("--at", at), Options.date("--as-of", asOf),
                Options.date("--from", from), reps, seed.seed, threads.threads());
        Disclosure d = new Disclosure(!noSuppression);
        // the folder is reserved before the run (which proves it can be written) and filled only when all is done
        ResultsFolder folder = ResultsFolder.prepare(out, Path.of("results"), "backtest-" + Options.stem(template));
        boolean done = false;
        try {
            Backtest.Result r = Backtest.run(template, records, records.toString(), options);
            folder.write("backtest.csv", BacktestReport.csv(r, d));
            Charts.Drawn chart = Charts.backtest(r, d, folder::write);
            folder.write("backtest.html", BacktestReport.html(r, d, chart).getBytes(StandardCharsets.UTF_8));
            Path written = folder.commit();
            done = true;
            o.print(BacktestReport.terminal(r, d));
            o.println();
            o.println("Written to " + written + " (backtest.csv, backtest.html)");
            return 0;
        } finally {
            if (!done) folder.abandon();
        }
    }
}
