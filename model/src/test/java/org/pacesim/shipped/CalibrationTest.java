package org.pacesim.shipped;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pacesim.experiment.Calibration;

/**
 * The shipped local-authority baseline against the published targets: the set met is pinned, so a change that
 * breaks calibration (or repairs T2) shows up here and in the README's table.
 */
class CalibrationTest {
    @Test
    void theBaselineMeetsEveryTargetButT2() throws Exception {
        List<Calibration.Row> rows = Calibration.run(Path.of("../scenarios/baseline-la.yaml"),
                Path.of("../scenarios/fewer-court-productions.yaml"), 40, 2);
        rows.forEach(r -> System.out.println(r.id() + " " + r.simulated() + " met=" + r.met()));
        Map<String, Boolean> met = rows.stream().collect(Collectors.toMap(Calibration.Row::id, Calibration.Row::met));
        assertEquals(Map.of("T1", true, "T2", false, "T3a", true, "T3b", true, "T5", true, "T6", true, "T8a", true,
                "T8b", true, "T8c", true, "T12", true), met);
    }
}
