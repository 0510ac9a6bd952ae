package org.pacesim.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic spells with a known duration distribution, observed the way records observe them: children enter a
 * stage uniformly over a window and are followed to its end (so a spell is censored when the window closes before
 * it ends), and a share were already in the stage when the window opened (left-truncated: seen only if still in
 * it, from the time already spent).
 */
final class Synthetic {
    private Synthetic() {}

    /**
     * {@code n} spells drawn from {@code law}.
     *
     * @param window         length of follow-up in days; shorter windows censor more
     * @param truncatedShare share of spells already under way when the window opened
     */
    static List<Spell> spells(Parametric law, int n, double window, double truncatedShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Spell> spells = new ArrayList<>(n);
        while (spells.size() < n) {
            double t = law.quantile(uniform(random));
            if (random.nextDouble() < truncatedShare) {
                // already in the stage for a days when the window opened: seen only if still in it then
                double a = random.nextDouble() * law.median();
                if (t <= a) continue;
                double end = a + window;
                spells.add(t <= end ? new Spell(t, true, a) : new Spell(end, false, a));
            } else {
                double followUp = random.nextDouble() * window;
                spells.add(t <= followUp ? Spell.ended(t) : Spell.open(followUp));
            }
        }
        return spells;
    }

    /** A uniform in (0, 1), never 0. */
    static double uniform(SplittableRandom random) {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0);
        return u;
    }
}
