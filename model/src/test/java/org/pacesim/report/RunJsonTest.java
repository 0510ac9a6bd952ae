package org.pacesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

class RunJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** run.json was written by the object mapper; the streaming writer must give the same bytes for every shape. */
    @Test
    void writesWhatTheObjectMapperWrites() throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "pace-sim");
        root.put("command", List.of("run", "scenarios/baseline-la.yaml", "--out", "a folder/with \"quotes\""));
        root.put("text", "tab\there, newline\nthere, a backslash \\ and é, ≥ and a control \u0001");
        root.put("cores", 2);
        root.put("seed", 12345678901234L);
        root.put("negative", -7);
        root.put("seconds", 1.234);
        root.put("tiny", 1e-300);
        root.put("huge", 6.02e23);
        root.put("whole", 2.0);
        root.put("minus zero", -0.0);
        root.put("not a number", Double.NaN);
        root.put("infinite", Double.POSITIVE_INFINITY);
        root.put("yes", true);
        root.put("missing", null);
        root.put("empty list", List.of());
        root.put("empty map", Map.of());
        root.put("nulls", Arrays.asList(null, "x", null));
        List<Object> scenarios = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", "scenario " + i);
            s.put("files", List.of(Map.of("path", "a.yaml", "sha256", "00ff"), Map.of("path", "b.yaml")));
            s.put("nested", List.of(List.of(1, 2L, 3.5), List.of()));
            scenarios.add(s);
        }
        root.put("scenarios", scenarios);
        assertEquals(MAPPER.writeValueAsString(root) + "\n", RunJson.text(root));
    }

    @Test
    void refusesWhatItCannotWrite() {
        assertThrows(IllegalArgumentException.class, () -> RunJson.text(Map.of("when", new Object())));
    }
}
