package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON Schema that editors use for completion (scenarios/scenario.schema.json) names the same top-level
 * sections, stage kinds and distributions as the loader accepts, so the two cannot drift apart unnoticed.
 */
class SchemaTest {
    private static JsonNode schema() throws Exception {
        return new ObjectMapper().readTree(Path.of("../scenarios/scenario.schema.json").toFile());
    }

    @Test
    void topLevelSectionsMatchTheLoader() throws Exception {
        List<String> keys = new ArrayList<>();
        schema().path("properties").fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(ScenarioBuilder.TOP), new TreeSet<>(keys));
    }

    @Test
    void stageKindsMatchTheLoader() throws Exception {
        List<String> kinds = new ArrayList<>();
        for (JsonNode s : schema().path("$defs").path("stage").path("oneOf")) {
            kinds.add(s.path("properties").path("kind").path("const").asText());
        }
        assertEquals(StageReader.KINDS, kinds);
    }

    @Test
    void distributionsMatchTheLoader() throws Exception {
        List<String> kinds = new ArrayList<>();
        for (JsonNode d : schema().path("$defs").path("distribution").path("oneOf")) {
            d.path("properties").fieldNames().forEachRemaining(kinds::add);
        }
        assertEquals(new TreeSet<>(DistributionParser.KINDS), new TreeSet<>(kinds));
    }

    @Test
    void changeKindsMatchTheLoader() throws Exception {
        List<String> kinds = new ArrayList<>();
        schema().path("$defs").path("change").path("properties").fieldNames().forEachRemaining(kinds::add);
        kinds.remove("why");
        kinds.remove("from");
        assertEquals(Changes.KINDS, kinds);
    }
}
