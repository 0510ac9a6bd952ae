package org.pacesim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

import org.pacesim.experiment.RecordsRecorder;
import org.pacesim.records.RecordsWriter;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.Scenario;

/**
 * Writes replication 0's cohort children as records ({@code pace run --records}): synthetic data from a known model,
 * in the format {@code pace fit} reads, for tests, examples and other people's analysis pipelines. The file says in
 * its first lines that it is synthetic and which scenario made it.
 */
public final class SyntheticRecords {
    private SyntheticRecords() {}

    /** Day 0's date: the scenario's {@code run.start}, or {@link RecordsWriter#DEFAULT_START}. */
    public static LocalDate start(Scenario s) {
        return s.run().start() != null ? s.run().start() : RecordsWriter.DEFAULT_START;
    }

    /**
     * Writes the records, whole or not at all (written beside the file, then moved over it).
     *
     * @param file     where to
     * @param s        the checked scenario (its replication 0 is run again, as in its results)
     * @param asOfDay  the day of the run the records are extracted
     * @param scenario the scenario file as the user named it
     */
    public static void write(Path file, Scenario s, double asOfDay, String scenario) throws IOException {
        LocalDate start = start(s);
        List<String> comment = List.of(
                "SYNTHETIC records: simulated children, not real ones. Made by pace run --records from " + scenario,
                "(replication 0, seed " + s.run().seed() + "); day 0 is " + start
                        + (s.run().start() == null ? " (the scenario has no run.start)" : "")
                        + "; extracted (as of) " + start.plusDays((long) Math.floor(asOfDay)) + ", "
                        + Durations.format(asOfDay) + " after day 0.");
        String csv = RecordsWriter.csv(comment, start, asOfDay, List.copyOf(s.milestones().keySet()),
                s.attributes().stream().map(a -> a.name()).toList(), RecordsRecorder.of(s, 0));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".records-", ".tmp");
        try {
            Files.writeString(tmp, csv);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
