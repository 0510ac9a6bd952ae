package org.pacesim.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Kaplan-Meier (product-limit) estimate of the survival function of a stage's durations, with right censoring
 * and left truncation: at each distinct event time t the risk set is the spells with {@code entered < t <= time}
 * ({@link Spell#time()}), and S(t) is the product over event times up to t of (1 - events / at risk).
 *
 * <p>The pointwise 95% band uses Greenwood's variance on the log(-log S) scale (Kalbfleisch and Prentice), which
 * keeps the band inside [0, 1]: S^exp(+/- 1.96 se), se = sqrt(sum d / (n (n - d))) / |log S|. Where S falls to 0
 * the band keeps the previous upper bound and a lower bound of 0.
 *
 * <p>With left truncation the estimate is conditional on surviving to the earliest entry time ({@link #origin()});
 * it is an unconditional survival function only when some spells are observed from time 0.
 *
 * @param steps  one step per distinct event time, in time order
 * @param origin the earliest entry time of any spell (0 when some spell is observed from the start)
 * @param last   the latest time of any spell: the end of the observed range
 */
public record KaplanMeier(List<Step> steps, double origin, double last) {
    /**
     * The estimate just after one event time.
     *
     * @param time     the event time, days
     * @param atRisk   spells at risk just before it
     * @param events   spells ending at it
     * @param survival S(time)
     * @param lower    lower end of the 95% pointwise band
     * @param upper    upper end of the 95% pointwise band
     */
    public record Step(double time, int atRisk, int events, double survival, double lower, double upper) {}

    /** Copies the list. */
    public KaplanMeier {
        steps = List.copyOf(steps);
    }

    /** The estimate from the spells (an empty list gives S = 1 throughout, with no steps). */
    public static KaplanMeier of(List<Spell> spells) {
        int n = spells.size();
        double[] times = new double[n], entries = new double[n];
        List<Double> eventTimes = new ArrayList<>();
        double origin = n == 0 ? 0 : Double.POSITIVE_INFINITY, last = 0;
        for (int i = 0; i < n; i++) {
            Spell s = spells.get(i);
            times[i] = s.time();
            entries[i] = s.entered();
            if (s.ended()) eventTimes.add(s.time());
            origin = Math.min(origin, s.entered());
            last = Math.max(last, s.time());
        }
        Arrays.sort(times);
        Arrays.sort(entries);
        double[] ev = eventTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        List<Step> steps = new ArrayList<>();
        double survival = 1, greenwood = 0, upperSoFar = 1;
        for (int i = 0; i < ev.length; ) {
            double t = ev[i];
            int d = 0;
            while (i < ev.length && ev[i] == t) {
                d++;
                i++;
            }
            // at risk: entered before t, and not yet ended or censored before t
            int atRisk = countBelow(entries, t) - countBelow(times, t);
            survival *= 1 - (double) d / atRisk;
            double lower, upper;
            if (survival > 0) {
                greenwood += (double) d / ((double) atRisk * (atRisk - d));
                double logS = Math.log(survival);
                double se = Math.sqrt(greenwood) / Math.abs(logS);
                lower = Math.pow(survival, Math.exp(Estimate.Z95 * se));
                upper = survival == 1 ? 1 : Math.pow(survival, Math.exp(-Estimate.Z95 * se));
            } else {
                lower = 0;
                upper = upperSoFar;
            }
            upperSoFar = upper;
            steps.add(new Step(t, atRisk, d, survival, lower, upper));
        }
        return new KaplanMeier(steps, origin, last);
    }

    /** The estimate S(t): the survival after the last event time at or before {@code t}. */
    public double survival(double t) {
        Step s = stepAt(t);
        return s == null ? 1 : s.survival();
    }

    /** The pointwise 95% band at {@code t}, as {lower, upper}. */
    public double[] band(double t) {
        Step s = stepAt(t);
        return s == null ? new double[] {1, 1} : new double[] {s.lower(), s.upper()};
    }

    /**
     * The median (the first time S falls to 0.5 or below) with the interval where the band crosses 0.5
     * (Brookmeyer and Crowley's interval read off the log-log band): lower end where the lower band falls to 0.5,
     * upper end where the upper band does, infinite if it never does within follow-up. Empty when S stays above
     * 0.5 throughout follow-up (the median is not reached).
     */
    public Optional<Estimate> median() {
        double median = firstAtOrBelow(0.5, Step::survival);
        if (Double.isInfinite(median)) return Optional.empty();
        return Optional.of(new Estimate(median, firstAtOrBelow(0.5, Step::lower), firstAtOrBelow(0.5, Step::upper)));
    }

    /**
     * The largest vertical distance between this estimate and a fitted survival function over the observed range
     * ({@link #origin()} to {@link #last()}), the fit taken conditional on survival to the origin as the
     * estimate is. A step function against a decreasing curve is furthest apart just before or just after a step,
     * so only those points are compared.
     */
    public double maxGap(Parametric fit) {
        double gap = 0, before = 1, base = fit.logSurvival(origin);
        for (Step s : steps) {
            double f = Math.exp(fit.logSurvival(s.time()) - base);
            gap = Math.max(gap, Math.max(Math.abs(before - f), Math.abs(s.survival() - f)));
            before = s.survival();
        }
        // flat after the last event up to the end of follow-up, while the fit keeps falling
        return Math.max(gap, Math.abs(before - Math.exp(fit.logSurvival(last) - base)));
    }

    private Step stepAt(double t) {
        Step found = null;
        int lo = 0, hi = steps.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).time() <= t) {
                found = steps.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private double firstAtOrBelow(double level, java.util.function.ToDoubleFunction<Step> curve) {
        for (Step s : steps) {
            if (curve.applyAsDouble(s) <= level) return s.time();
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Number of sorted values strictly below {@code x}. */
    static int countBelow(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
