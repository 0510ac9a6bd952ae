package org.pacesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.pacesim.experiment.Calibration;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pace calibrate}: the baseline against the published targets. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Compares a baseline with the published calibration targets.",
                "Prints, for each target of the domain brief (T1, T2, T3, T5, T6, T8, T12), the published value, the",
                "simulated value with its 95%% CI, the tolerance and whether it is met."})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the baseline scenario file")
    private Path file;

    @Option(names = "--court-test", paramLabel = "FILE",
            description = "the 'fewer court productions' scenario for T12 (default: fewer-court-productions.yaml beside FILE)")
    private Path courtTest;

    @Option(names = {"-r", "--replications"}, paramLabel = "N", defaultValue = "100",
            description = "replications (default ${DEFAULT-VALUE})")
    private int replications;

    @Mixin
    private ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        Options.override(null, replications, null);
        Path court = courtTest != null ? courtTest
                : (file.getParent() == null ? Path.of(".") : file.getParent()).resolve("fewer-court-productions.yaml");
        List<Calibration.Row> rows = Calibration.run(file, court, replications, threads.threads());
        PrintWriter o = spec.commandLine().getOut();
        o.println(table(rows));
        long met = rows.stream().filter(r -> Boolean.TRUE.equals(r.met())).count();
        long computed = rows.stream().filter(r -> r.met() != null).count();
        o.printf("%d of %d target%s met (%d replications)%s.%n", met, computed, computed == 1 ? "" : "s", replications,
                computed == rows.size() ? "" : "; " + (rows.size() - computed) + " not computable");
        return 0;
    }

    /** The rows as a markdown table (readable on a terminal and pasteable into the README). */
    static String table(List<Calibration.Row> rows) {
        StringBuilder sb = new StringBuilder("| target | what | published | simulated (95% CI) | tolerance | met |\n"
                + "|---|---|---|---|---|---|\n");
        for (Calibration.Row r : rows) {
            sb.append("| ").append(r.id()).append(" | ").append(r.target()).append(" | ").append(r.published())
                    .append(" | ").append(r.simulated()).append(" | ").append(r.tolerance()).append(" | ")
                    .append(r.met() == null ? "-" : r.met() ? "yes" : "**no**").append(" |\n");
        }
        return sb.toString();
    }
}
