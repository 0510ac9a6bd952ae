package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose queues grow past their bound stops with a clear message, keeps what finished marked PARTIAL,
 *  and does so within a small heap. */
class RunawayTest {
    @TempDir
    Path dir;

    @Test
    void replicationsFinishedBeforeARunawayAreKeptAndMarkedPartial() throws Exception {
        Path out = dir.resolve("run");
        StringWriter err = new StringWriter();
        int code = Pace.execute(new String[] {"run", "src/test/resources/robustness/critical.yaml", "-t", "1", "-q",
                "--out", out.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("stopped: the queue at 'court' passed 60 children at day 694 of replication 8."
                + " Only replications 0 to 7 of 20 finished"), err.toString());
        assertTrue(Files.readString(out.resolve("PARTIAL.txt")).startsWith("stopped: the queue at 'court'"));
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"status\" : \"partial\""));
        assertTrue(Files.readString(out.resolve("stages.csv")).contains("court,utilisation,"), "stage figures kept");
        assertTrue(Files.readString(out.resolve("stages.csv")).lines().skip(1).allMatch(l -> l.endsWith(",8")),
                "8 replications in every figure");
    }

    @Test
    void aFloodedQueueStopsWithinASmallHeap() throws Exception {
        Path out = dir.resolve("flood");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.pacesim.cli.Pace", "run", "src/test/resources/robustness/flooded.yaml", "-q", "--out",
                out.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running after 2 minutes");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("court: offered load 300.00 of capacity"), output);
        assertTrue(output.contains("stopped: the queue at 'court' passed 100000 children"), output);
        assertFalse(output.contains("OutOfMemoryError") || output.contains("\tat "), output);
        assertFalse(Files.exists(out.resolve("summary.csv")));
    }
}
