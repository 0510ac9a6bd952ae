package org.pacesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.pacesim.experiment.Calibration;
import org.pacesim.experiment.CalibrationFit;
import org.pacesim.report.CalibrationReport;
import org.pacesim.report.ResultsFolder;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.scenario.UncertaintySpec;
import org.pacesim.scenario.ValueRange;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pace calibrate}: the baseline against the published targets, and with {@code --fit} fitted to them. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Compares a baseline with the published calibration targets: for each",
                "target of the domain brief (T1, T2, T3, T5, T6, T8, T12), the published",
                "value, the simulated value with its 95%% CI, the tolerance and whether",
                "it is met. With --fit, searches the values tagged '# A (calibrated...)'",
                "(or those named with --free) for the setting closest to the targets,",
                "on common random numbers, and writes fitted.yaml, evaluations.csv and",
                "calibration.md."})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the baseline scenario file")
    private Path file;

    @Option(names = "--court-test", paramLabel = "FILE",
            description = "the 'fewer court productions' scenario for T12 (default: fewer-court-productions.yaml beside FILE)")
    private Path courtTest;

    @Option(names = {"-r", "--replications"}, paramLabel = "N", defaultValue = "100",
            description = "replications (per evaluation with --fit; default ${DEFAULT-VALUE})")
    private int replications;

    @Mixin
    private SeedOption seed;

    @Option(names = "--fit", description = "fit the free values to the targets (BOBYQA over their ranges)")
    private boolean fit;

    @Option(names = "--free", paramLabel = "PATH=LOW..HIGH", arity = "1..*",
            description = "the values to fit instead of the tagged ones, each with its range: a route's"
                    + " probability or a field a 'set' change addresses, e.g."
                    + " stages.permanence_track.next.clear_cut.p=0.1..0.5")
    private List<String> free = new ArrayList<>();

    @Option(names = "--hold-out", paramLabel = "T", split = ",",
            description = "targets left out of the fit and reported apart, e.g. T5,T6")
    private List<String> holdOut = new ArrayList<>();

    @Option(names = "--evaluations", paramLabel = "N", defaultValue = "" + CalibrationFit.DEFAULT_EVALUATIONS,
            description = "the search's budget in evaluations (the profile's come on top; default ${DEFAULT-VALUE})")
    private int evaluations;

    @Mixin
    private ThreadsOption threads;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "results folder for --fit (default: results/<scenario>-calibrate-<time>)")
    private Path out;

    @Option(names = {"-q", "--quiet"}, description = "print only problems and where the results are")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        Options.override(null, replications, seed.seed);
        Path court = courtTest != null ? courtTest
                : (file.getParent() == null ? Path.of(".") : file.getParent()).resolve("fewer-court-productions.yaml");
        if (!fit) {
            onlyForAFit("--free", !free.isEmpty());
            onlyForAFit("--hold-out", !holdOut.isEmpty());
            onlyForAFit("--out", out != null);
            List<Calibration.Row> rows = Calibration.run(file, court, replications, seed.seed, threads.threads());
            PrintWriter o = spec.commandLine().getOut();
            o.println(CalibrationReport.table(rows));
            o.println(CalibrationReport.count(rows, replications));
            return 0;
        }
        List<UncertaintySpec.Varied> varied = free.isEmpty() ? ScenarioLoader.calibrated(file) : parseFree(free);
        CalibrationFit.Options options = new CalibrationFit.Options(replications, evaluations, seed.seed,
                threads.threads(), new LinkedHashSet<>(holdOut.stream().map(String::trim).toList()));
        ResultsFolder folder = ResultsFolder.prepare(out, Path.of("results"), Options.stem(file) + "-calibrate");
        Progress progress = new Progress(spec.commandLine().getErr(), quiet);
        boolean done = false;
        try {
            CalibrationFit.Results r = CalibrationFit.run(file, court, varied, options, progress);
            progress.finish();
            Path written = CalibrationReport.write(r, folder, Options.commandLine(spec));
            done = true;
            Options.announce(spec.commandLine().getOut(), quiet, written, o -> o.println(CalibrationReport.markdown(r)));
            return 0;
        } finally {
            progress.finish();
            if (!done) folder.abandon();
        }
    }

    private static void onlyForAFit(String option, boolean given) {
        if (given) {
            throw new InvalidInputException(Location.of("command line"), option, "is only for a fit",
                    "add --fit, or leave " + option + " out");
        }
    }

    /** {@code PATH=LOW..HIGH} values: a range that holds values, and a probability's within 0 to 1. */
    static List<UncertaintySpec.Varied> parseFree(List<String> specs) {
        Location at = Location.of("command line");
        List<UncertaintySpec.Varied> out = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            String[] bounds = eq < 0 ? new String[0] : spec.substring(eq + 1).split("\\.\\.", -1);
            double low = bounds.length == 2 ? number(bounds[0]) : Double.NaN;
            double high = bounds.length == 2 ? number(bounds[1]) : Double.NaN;
            if (eq <= 0 || Double.isNaN(low) || Double.isNaN(high)) {
                throw new InvalidInputException(at, "--free", "'" + spec + "' is not PATH=LOW..HIGH",
                        "e.g. --free stages.permanence_track.next.clear_cut.p=0.1..0.5");
            }
            String path = spec.substring(0, eq).trim();
            if (!(low < high)) {
                throw new InvalidInputException(at, "--free " + path, "the range " + spec.substring(eq + 1)
                        + " is empty: its bottom must be below its top", "e.g. " + path + "=0.1..0.5");
            }
            UncertaintySpec.Target target = UncertaintySpec.Target.of(path);
            if (target instanceof UncertaintySpec.Target.RouteShare && (low < 0 || high > 1)) {
                throw new InvalidInputException(at, "--free " + path, "a route's probability lies from 0 to 1, and the"
                        + " range " + spec.substring(eq + 1) + " goes beyond", "e.g. " + path + "=0.1..0.5");
            }
            out.add(new UncertaintySpec.Varied(path, target, new ValueRange.Bounds(low, high, false), at));
        }
        return out;
    }

    private static double number(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isInfinite(v) ? Double.NaN : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
