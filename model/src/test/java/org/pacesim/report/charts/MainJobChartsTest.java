package org.pacesim.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pacesim.experiment.Experiment;
import org.pacesim.scenario.ExperimentLoader;

/**
 * The charts of the main job (fourteen scenarios), drawn from a short run, read as a workshop would: every colour
 * the legend shows is one the chart draws, the lines of many scenarios stay few enough to tell apart, and a child
 * whose outcome changes is said to.
 */
class MainJobChartsTest {
    private static Runs runs;

    @BeforeAll
    static void run() {
        Experiment.Results r = Experiment.run(ExperimentLoader.load(Path.of("../experiments/pace-tests-of-change.yaml")),
                new Experiment.Options(2, 3, null, Double.NaN, 3, false), null, null);
        runs = Runs.of(r);
    }

    /** Fewer pixels of a colour than this (a bar a pixel wide, an edge) is not a colour a reader can see. */
    private static final int VISIBLE = 60;

    /**
     * The legend's boxes and lines whose colour a reader cannot find in the chart: the panels are painted without
     * the legend and a colour counts when at least {@link #VISIBLE} pixels have it exactly.
     */
    private static List<String> legendColoursNotSeen(Figure f) {
        Map<Integer, Integer> pixels = new HashMap<>();
        for (Panel p : f.panels()) {
            BufferedImage image = new BufferedImage(Figure.WIDTH, Figure.HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            p.paint(g, Figure.WIDTH, Figure.HEIGHT);
            g.dispose();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) pixels.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Legend.Entry e : f.legendEntries()) {
            int seen = pixels.getOrDefault(e.color().getRGB() & 0xFFFFFF, 0);
            if (e.kind() != Legend.Kind.MARKER && seen < VISIBLE) missing.add(e.label() + " (" + seen + " pixels)");
        }
        return missing;
    }

    @Test
    void everyColourInTheLegendOfWhereTheTimeGoesAppearsInItsBars() {
        assertEquals(List.of(), legendColoursNotSeen(TimeSpentChart.draw(runs)));
    }

    @Test
    void everyColourInTheLegendOfTheTimelinesAppearsInThem() {
        assertEquals(List.of(), legendColoursNotSeen(TimelineChart.draw(runs)));
    }

    @Test
    void withFourteenScenariosOnlyTheBaselineAndTheLargestEffectsKeepAColour() {
        assertTrue(runs.ranked().size() > Runs.COLOURED + 1, "the main job has many scenarios");
        for (Figure f : List.of(CumulativeChart.draw(runs), QueuesChart.draw(runs))) {
            List<Legend.Entry> lines = f.legendEntries().stream().filter(e -> e.kind() == Legend.Kind.LINE).toList();
            // the baseline, the coloured ones, and one entry for all the grey ones
            assertEquals(Runs.COLOURED + 2, lines.size(), f.name() + ": " + lines);
            assertEquals(lines.size(), lines.stream().map(Legend.Entry::color).distinct().count(),
                    f.name() + ": every entry a colour of its own");
            Legend.Entry grey = lines.get(lines.size() - 1);
            assertEquals(Palette.OTHER.color(), grey.color());
            assertTrue(grey.label().startsWith((runs.ranked().size() - 1 - Runs.COLOURED) + " other scenarios"),
                    grey.label());
            assertEquals(List.of(), legendColoursNotSeen(f), f.name());
        }
        // the one every title names keeps its colour, whatever the others' effects
        assertTrue(!runs.greyed(0) && !runs.greyed(1));
    }

    @Test
    void theScenariosWithTheLargestEffectsKeepTheirColour() {
        // ranked 1 (the first ranked) always; then the largest effects, whichever side of zero
        int[] colour = Runs.colours(new double[] {0, 5, 1, 9, -1, 3, 7, 2});
        assertEquals(List.of(0, 1, -1, 2, -1, 3, 4, -1), java.util.Arrays.stream(colour).boxed().toList());
        // few scenarios: each its own colour, as ever
        assertEquals(List.of(0, 1, 2, 3), java.util.Arrays.stream(Runs.colours(new double[] {0, 1, 2, 3})).boxed().toList());
    }

    @Test
    void theTimelinesSayWhenAChildEndsWithAnotherOutcome() {
        Figure f = TimelineChart.draw(runs);
        Matcher m = Pattern.compile("; (\\d+) of them end with another outcome$").matcher(f.title());
        // the package changes routes (concurrency planning, kinship meetings), so some of the twenty end elsewhere
        assertTrue(m.find(), f.title());
        assertTrue(Integer.parseInt(m.group(1)) > 0 && Integer.parseInt(m.group(1)) <= 20, f.title());
        assertTrue(f.note().contains("in red where it differs from the baseline's"), f.note());
    }

    @Test
    void theQueuesTitleNeverStatesAChangeTooSmallToShow() {
        String title = QueuesChart.draw(runs).title();
        assertTrue(!title.matches(".* from (\\d+\\.\\d) to \\1 waiting.*"), title);
    }
}
