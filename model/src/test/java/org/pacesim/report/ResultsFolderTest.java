package org.pacesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.scenario.InvalidInputException;

/** Results are staged beside the target and moved into place whole; nothing earlier is overwritten. */
class ResultsFolderTest {
    @TempDir
    Path dir;

    @Test
    void filesAppearOnlyWhenCommitted() throws Exception {
        Path target = dir.resolve("run1");
        ResultsFolder f = ResultsFolder.prepare(target, dir, "x");
        f.write("summary.csv", "a,b\n");
        assertFalse(Files.exists(target.resolve("summary.csv")));
        f.commit();
        assertEquals("a,b\n", Files.readString(target.resolve("summary.csv")));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("run1"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void anExistingNonEmptyFolderIsRefusedBeforeAnyWork() throws Exception {
        Path target = Files.createDirectory(dir.resolve("old"));
        Files.writeString(target.resolve("summary.csv"), "earlier results");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ResultsFolder.prepare(target, dir, "x"));
        assertTrue(e.getMessage().contains("never overwritten"), e.getMessage());
        assertEquals("earlier results", Files.readString(target.resolve("summary.csv")));
    }

    @Test
    void anAbandonedRunLeavesNothingBehind() throws Exception {
        ResultsFolder f = ResultsFolder.prepare(dir.resolve("run2"), dir, "x");
        f.write("summary.csv", "partial");
        f.abandon();
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void defaultFoldersAreNewEachTime() {
        ResultsFolder a = ResultsFolder.prepare(null, dir, "baseline");
        ResultsFolder b = ResultsFolder.prepare(null, dir, "baseline");
        assertTrue(a.target().getFileName().toString().startsWith("baseline-"));
        assertFalse(a.target().equals(b.target()));
        a.abandon();
        b.abandon();
    }

    @Test
    void latestPointsAtTheNewestDefaultFolder() throws Exception {
        ResultsFolder a = ResultsFolder.prepare(null, dir, "exp");
        a.write("findings.md", "first");
        Path first = a.commit();
        ResultsFolder b = ResultsFolder.prepare(null, dir, "exp");
        b.write("findings.md", "second");
        Path second = b.commit();
        assertFalse(first.equals(second));
        assertEquals("first", Files.readString(first.resolve("findings.md")));
        assertEquals("second", Files.readString(dir.resolve("latest").resolve("findings.md")));
        assertEquals(second.getFileName(), Files.readSymbolicLink(dir.resolve("latest")));
    }

    @Test
    void anUnwritablePlaceIsRefusedWithAClearMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ResultsFolder.prepare(file.resolve("sub/run"), dir, "x"));
        assertTrue(e.getMessage().contains("cannot write results here"), e.getMessage());
    }
}
