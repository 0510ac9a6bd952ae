package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names people read: a stage's or measure's label, else a readable form of its id. */
class LabelsTest {
    @Test
    void anIdReadsAsWords() {
        assertEquals("Form E part 2", Labels.readable("form_e_part2"));
        assertEquals("Aim 4 PO", Labels.readable("aim4_po"));
        assertEquals("Permanence LAR", Labels.readable("permanence_lar"));
        assertEquals("Time to permanence", Labels.readable("time_to_permanence"));
        assertEquals("Review 24m", Labels.readable("review_24m"));
    }

    @Test
    void inASentenceOnlyOrdinaryWordsLoseTheirCapital() {
        assertEquals("time to permanence", Labels.inSentence("Time to permanence"));
        assertEquals("Form E part 2", Labels.inSentence("Form E part 2"));
        assertEquals("Aim 4 (PO plans)", Labels.inSentence("Aim 4 (PO plans)"));
        assertEquals("LAR at two weeks", Labels.inSentence("LAR at two weeks"));
    }

    @Test
    void aLabelInTheFileIsTheName(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("s.yaml"), """
                name: labels
                run: {horizon: 2y, replications: 2, seed: 1}
                arrivals: [{name: in, rate: 10/year, to: form_e_part2}]
                stages:
                  form_e_part2: {kind: delay, duration: 4w, next: court_1}
                  court_1: {kind: delay, label: Sheriff court, duration: 4w, next: out}
                  out: {kind: exit, outcome: permanence}
                measures:
                  aim4_po: {from: arrival, to: permanence, label: Aim 4 (PO plans)}
                """);
        Scenario s = ScenarioLoader.load(f);
        assertEquals("Form E part 2", Labels.stage(s, "form_e_part2"));
        assertEquals("Sheriff court", Labels.stage(s, "court_1"));
        assertEquals("Aim 4 (PO plans)", Labels.measure(s, "aim4_po"));
        assertEquals("Aim 4 (PO plans) (today's caseload)", Labels.measure(s, "caseload.aim4_po"));
        assertEquals("Time to permanence", Labels.measure(s, "time_to_permanence"));
    }
}
