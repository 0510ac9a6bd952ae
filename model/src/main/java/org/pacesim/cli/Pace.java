package org.pacesim.cli;

import java.io.PrintWriter;

import org.pacesim.Version;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Problem;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pace} command. Exit codes: 0 success, 2 invalid input or usage, 1 failure while running.
 */
@Command(name = "pace", mixinStandardHelpOptions = true, versionProvider = Pace.VersionProvider.class,
        description = "Simulates the Scottish permanence system for looked-after children, so that planners can see"
                + " what a change to the process would do to how long children wait for a settled, secure home.",
        subcommands = {RunCommand.class, ExperimentCommand.class, CompareCommand.class, SensitivityCommand.class,
                UncertaintyCommand.class,
                CalibrateCommand.class, RerunCommand.class, ValidateCommand.class, FitCommand.class,
                BacktestCommand.class, MergeCommand.class, GraphCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Pace implements Runnable {
    /** Exit code for invalid input. */
    public static final int INVALID = 2;
    /** Exit code for a failure while running. */
    public static final int FAILED = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Pace());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof InvalidInputException bad) {
                for (Problem p : bad.problems()) e.println(p.format());
                int n = bad.problems().size();
                e.println(n == 1 ? "1 problem; nothing was run." : n + " problems; nothing was run.");
                e.flush();
                return INVALID;
            }
            if (ex instanceof ScenarioRun.RunawayException runaway) {
                e.println("stopped: " + runaway.getMessage());
                e.println("    the demand on that stage exceeds its capacity; see the offered-load warnings above,"
                        + " raise the capacity, or lower the arrival rate. No results were written.");
                e.flush();
                return FAILED;
            }
            e.println("error: " + ex);
            if (System.getenv("PACE_DEBUG") != null) ex.printStackTrace(e);
            else e.println("    this is a fault in pace-sim; run again with PACE_DEBUG=1 for details and report it");
            e.flush();
            return FAILED;
        });
        return cl.execute(args);
    }

    /** Reports the version from the build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pace-sim " + Version.get()};
        }
    }
}
