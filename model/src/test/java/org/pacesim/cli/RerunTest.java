package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pace rerun RESULTS/run.json} reproduces byte-identical CSV files, and refuses when a file changed. */
class RerunTest {
    @TempDir
    Path dir;

    private static int pace(StringWriter err, String... args) {
        return Pace.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void aRerunWritesByteIdenticalCsvFilesIntoANewFolder() throws Exception {
        Path scenario = Files.copy(Path.of("src/test/resources/engine/small-la.yaml"), dir.resolve("s.yaml"));
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        StringWriter err = new StringWriter();
        assertEquals(0, pace(err, "run", scenario.toString(), "-r", "5", "--seed", "77", "-q", "--out", first.toString()));
        assertEquals(0, pace(err, "rerun", first.resolve("run.json").toString(), "--out", second.toString()), err.toString());
        for (String f : List.of("summary.csv", "stages.csv", "outcomes.csv")) {
            assertEquals(Files.readString(first.resolve(f)), Files.readString(second.resolve(f)), f);
        }
        assertTrue(Files.readString(second.resolve("run.json")).contains("\"seed\" : 77"));
    }

    @Test
    void aRerunRefusesWhenAFileTheRunReadHasChanged() throws Exception {
        Path scenario = Files.copy(Path.of("src/test/resources/engine/small-la.yaml"), dir.resolve("s.yaml"));
        Path first = dir.resolve("first");
        StringWriter err = new StringWriter();
        assertEquals(0, pace(err, "run", scenario.toString(), "-r", "2", "-q", "--out", first.toString()));
        Files.writeString(scenario, Files.readString(scenario).replace("capacity: 5", "capacity: 6"));
        StringWriter err2 = new StringWriter();
        assertEquals(2, pace(err2, "rerun", first.resolve("run.json").toString(), "--out", dir.resolve("x").toString()));
        assertTrue(err2.toString().contains("these files changed since the run, so it cannot be reproduced: "
                + scenario), err2.toString());
        assertTrue(!Files.exists(dir.resolve("x")));
    }

    @Test
    void aQuietRerunOfALoudRunPrintsNothingButProblems() throws Exception {
        Path scenario = Files.copy(Path.of("src/test/resources/engine/small-la.yaml"), dir.resolve("s.yaml"));
        Path first = dir.resolve("first");
        assertEquals(0, pace(new StringWriter(), "run", scenario.toString(), "-r", "2", "--out", first.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Pace.execute(new String[] {"rerun", first.resolve("run.json").toString(), "-q", "--out",
                dir.resolve("again").toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        // quiet: no announcement and no tables (at most where the results went)
        assertTrue(!out.toString().contains("Rerunning") && !out.toString().contains("time_to_permanence"), out.toString());
        assertTrue(Files.exists(dir.resolve("again/summary.csv")));
    }
}
