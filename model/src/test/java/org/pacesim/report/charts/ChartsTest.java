package org.pacesim.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.Sensitivity;
import org.pacesim.scenario.ExperimentLoader;
import org.pacesim.scenario.ExperimentSpec;
import org.pacesim.scenario.MeasureStat;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every chart rendered from a small run: the files are valid PNG (1600 x 900, not blank) and SVG (well-formed,
 * 1600 x 900, titled), and each names the series it was expected to draw. Graphviz is switched off, so that the
 * process map drawn is the project's own, whatever is installed.
 */
@ExtendWith(WithoutGraphviz.class)
class ChartsTest {
    private static final Path EXPERIMENT = Path.of("src/test/resources/experiment/experiment.yaml");
    private static final Path SCENARIO = Path.of("src/test/resources/valid/base.yaml");
    private static Experiment.Results experiment;
    private static Charts.Result drawn;
    private static final Map<String, byte[]> files = new HashMap<>();

    @BeforeAll
    static void draw() throws Exception {
        experiment = Experiment.run(ExperimentLoader.load(EXPERIMENT),
                new Experiment.Options(2, 6, null, Double.NaN, 100, false), null, null);
        drawn = Charts.draw(Runs.of(experiment), ExperimentSpec.CHARTS, files::put);
    }

    private static Charts.Drawn chart(String name) {
        return drawn.drawn().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart " + name + " among " + drawn.drawn()));
    }

    @Test
    void everyChartAskedForIsDrawnAsPngAndSvgAndTheTornadoIsLeftToSensitivity() throws Exception {
        List<String> names = drawn.drawn().stream().map(Charts.Drawn::name).toList();
        assertEquals(List.of("cumulative", "distribution", "aims", "where_time_goes", "queues", "timelines",
                "process_map", "process_map-faster-form-e"), names);
        assertEquals(List.of("tornado: drawn by 'pace sensitivity' from its own runs"), drawn.skipped());
        for (String n : names) {
            assertPng(files.get("charts/" + n + ".png"), n);
            assertSvg(files.get("charts/" + n + ".svg"), n);
        }
    }

    @Test
    void eachChartDrawsTheExpectedSeries() {
        String base = "Small LA (test copy of the first baseline, frozen for golden numbers)";
        for (String s : List.of(base, "Form E in half the time", "Small LA again (no change)")) {
            assertTrue(chart("cumulative").series().contains(s), "cumulative: " + s);
            assertTrue(chart("queues").series().contains(s), "queues: " + s);
        }
        assertTrue(chart("cumulative").series().contains("95% band: " + base));
        assertTrue(chart("distribution").series().containsAll(List.of("baseline quartiles", "quartiles", "median",
                "whiskers", "target")), chart("distribution").series().toString());
        assertTrue(chart("aims").series().containsAll(List.of("baseline share within target", "share within target",
                "95% CI", "baseline")), chart("aims").series().toString());
        assertTrue(chart("where_time_goes").series().contains("Form E"), chart("where_time_goes").series().toString());
        assertTrue(chart("timelines").series().stream().anyMatch(s -> s.startsWith("milestones: ")));
        assertTrue(chart("process_map").series().containsAll(List.of("First LAR", "Panel", "ADM")),
                chart("process_map").series().toString());
    }

    @Test
    void theSvgNamesItsSeriesInItsDescription() throws Exception {
        for (Charts.Drawn d : drawn.drawn()) {
            Document doc = parse(files.get("charts/" + d.name() + ".svg"));
            String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
            for (String s : d.series()) assertTrue(desc.contains(s), d.name() + " desc lacks " + s);
            assertEquals(d.title(), doc.getElementsByTagName("title").item(0).getTextContent());
        }
    }

    @Test
    void timeIsInWeeksOrMonthsNeverDays() {
        for (Charts.Drawn d : drawn.drawn()) {
            assertTrue(!d.svg().contains(" days") && !d.svg().contains("(days)"), d.name() + " speaks of days");
        }
    }

    @Test
    void processMapsComeAsDotAndMermaidForEveryScenario() {
        for (String slug : List.of("small-la", "same-as-baseline", "faster-form-e")) {
            String dot = new String(files.get("charts/process_map-" + slug + ".dot"));
            assertTrue(dot.startsWith("strict digraph") || dot.startsWith("digraph"), dot.substring(0, 20));
            assertTrue(dot.contains("wk"), "annotated with weeks");
            assertTrue(dot.contains("label=\"") && !dot.contains("label=Small"), "the graph's name is quoted");
            assertTrue(new String(files.get("charts/process_map-" + slug + ".mmd")).startsWith("flowchart LR"));
        }
    }

    @Test
    void theTornadoChartDrawsTheLeversOfASensitivityRun() throws Exception {
        Sensitivity.Results r = Sensitivity.run(SCENARIO, 0.2, 2, null, "time_to_permanence", MeasureStat.MEDIAN, 2, null);
        Map<String, byte[]> out = new HashMap<>();
        Charts.Result t = Charts.tornado(r, out::put);
        Charts.Drawn d = t.drawn().get(0);
        assertEquals("tornado", d.name());
        assertTrue(d.series().containsAll(List.of("lever moved down", "lever moved up", "no effect")), d.series().toString());
        assertPng(out.get("charts/tornado.png"), "tornado");
        assertSvg(out.get("charts/tornado.svg"), "tornado");
    }

    @Test
    void chartsAreTheSameWhateverTheThreadCount() throws Exception {
        Experiment.Results one = Experiment.run(ExperimentLoader.load(EXPERIMENT),
                new Experiment.Options(1, 6, null, Double.NaN, 100, false), null, null);
        Map<String, byte[]> again = new HashMap<>();
        Charts.draw(Runs.of(one), ExperimentSpec.CHARTS, again::put);
        for (String f : files.keySet()) {
            if (f.endsWith(".svg")) assertEquals(new String(files.get(f)), new String(again.get(f)), f);
        }
    }

    private static void assertPng(byte[] png, String name) throws Exception {
        assertTrue(png != null && png.length > 1000, name + ".png missing");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1600, image.getWidth(), name);
        assertEquals(900, image.getHeight(), name);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) for (int x = 0; x < image.getWidth(); x += 7) colours.add(image.getRGB(x, y));
        assertTrue(colours.size() > 20, name + ".png looks blank: " + colours.size() + " colours");
    }

    private static void assertSvg(byte[] svg, String name) throws Exception {
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName(), name);
        assertEquals("1600", root.getAttribute("width"), name);
        assertEquals("900", root.getAttribute("height"), name);
        assertTrue(doc.getElementsByTagName("text").getLength() > 3, name + ": text is kept as text");
        assertTrue(doc.getElementsByTagName("path").getLength() > 10, name + ": drawn");
    }

    private static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    @Test
    void aMeetingEveryTwoMonthsIsSaidInMonths() {
        assertEquals("every 2 months", Text.every(2 * org.pacesim.scenario.Durations.MONTH));
        assertEquals("every 4 weeks", Text.every(28));
        assertEquals("every month", Text.every(org.pacesim.scenario.Durations.MONTH));
    }

    @Test
    void theQueuesTitleNamesTheBiggestChange() {
        String title = chart("queues").title();
        assertTrue(title.matches("(Form E in half the time|Small LA again \\(no change\\)) (shortens|lengthens) the queue"
                + " at .*|No scenario changes the queues much: .*"), title);
    }
}
