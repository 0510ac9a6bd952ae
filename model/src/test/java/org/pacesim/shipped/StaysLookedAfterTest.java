package org.pacesim.shipped;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacesim.engine.Model;
import org.pacesim.engine.Replication;
import org.pacesim.graph.Profiles;
import org.pacesim.graph.SystemGraph;
import org.pacesim.random.StreamBank;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.ScenarioLoader;

/**
 * The shipped baseline's children who stay looked after with no order: they leave care at the age it happens (16
 * to 18), so a child accommodated young stays looked after for years, not a delay that is the same at any age; and
 * a share of the youngest reach permanence late, through a later review. Read through milestones added by a file
 * that extends the baseline, on the baseline's own seed.
 */
class StaysLookedAfterTest {
    private static final double YEAR = Durations.YEAR;
    private static final int REPLICATIONS = 20;

    /** Per arrival band: [children who stayed until leaving care, shortest and longest time in care in years]. */
    private static final double[][] STAYED = new double[4][3];
    /** Children arriving under one who stayed looked after, and those of them a later review took to permanence. */
    private static long infantsStaying;
    private static long infantsLate;

    @BeforeAll
    static void run(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("stays.yaml"), """
                name: stays looked after
                extends: %s
                milestones:
                  stays: {enter: looked_after}
                  late: {enter: late_permanence_review}
                  until_leaving_care: {enter: stays_looked_after}
                  left_care: {enter: no_order}
                """.formatted(Path.of("../scenarios/baseline-la.yaml").toAbsolutePath()));
        Model m = Model.compile(SystemGraph.of(ScenarioLoader.load(file)));
        List<String> names = m.milestoneNames();
        int arrival = names.indexOf("arrival");
        int stays = names.indexOf("stays");
        int late = names.indexOf("late");
        int untilLeaving = names.indexOf("until_leaving_care");
        int left = names.indexOf("left_care");
        Profiles profiles = m.graph().profiles();
        int band = profiles.find("age_band");
        for (double[] b : STAYED) {
            b[1] = Double.POSITIVE_INFINITY;
            b[2] = Double.NEGATIVE_INFINITY;
        }
        StreamBank bank = new StreamBank(m.scenario().run().seed());
        int a = band;
        for (int r = 0; r < REPLICATIONS; r++) {
            new Replication(m, bank, r, null).observe((id, profile, t, censored) -> {
                int level = profiles.level(profile, a);
                if (!Double.isNaN(t[untilLeaving]) && !Double.isNaN(t[left])) {
                    double years = (t[left] - t[arrival]) / YEAR;
                    STAYED[level][0]++;
                    STAYED[level][1] = Math.min(STAYED[level][1], years);
                    // A child who comes to stay already older than the age drawn for it (after years in the
                    // permanence track and a refused petition) leaves at once: only a wait is bounded above.
                    if (t[left] > t[untilLeaving]) STAYED[level][2] = Math.max(STAYED[level][2], years);
                }
                if (level == 0 && !Double.isNaN(t[stays])) {
                    infantsStaying++;
                    if (!Double.isNaN(t[late])) infantsLate++;
                }
            }).run();
        }
    }

    @Test
    void childrenWhoStayLeaveCareAtSixteenToEighteenWhateverAgeTheyArrived() {
        // Arriving in a band [lo, hi) years old and leaving at 16 to 18: between 16 - hi and 18 - lo years in care
        // (or, for one already older on coming to stay, at once).
        double[][] bands = {{0, 1}, {1, 5}, {5, 12}, {12, 17}};
        for (int b = 0; b < bands.length; b++) {
            double[] s = STAYED[b];
            double shortest = Math.max(0, 16 - bands[b][1]);
            double longest = 18 - bands[b][0];
            int band = b;
            assertTrue(s[0] > 50, () -> "band " + band + ": only " + s[0] + " children stayed");
            assertTrue(s[1] >= shortest - 1e-9 && s[2] <= longest + 1e-9, () -> "band " + band + ": " + s[1]
                    + " to " + s[2] + " years in care, expected within " + shortest + " to " + longest);
        }
        // Infants who stay are looked after for 15 years or more: the delay is the child's age, not a fixed time.
        assertTrue(STAYED[0][1] >= 15, () -> "shortest stay of an infant " + STAYED[0][1]);
    }

    @Test
    void aLaterReviewTakesThirtyPercentOfTheInfantsWhoStayToPermanence() {
        // Every infant is under 5 when it stays (at its first LAR), so the under-5 share, 0.30, applies to all.
        double p = (double) infantsLate / infantsStaying;
        double half = 2.58 * Math.sqrt(p * (1 - p) / infantsStaying);  // 99% interval of a binomial share
        assertTrue(infantsStaying > 500, () -> "only " + infantsStaying + " infants stayed");
        assertTrue(Math.abs(p - 0.30) <= half, () -> "late share " + p + " +/- " + half + " of " + infantsStaying);
    }
}
