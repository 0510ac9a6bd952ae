package org.pacesim.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * computed, one interval per task. {@code pace bench --fit} runs it (by default 10,000 children and 15
 * intervals, the size the fitting issue sets).
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

    /**
     * Makes the data, warms up on it, then times the fits on one thread and on {@code threads}.
     *
     * @param progress told what is being measured as it goes, or null
     */
    public static List<Timing> run(int children, int intervals, int threads, PrintWriter progress)
            throws InterruptedException, ExecutionException {
        if (progress != null) progress.println("bench: " + children + " children x " + intervals + " intervals of synthetic records");
        List<List<Spell>> data = data(children, intervals, 2026);
        measure(data, threads); // warm-up: the first run pays for class loading and compilation
        List<Timing> timings = new ArrayList<>();
        for (int t : threads == 1 ? List.of(1) : List.of(1, threads)) {
            if (progress != null) progress.println("bench: fitting on " + t + " thread" + (t == 1 ? "" : "s"));
            timings.add(measure(data, t));
        }
        return timings;
    }

    /** The timings as a Markdown table. */
    public static String table(List<Timing> timings) {
        StringBuilder s = new StringBuilder("| children | intervals | threads | seconds | families chosen |\n"
                + "|---:|---:|---:|---:|---|\n");
        for (Timing t : timings) {
            Map<Family, Long> chosen = new EnumMap<>(Family.class);
            t.chosen().forEach(f -> chosen.merge(f, 1L, Long::sum));
            StringBuilder families = new StringBuilder();
            chosen.forEach((f, n) -> families.append(families.length() == 0 ? "" : ", ")
                    .append(f.name().toLowerCase(Locale.ROOT)).append(' ').append(n));
            s.append(String.format(Locale.ROOT, "| %,d | %d | %d | %.2f | %s |%n", t.children(), t.intervals(),
                    t.threads(), t.seconds(), families));
        }
        return s.toString();
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
