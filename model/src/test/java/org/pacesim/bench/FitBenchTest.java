package org.pacesim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacesim.fit.Spell;

/** What the fitting benchmark fits, not how fast: speed is measured by running it, never by tests. */
class FitBenchTest {
    @Test
    void theDataLookLikeRecordsAndEveryIntervalIsFitted() throws Exception {
        List<List<Spell>> data = FitBench.data(2000, 4, 1);
        assertEquals(4, data.size());
        for (List<Spell> spells : data) {
            assertEquals(2000, spells.size());
            double open = spells.stream().filter(s -> !s.ended()).count() / 2000.0;
            assertTrue(open > 0.3 && open < 0.5, "open share " + open);
            assertTrue(spells.stream().anyMatch(Spell::truncated));
            assertTrue(spells.stream().allMatch(s -> s.duration() == Math.floor(s.duration())), "whole days");
        }
        FitBench.Timing timing = FitBench.measure(data, 2);
        assertEquals(4, timing.chosen().size());
        assertEquals(2000, timing.children());
    }
}
