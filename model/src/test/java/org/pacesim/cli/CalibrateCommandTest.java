package org.pacesim.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pacesim.report.CalibrationReport;

/**
 * {@code pace calibrate --fit} from the command line: a small fit writes its folder (a fitted scenario that
 * {@code pace validate} accepts, the evaluations as tidy CSV, the tables), and bad input is refused with exit 2, a
 * message that names what is wrong, no stack trace and no folder left behind.
 */
class CalibrateCommandTest {
    static final String SMALL = "src/test/resources/calibration/small-la.yaml";

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private static Result pace(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Pace.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aFitWritesAScenarioThatValidatesTheTablesAndTheEvaluations() throws Exception {
        Path out = dir.resolve("fit");
        Result r = pace("calibrate", SMALL, "--fit", "--free", "stages.matching.scale=0.5..2", "--hold-out", "T5,T6",
                "-r", "2", "--evaluations", "4", "--threads", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("Held out (not in the fit):"), r.out());
        assertTrue(r.out().contains("| stages.matching.scale | 0.5 to 2 | 1 |"), r.out());
        Path fitted = out.resolve("fitted.yaml");
        // the keys in the order a person writes them, the same from one run (and JVM) to the next
        assertTrue(Files.readString(fitted).contains("  - set: {path: stages.matching.scale, value: "),
                Files.readString(fitted));
        Result valid = pace("validate", fitted.toString());
        assertEquals(0, valid.code(), valid.err() + valid.out());
        List<String> csv = Files.readAllLines(out.resolve("evaluations.csv"));
        assertEquals(CalibrationReport.CSV_HEADER, csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("0,as_written,free,stages.matching.scale,1,")), csv.get(1));
        assertTrue(csv.stream().anyMatch(l -> l.contains(",fitted,figure,T5,") && l.contains(",false,")),
                "T5's figure is reported and not in the objective");
        assertTrue(Files.readString(out.resolve("calibration.md")).contains("Fitted targets:"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown target | --hold-out=T9 | no target 'T9'",
            "T12 is never fitted | --hold-out=T12 | T12 is never fitted",
            "path not found | --free=stages.nope.next.x.p=0.1..0.5 | no stage 'nope'",
            "empty range | --free=stages.matching.scale=2..0.5 | is empty",
            "probability beyond 1 | --free=stages.court_reports.next.poa.p=0.5..1.5 | lies from 0 to 1",
            "not a range | --free=stages.matching.scale=0.5 | is not PATH=LOW..HIGH",
            "budget too small | --evaluations=2 | needs at least 3 evaluations",
    })
    void badInputIsRefusedWithExit2AndNothingWritten(String what, String option, String message) {
        Path out = dir.resolve("fit");
        String[] free = option.startsWith("--free") ? new String[0] : new String[] {"--free=stages.matching.scale=0.5..2"};
        String[] args = concat(new String[] {"calibrate", SMALL, "--fit", option, "-r", "2", "--out", out.toString()},
                free);
        Result r = pace(args);
        String both = r.out() + r.err();
        assertAll(what,
                () -> assertEquals(2, r.code(), both),
                () -> assertTrue(both.contains(message), both),
                () -> assertFalse(both.contains("Exception") || both.contains("\tat "), both),
                () -> assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "a folder was left"));
    }

    @Test
    void fitOptionsWithoutFitAreRefused() {
        Result r = pace("calibrate", SMALL, "--hold-out", "T5", "-r", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is only for a fit"), r.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
