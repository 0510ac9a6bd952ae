package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.graph.SystemGraph;
import org.pacesim.records.Pathway;
import org.pacesim.records.Records;
import org.pacesim.records.RecordsReader;
import org.pacesim.scenario.ScenarioLoader;

/** {@code pace run --records} writes replication 0's children in the records format, censored at the as-of day. */
class RunRecordsTest {
    static final String SCENARIO = "src/test/resources/fit/known-durations.yaml";

    @TempDir
    Path dir;

    static int pace(String... args) {
        return Pace.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }

    private static Records read(Path file, LocalDate asOf) {
        Pathway p = new Pathway(SystemGraph.of(ScenarioLoader.load(Path.of(SCENARIO))));
        return new RecordsReader(p).read(file, file.toString(), asOf, null);
    }

    @Test
    void theRecordsReadBackAndSaySynthetic() throws Exception {
        Path file = dir.resolve("records.csv");
        assertEquals(0, pace("run", SCENARIO, "-r", "2", "-q", "--out", dir.resolve("run").toString(),
                "--records", file.toString()));
        assertTrue(Files.readString(file).startsWith("# SYNTHETIC records"));
        Records r = read(file, LocalDate.of(2025, 12, 31));
        assertEquals(2024, r.origin().getYear());
        // 150 a year for two years: a Poisson count well inside 300 +/- 4 sd
        assertTrue(Math.abs(r.children().size() - 300) < 70, "children: " + r.children().size());
        int assessed = r.milestone("assessed");
        long open = r.children().stream().filter(c -> Double.isNaN(c.day(assessed))).count();
        assertTrue(open > 0 && open < r.children().size(), "some, not all, assessments open: " + open);
    }

    @Test
    void anEarlierAsOfLeavesOutLaterArrivalsAndLaterDates() throws Exception {
        Path file = dir.resolve("records.csv");
        assertEquals(0, pace("run", SCENARIO, "-r", "1", "-q", "--out", dir.resolve("run").toString(),
                "--records", file.toString(), "--as-of", "2024-12-31"));
        Records r = read(file, null);
        assertFalse(r.asOf().isAfter(LocalDate.of(2024, 12, 31)), r.asOf().toString());
        assertTrue(r.children().size() < 220, "one year's arrivals: " + r.children().size());
        Path same = dir.resolve("same.csv");
        assertEquals(0, pace("run", SCENARIO, "-r", "1", "-q", "--out", dir.resolve("run2").toString(),
                "--records", same.toString(), "--as-of", "1y"));
        assertEquals(Files.readString(file).lines().skip(2).toList().size(),
                Files.readString(same).lines().skip(2).toList().size());
    }

    @Test
    void asOfWithoutRecordsIsRefused() {
        assertEquals(Pace.INVALID, pace("run", SCENARIO, "-r", "1", "-q", "--out", dir.resolve("x").toString(),
                "--as-of", "1y"));
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
