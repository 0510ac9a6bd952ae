package org.pacesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.pacesim.experiment.FitCheck;
import org.pacesim.fit.BaselineFit;
import org.pacesim.fit.Disclosure;
import org.pacesim.graph.SystemGraph;
import org.pacesim.records.Pathway;
import org.pacesim.records.Records;
import org.pacesim.records.RecordsReader;
import org.pacesim.report.FitFiles;
import org.pacesim.report.FitHtml;
import org.pacesim.report.ResultsFolder;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pace fit}: a template scenario fitted to an authority's records, checked by running it. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fits a template scenario to an authority's records (one row per child, a date per milestone).",
                "Stage durations with censoring (four families, by AIC), route shares as competing risks and arrival "
                        + "rates, written as fitted.yaml (a scenario extending the template), fit.csv and fit.html; "
                        + "then the fitted scenario is run and its times to each milestone set beside the records'."})
final class FitCommand implements Callable<Integer> {
    /** Replications of the fitted scenario for the check, unless -r says otherwise: enough for smooth curves. */
    static final int CHECK_REPLICATIONS = 20;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "the template scenario (YAML)")
    private Path template;

    @Parameters(index = "1", paramLabel = "RECORDS", description = "the records (CSV; see scenarios/README.md, Records)")
    private Path records;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "output folder (must not exist or be empty; default: results/fit-<template>-<time>)")
    private Path out;

    @Option(names = "--as-of", paramLabel = "DATE", description = "the extraction date (default: the latest date in the file)")
    private String asOf;

    @Option(names = "--from", paramLabel = "DATE", description = "the records start here: earlier stays are left-truncated")
    private String from;

    @Option(names = "--no-suppression", description = "show counts below 5 (for synthetic data or work inside the authority)")
    private boolean noSuppression;

    @Option(names = {"-r", "--replications"}, paramLabel = "N",
            description = "replications of the fitted scenario for the check (default: " + CHECK_REPLICATIONS + ")")
    private Integer replications;

    @Mixin
    private SeedOption seed;

    @Mixin
    private ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        Options.override(null, replications, seed.seed);
        int t = threads.threads();
        Scenario s = ScenarioLoader.load(template);
        Pathway pathway = new Pathway(SystemGraph.of(s));
        Records r = new RecordsReader(pathway).read(records, records.toString(), Options.date("--as-of", asOf),
                Options.date("--from", from));
        BaselineFit fit = BaselineFit.of(template, pathway, r, new Disclosure(!noSuppression));
        Scenario fitted = Options.override(fit.scenario(), replications == null ? CHECK_REPLICATIONS : replications, seed.seed);
        SystemGraph.of(fitted);
        ResultsFolder folder = ResultsFolder.prepare(out, Path.of("results"), "fit-" + Options.stem(template));
        boolean done = false;
        try {
            o.printf("Fitting %s to %s; checking with %d replications on %d thread%s%n", template, records,
                    fitted.run().replications(), t, t == 1 ? "" : "s");
            o.flush();
            List<FitCheck.Comparison> check = FitCheck.run(fitted, r, t);
            Path target = folder.target().toAbsolutePath();
            String extend = target.relativize(template.toAbsolutePath().normalize()).toString().replace('\\', '/');
            folder.write("fitted.yaml", FitFiles.fittedYaml(fit, extend, records.getFileName().toString()));
            // The file must load as written, with its relative extends, before anything is moved into place.
            SystemGraph.of(ScenarioLoader.load(folder.staged("fitted.yaml")));
            folder.write("fit.csv", FitFiles.csv(fit));
            folder.write("fit.html", FitHtml.page(fit, check, records.getFileName().toString(), command()));
            Path written = folder.commit();
            done = true;
            o.println();
            o.print(FitFiles.terminal(fit, check));
            o.println();
            o.println("Written to " + written + ": fitted.yaml (" + fit.changes().size() + " changes), fit.csv, fit.html");
            return 0;
        } finally {
            if (!done) folder.abandon();
        }
    }

    private String command() {
        return String.join(" ", Options.commandLine(spec));
    }
}
