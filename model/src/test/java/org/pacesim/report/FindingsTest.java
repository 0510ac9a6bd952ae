package org.pacesim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.experiment.Experiment;

/**
 * findings.md, the terminal and run.json never quote an overloaded system as a finding: the warning comes before
 * the tables, and the scenario is flagged where its figures appear.
 */
class FindingsTest {
    @TempDir
    static Path dir;
    private static Experiment.Results results;

    @BeforeAll
    static void runABaselineAgainstAPanelWithTooFewPlaces() throws Exception {
        Path base = Path.of("src/test/resources/engine/small-la.yaml").toAbsolutePath();
        // About 34 cases a year for the panel against 2 places every 4 weeks (26 a year): an offered load of 1.3.
        Path fewer = Files.writeString(dir.resolve("two-places.yaml"), """
                name: Two places per panel
                extends: %s
                changes:
                  - set: {path: stages.panel.capacity, value: 2}
                    why: test
                """.formatted(base));
        Path faster = Path.of("src/test/resources/experiment/faster-form-e.yaml").toAbsolutePath();
        results = Experiment.run(Experiment.adHoc(List.of(base, faster, fewer)),
                new Experiment.Options(2, 4, null, Double.NaN, 4, false), null, null);
    }

    @Test
    void anOverloadedScenarioIsWarnedOfBeforeTheTablesAndFlaggedInThem() {
        String md = Findings.of(results);
        int warning = md.indexOf("**Two places per panel**: panel: offered load");
        assertTrue(warning > 0 && warning < md.indexOf("## Key figures"), md);
        assertTrue(md.contains("| Two places per panel [OVERLOADED: not a finding] |"), md);
        assertTrue(md.contains("**Two places per panel** [OVERLOADED: not a finding]:"), md);
        assertFalse(md.contains("Form E in half the time [OVERLOADED"), md);
    }

    @Test
    void theTerminalWarnsFirstAndFlagsTheRow() {
        String text = Findings.terminal(results);
        assertTrue(text.startsWith("warning: Two places per panel: panel: offered load"), text);
        assertTrue(text.contains("Two places per panel [OVERLOADED: not a finding]"), text);
    }

    @Test
    void runJsonListsTheWarning() {
        String json = RunJson.of(List.of("pace", "compare"), Instant.EPOCH, results.runs());
        assertTrue(json.matches("(?s).*\"warnings\" : \\[ \"Two places per panel: panel: offered load.*"), json);
    }

    @Test
    void aTableCellSaysLevelDifferenceAndInterval() {
        String md = Findings.of(results);
        // the baseline row has levels only; an intervention's cell has its level, then (difference; CI)
        assertTrue(md.matches("(?s).*\\| Baseline: Small LA[^|]*\\| \\d+\\.\\d \\|.*"), md);
        assertTrue(md.matches("(?s).*\\| Form E in half the time \\| \\d+\\.\\d \\(\\*\\*-\\d+\\.\\d\\*\\*; -\\d+\\.\\d to -\\d+\\.\\d\\) \\|.*"), md);
    }
}
