package org.pacesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.experiment.Experiment;
import org.pacesim.report.charts.Charts;
import org.pacesim.report.charts.Runs;
import org.pacesim.report.charts.WithoutGraphviz;
import org.pacesim.scenario.ExperimentLoader;
import org.pacesim.scenario.ExperimentSpec;

/** report.html: self-contained, with every part the issue asks for; and the pieces it is made of. */
@ExtendWith(WithoutGraphviz.class)
class HtmlReportTest {
    @Test
    void theReportIsOneSelfContainedFileWithEveryPart() throws Exception {
        Experiment.Results r = Experiment.run(ExperimentLoader.load(Path.of("src/test/resources/experiment/experiment.yaml")),
                new Experiment.Options(2, 4, null, Double.NaN, 100, false), null, null);
        Charts.Result charts = Charts.draw(Runs.of(r), ExperimentSpec.CHARTS, (p, b) -> { });
        String html = HtmlReport.experiment(r, charts, List.of("pace", "experiment", "x.yaml"), Instant.now(), null);
        for (String part : List.of("id=\"findings\"", "id=\"charts\"", "id=\"tables\"", "id=\"scenarios\"",
                "id=\"assumptions\"", "id=\"provenance\"", "Key figures", "why: test", "SHA-256", "@page")) {
            assertTrue(html.contains(part), "lacks " + part);
        }
        assertEquals(charts.drawn().size(), html.split("<figure").length - 1);
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains(" src="), "loads nothing");
        assertFalse(html.contains("<?xml"), "SVG declarations stripped when inlined");
        // the experiment's scenario file declares assumptions, listed with their line
        assertTrue(html.contains("long enough for about 1,000 cohort children per replication"), "assumption listed");
    }

    @Test
    void assumptionsAreTheCommentsTaggedA() {
        assertEquals(new Assumptions.Assumption("f", 3, "", "capacity: 5", "A: child cases per sitting"),
                Assumptions.parse("f", 3, "    capacity: 5             # A: child cases per sitting"));
        assertEquals("A", Assumptions.parse("f", 1, "  seed: 20130101          # A").comment());
        assertEquals("A (calibrated: the fastest cases, T2)",
                Assumptions.parse("f", 1, "  - {label: x, p: 0.30, to: y}   # A (calibrated: the fastest cases, T2)").comment());
        assertEquals("A; S: due within 14 days", Assumptions.parse("f", 1, "d: 1w  # A; S: due within 14 days").comment());
        assertEquals("", Assumptions.parse("f", 1, "      # A: share ready to put permanence to a LAR").parameter());
        assertNull(Assumptions.parse("f", 1, "# A mid-sized Scottish local authority before PACE"), "prose");
        assertNull(Assumptions.parse("f", 1, "#   # S: a public source   # D: derived   # A: assumed"), "a legend");
        assertNull(Assumptions.parse("f", 1, "  rate: 150/year        # D: Scotland ~2,750 / 18"), "derived");
        assertNull(Assumptions.parse("f", 1, "  name: \"Plan # A: not a comment\""), "inside quotes");
    }

    @Test
    void eachFileIsReadOnceAndEachAssumptionSaysWhereItIs(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                run:
                  horizon: 2y   # A: short
                arrivals:
                  - name: accommodated
                    rate: 150/year   # A: about
                stages:
                  panel:
                    kind: meeting
                    capacity: 5      # A: cases per sitting
                    next:
                      - {label: deferred, p: 0.1, to: rework}   # A (calibrated)
                  rework: {kind: delay, duration: 4w}   # A
                """);
        List<Assumptions.Assumption> a = Assumptions.of(List.of(f.toString(), f.toString()));
        assertEquals(List.of("run.horizon", "arrivals.rate", "stages.panel.capacity", "stages.panel.next",
                "stages.rework"),
                a.stream().map(Assumptions.Assumption::where).toList());
        assertEquals(2, a.get(0).line());
    }

    @Test
    void findingsMarkdownBecomesHtml() {
        String html = Markdown.html("""
                # Findings: x

                Baseline: **B** (`b.yaml`).

                ## Ranked

                1. **A** shortens it.
                   - removed stage s (why: "quoted" <source>)
                2. **C** makes no clear difference.

                | rank | lever |
                |---:|---|
                | 1 | duration |
                """, 1);
        assertEquals("""
                <h2>Findings: x</h2>
                <p>Baseline: <strong>B</strong> (<code>b.yaml</code>).</p>
                <h3>Ranked</h3>
                <ol>
                <li><strong>A</strong> shortens it.<ul>
                <li>removed stage s (why: &quot;quoted&quot; &lt;source&gt;)</li>
                </ul>
                </li>
                <li><strong>C</strong> makes no clear difference.</li>
                </ol>
                <table>
                <tr><th class=num>rank</th><th>lever</th></tr>
                <tr><td class=num>1</td><td>duration</td></tr>
                </table>
                """, html);
    }
}
