package org.pacesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.experiment.Uncertainty;
import org.pacesim.experiment.UncertaintyTest;
import org.pacesim.scenario.ExperimentLoader;
import org.pacesim.scenario.ExperimentSpec;

/**
 * The files of an uncertainty analysis: the same seed gives byte-identical files, and points where the server is
 * overloaded are flagged in uncertainty.csv and counted in findings.md.
 */
class UncertaintyReportTest {
    @Test
    void theSameSeedWritesTheSameBytesAndOverloadedPointsAreCounted(@TempDir Path dir) throws Exception {
        Path f = UncertaintyTest.copyKnown(dir, "stages.serve.scale: {uniform: [0.5, 1.5]}",
                "stages.serve.scale: {uniform: [0.5, 2.5]}");
        Path[] written = new Path[2];
        Uncertainty.Results r = null;
        for (int k = 0; k < 2; k++) {
            ExperimentSpec spec = ExperimentLoader.load(f);
            // another thread count, the same figures: replication r is on substream r whichever thread runs it
            r = Uncertainty.run(spec, ExperimentLoader.uncertainty(spec), new Uncertainty.Options(1 + k, 4, null, 10),
                    null);
            written[k] = UncertaintyReport.write(r, 7, ResultsFolder.prepare(dir.resolve("out" + k), dir, "x"),
                    List.of("pace", "uncertainty"), Instant.now(), null);
        }
        for (String name : List.of("points.csv", "uncertainty.csv", "importance.csv", "findings.md", "report.html")) {
            assertEquals(-1L, Files.mismatch(written[0].resolve(name), written[1].resolve(name)), name);
        }
        long flagged = r.points().stream().filter(Uncertainty.Point::flagged).count();
        assertTrue(flagged > 0 && flagged < 10, "some points overload the server: " + flagged);
        String findings = Files.readString(written[0].resolve("findings.md"));
        assertTrue(findings.contains("**" + flagged + " of 10 points are left out"), findings);
        long rows = Files.readAllLines(written[0].resolve("uncertainty.csv")).stream()
                .filter(l -> l.endsWith(",overloaded")).count();
        assertEquals(flagged * r.outcomes().size(), rows);
        assertEquals(10 * r.design().varied().size() + 1, Files.readAllLines(written[0].resolve("points.csv")).size());
    }
}
