package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a run, sent as a real SIGINT to a real process: it exits non-zero within seconds, says so, and
 * leaves neither the results folder nor anything that looks like one.
 */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void sigintDuringARunLeavesNoResultsBehind() throws Exception {
        Path out = dir.resolve("run");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.pacesim.cli.Pace",
                "run", Path.of("src/test/resources/engine/small-la.yaml").toAbsolutePath().toString(),
                "-r", "200000", "-q", "--out", out.toString())
                .redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!staged() && System.nanoTime() < deadline && p.isAlive()) Thread.sleep(50);
            assertTrue(staged(), "the run never started staging its results");
            Thread.sleep(300); // well into the replications
            long signalled = System.nanoTime();
            new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
            assertTrue(p.waitFor(5, TimeUnit.SECONDS), "still running 5 s after SIGINT");
            double seconds = (System.nanoTime() - signalled) / 1e9;
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertNotEquals(0, p.exitValue());
            assertTrue(output.contains("interrupted: no results were written"), output);
            assertFalse(Files.exists(out), "results folder exists");
            try (var left = Files.list(dir)) {
                assertEquals(List.of(), left.toList());
            }
            System.out.printf("exited %d, %.2f s after SIGINT%n", p.exitValue(), seconds);
        } finally {
            p.destroyForcibly();
        }
    }

    private boolean staged() throws Exception {
        try (var s = Files.list(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().contains(".partial-"));
        }
    }
}
