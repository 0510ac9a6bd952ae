package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/**
 * {@code pace bench} runs end to end with the shortest settings: the table comes out, parallel results are
 * identical to sequential ones, and the whole-process run in a fresh JVM succeeds within its heap. No timing is
 * asserted.
 */
class BenchCommandTest {
    @Test
    void printsTheTablesOfAShortBenchmark() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Pace.execute(new String[] {"bench", "src/test/resources/engine/small-la.yaml", "--warmup", "0",
            "--round", "0.05", "--rounds", "1", "-t", "2", "-r", "2", "--heap", "256m", "--scale", "1,2"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString() + out);
        String table = out.toString();
        assertTrue(table.contains("| small-la | "), table);
        assertTrue(table.contains("(yes)"), table);
        assertTrue(table.contains(" MB |"), table);
        assertTrue(table.contains("| small-la | 2x |"), table);
    }

    @Test
    void fitTimesTheFittingOfSyntheticRecords() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Pace.execute(new String[] {"bench", "--fit", "500x3", "-t", "2"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertEquals(0, code, err.toString() + out);
        assertTrue(out.toString().contains("| 500 | 3 | 1 | "), out.toString());
        assertTrue(out.toString().contains("| 500 | 3 | 2 | "), out.toString());
        StringWriter bad = new StringWriter();
        assertEquals(Pace.INVALID, Pace.execute(new String[] {"bench", "--fit", "many"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(bad, true)));
        assertTrue(bad.toString().contains("CHILDRENxINTERVALS"), bad.toString());
    }

    @Test
    void aMissingFileIsInvalidInput() {
        StringWriter err = new StringWriter();
        int code = Pace.execute(new String[] {"bench", "no-such.yaml"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(Pace.INVALID, code);
        assertTrue(err.toString().contains("no such file"), err.toString());
    }
}
