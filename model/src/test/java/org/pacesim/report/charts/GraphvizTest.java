package org.pacesim.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;

/**
 * Where Graphviz is installed, a small pathway's map is Graphviz's drawing, placed in the figure as SVG and as
 * pixels; where it is not, this test is skipped (the map without Graphviz is tested in {@link ChartsTest}).
 */
class GraphvizTest {
    @Test
    void aSmallPathwayIsDrawnByGraphvizWhenItIsInstalled() throws Exception {
        String before = System.getProperty("pace.graphviz");
        System.clearProperty("pace.graphviz");
        try {
            assumeTrue(Graphviz.svg("digraph { a -> b }").isPresent(), "Graphviz is not installed");
            Scenario s = ScenarioLoader.load(Path.of("src/test/resources/theory/tandem.yaml"));
            ScenarioResults r = ScenarioResults.run(s.withRun(s.run().with(2, null)), 2, null, null, true);
            Map<String, byte[]> files = new HashMap<>();
            Charts.draw(Runs.of(r), List.of("process_map"), files::put);
            String svg = new String(files.get("charts/process_map.svg"));
            assertTrue(svg.indexOf("<svg", svg.indexOf("<svg") + 1) > 0, "Graphviz's drawing nested in the figure");
            assertTrue(svg.contains("process_map-g0-"), "its ids carry the figure's prefix");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes()));
            assertEquals(1600, ImageIO.read(new ByteArrayInputStream(files.get("charts/process_map.png"))).getWidth());
            assertTrue(files.containsKey("charts/process_map-tandem.graphviz.svg"));
        } finally {
            if (before == null) System.clearProperty("pace.graphviz");
            else System.setProperty("pace.graphviz", before);
        }
    }
}
