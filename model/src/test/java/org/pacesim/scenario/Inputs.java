package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.pacesim.graph.SystemGraph;

/** Test helpers: input files from the test resources, and precise assertions on the problems they cause. */
public final class Inputs {
    private Inputs() {}

    /** A file under {@code src/test/resources}, e.g. {@code invalid/fields/capacity-zero.yaml}. */
    public static Path resource(String name) {
        URL url = Inputs.class.getResource("/" + name);
        if (url == null) throw new IllegalArgumentException("no test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    /** Loading the file fails; returns the exception. */
    public static InvalidInputException loadFails(Path file) {
        return assertThrows(InvalidInputException.class, () -> ScenarioLoader.load(file),
                () -> file + " was expected to be refused");
    }

    /** The file loads, and the graph checks refuse it; returns the exception. */
    public static InvalidInputException graphFails(Path file) {
        Scenario s = ScenarioLoader.load(file);
        return assertThrows(InvalidInputException.class, () -> SystemGraph.of(s),
                () -> file + " was expected to fail the graph checks");
    }

    /** The one problem reported; fails listing all of them if there is not exactly one. */
    public static Problem only(InvalidInputException e) {
        assertEquals(1, e.problems().size(), () -> "expected exactly one problem, got:\n" + list(e));
        return e.problems().get(0);
    }

    /** All problems, one per line, for failure messages. */
    public static String list(InvalidInputException e) {
        return e.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    /**
     * Asserts where a problem is and what it says.
     *
     * @param file   the file the problem must name, exactly as the loader shows it
     * @param line   1-based line, or 0 for the whole file
     * @param column 1-based column, or 0 for the whole file
     * @param path   the field path (empty for file-level problems)
     * @param what   a fragment the description of what is wrong must contain
     * @param fix    a fragment the fix must contain
     */
    public static void assertProblem(Problem p, Path file, int line, int column, String path, String what, String fix) {
        String shown = p.format();
        assertAll(shown,
                () -> assertEquals(file.toString(), p.at().file(), "file"),
                () -> assertEquals(line + ":" + column, p.at().line() + ":" + p.at().column(), "line:column"),
                () -> assertEquals(path, p.path(), "path"),
                () -> assertTrue(p.what().contains(what), "what should contain: " + what),
                () -> assertTrue(p.fix().contains(fix), "fix should contain: " + fix));
    }
}
