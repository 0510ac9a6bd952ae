package org.pacesim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pace rerun}: repeats a run from its run.json. The command line, seed and replications are all in the
 * command recorded there; the files it read are checked against their recorded SHA-256 first, since a changed
 * file could not reproduce the run. The CSV files come out byte-identical.
 */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = {"Repeats a run from its run.json, into a new folder.",
                "Checks that every file the run read is unchanged (SHA-256), then runs the same command with the same",
                "seed and replications; the CSV files are byte-identical to the original's."})
final class RerunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "RUN_JSON", description = "the run.json of an earlier results folder")
    private Path runJson;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "results folder (default: a new one under results/)")
    private Path out;

    @Option(names = {"-q", "--quiet"}, description = "print nothing but problems")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        Location at = Location.of(runJson.toString());
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(runJson));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(at, "", "no such file", "name the run.json inside a results folder");
        } catch (IOException e) {
            throw new InvalidInputException(at, "", "not a readable run.json (" + e.getMessage().split("\n")[0] + ")",
                    "name the run.json that pace wrote into a results folder");
        }
        JsonNode command = root.path("command");
        if (!command.isArray() || command.size() < 2 || !"pace".equals(command.get(0).asText())) {
            throw new InvalidInputException(at, "command", "run.json records no pace command",
                    "name the run.json that pace wrote into a results folder");
        }
        Path wd = Path.of(root.path("working_directory").asText("."));
        List<String> changed = new ArrayList<>();
        for (JsonNode scenario : root.path("scenarios")) {
            for (JsonNode f : scenario.path("files")) {
                Path p = wd.resolve(f.path("path").asText());
                String now = sha256(p);
                if (!now.equals(f.path("sha256").asText())) changed.add(p + (now.isEmpty() ? " (missing)" : ""));
            }
        }
        if (!changed.isEmpty()) {
            throw new InvalidInputException(at, "scenarios.files", "these files changed since the run, so it cannot be"
                    + " reproduced: " + String.join(", ", changed), "restore them (e.g. git checkout of the commit the"
                    + " run was made with), or run the changed files afresh");
        }
        List<String> args = new ArrayList<>();
        for (int i = 1; i < command.size(); i++) {
            String a = command.get(i).asText();
            if (a.equals("--out") || a.equals("-o")) {
                i++; // the original folder: a rerun never writes there
                continue;
            }
            if (a.startsWith("--out=")) continue;
            // Files were named relative to where the run was started.
            Path asFile = wd.resolve(a);
            args.add(!a.startsWith("-") && Files.exists(asFile) && !Path.of(a).isAbsolute() ? asFile.toString() : a);
        }
        if (out != null) {
            args.add("--out");
            args.add(out.toString());
        }
        if (quiet && !args.contains("-q") && !args.contains("--quiet")) args.add("--quiet");
        if (!quiet) {
            spec.commandLine().getOut().println("Rerunning: pace " + String.join(" ", args));
            spec.commandLine().getOut().flush();
        }
        CommandLine again = new CommandLine(new Pace());
        again.setOut(spec.commandLine().getOut());
        again.setErr(spec.commandLine().getErr());
        again.setExecutionExceptionHandler(spec.commandLine().getExecutionExceptionHandler());
        return again.execute(args.toArray(String[]::new));
    }

    private static String sha256(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (Exception e) {
            return "";
        }
    }
}
