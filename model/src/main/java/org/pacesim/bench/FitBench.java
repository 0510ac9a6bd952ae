package org.pacesim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.pacesim.fit.DurationFit;
import org.pacesim.fit.Family;
import org.pacesim.fit.KaplanMeier;
import org.pacesim.fit.Parametric;
import org.pacesim.fit.Spell;

/**
 * The speed of fitting records: synthetic children (no real data) each with spells in a number of intervals
 * between milestones, in whole days as records hold them, about 40% still open when follow-up ends and some
 * already under way when it began; every interval fitted to the four families and its Kaplan-Meier estimate
 * computed, one interval per task. Run with
 * {@code java -cp model/target/pace.jar org.pacesim.bench.FitBench [children] [intervals] [threads]}
 * (default 10,000 children, 15 intervals, all processors).
 */
public final class FitBench {
    /**
     * Follow-up, in medians of the interval's duration: children enter uniformly over it and are followed to its
     * end, which leaves about 40% of spells open.
     */
    private static final double WINDOW = 2.5;

    private FitBench() {}

    /**
     * The timing of one run.
     *
     * @param children  children per interval
     * @param intervals intervals fitted
     * @param threads   threads used
     * @param seconds   wall-clock time of the fits (the data are made beforehand, untimed)
     * @param chosen    the family chosen for each interval
     */
    public record Timing(int children, int intervals, int threads, double seconds, List<Family> chosen) {}

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        int children = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int intervals = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        List<List<Spell>> data = data(children, intervals, 2026);
        measure(data, threads); // warm-up: the first run pays for class loading and compilation
        for (int t : threads == 1 ? List.of(1) : List.of(1, threads)) {
            Timing timing = measure(data, t);
            System.out.printf("fit: %,d children x %d intervals on %d thread%s: %.2f s (chosen: %s)%n", children,
                    intervals, t, t == 1 ? "" : "s", timing.seconds(), timing.chosen());
        }
    }

    /** Fits every interval of {@code data} on {@code threads} threads and times it. */
    public static Timing measure(List<List<Spell>> data, int threads) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<DurationFit>> fits = new ArrayList<>();
            for (List<Spell> spells : data) {
                fits.add(pool.submit(() -> {
                    KaplanMeier.of(spells);
                    return DurationFit.of(spells);
                }));
            }
            List<Family> chosen = new ArrayList<>();
            for (Future<DurationFit> f : fits) chosen.add(f.get().best().orElseThrow().family());
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Timing(data.isEmpty() ? 0 : data.get(0).size(), data.size(), threads, seconds, chosen);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Synthetic spells for {@code intervals} intervals of {@code children} children, the intervals' true
     * distributions cycling through the four families.
     */
    public static List<List<Spell>> data(int children, int intervals, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Parametric> laws = List.of(Family.LOGNORMAL.of(90, 300), Family.GAMMA.of(120, 70),
                Family.WEIBULL.of(1.4, 150), Family.EXPONENTIAL.of(60));
        List<List<Spell>> data = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            Parametric law = laws.get(i % laws.size());
            List<Spell> spells = new ArrayList<>(children);
            while (spells.size() < children) {
                double t = Math.floor(law.quantile(Math.max(random.nextDouble(), 1e-12)));
                // one child in six was already in the interval when the records begin
                double entered = random.nextInt(6) == 0 ? Math.floor(random.nextDouble() * law.median()) : 0;
                if (t < entered) continue; // left before the records began: never seen
                double end = entered + Math.floor(random.nextDouble() * WINDOW * law.median());
                spells.add(t <= end ? new Spell(t, true, entered) : new Spell(end, false, entered));
            }
            data.add(spells);
        }
        return data;
    }
}
