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
 * breaks calibration (or repairs T1 or T2) shows up here and in the README's table. T1 is judged by the share of
 * orders in the 24-35 month band (29 of 100 published), which the baseline overstates.
 */
class CalibrationTest {
    @Test
    void theBaselineMeetsEveryTargetButT1AndT2() throws Exception {
        List<Calibration.Row> rows = Calibration.run(Path.of("../scenarios/baseline-la.yaml"),
                Path.of("../scenarios/fewer-court-productions.yaml"), 40, null, 2);
        rows.forEach(r -> System.out.println(r.id() + " " + r.simulated() + " met=" + r.met()));
        Map<String, Boolean> met = rows.stream().collect(Collectors.toMap(Calibration.Row::id, Calibration.Row::met));
        assertEquals(Map.of("T1", false, "T2", false, "T3a", true, "T3b", true, "T5", true, "T6", true, "T8a", true,
                "T8b", true, "T8c", true, "T12", true), met);
    }
}
