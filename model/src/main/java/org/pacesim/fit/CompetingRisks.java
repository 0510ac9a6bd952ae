package org.pacesim.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Where a stage's spells go, as competing risks: the Aalen-Johansen estimate of each cause's cumulative incidence
 * F_k(t) = sum over event times t_j &le; t of S(t_j-) d_kj / n_j, with S the all-causes Kaplan-Meier estimate and the
 * risk set n_j as in {@link KaplanMeier} (left truncation allowed). A cause's <em>share</em> is its cumulative
 * incidence at the end of follow-up (the last event time). Unlike the shares of finished cases, this is not pulled
 * towards the causes that end spells early, which are the ones finished by the time the records stop.
 *
 * <p>Variance: the delta method, treating the hazard increments (d_1j/n_j, ..., d_Kj/n_j) at each event time as
 * multinomial and independent across times, which gives
 * <pre>
 *   Var F_k(t) = sum over t_j &le; t of ( [F_k(t) - F_k(t_j)]^2 d_j / (n_j (n_j - d_j))
 *                                + S(t_j-)^2 d_kj (n_j - d_kj) / n_j^3
 *                                - 2 [F_k(t) - F_k(t_j)] S(t_j-) d_kj / n_j^2 )
 * </pre>
 * and reduces to Greenwood's formula when there is one cause. The 95% interval is computed on the
 * log(-log(1 - F)) scale, as {@link KaplanMeier}'s band is for S, so it stays inside [0, 1] and with a single cause
 * is exactly 1 minus that band. Where that interval would have no width (F is 0 or 1) the exact binomial interval
 * is given instead (see {@link #interval}).
 *
 * <p>Where routes depend on an attribute, estimate once per attribute value.
 *
 * @param <C>    the type naming a cause (a route, a milestone)
 * @param causes each cause seen to end a spell, in order of its first event
 * @param curves each cause's cumulative incidence with its interval just after each event time (of any cause)
 * @param open   the share still in the stage at the end of follow-up (all-causes Kaplan-Meier), with its interval
 * @param n      spells
 */
public record CompetingRisks<C>(List<C> causes, Map<C, List<Point>> curves, Estimate open, int n) {
    /**
     * One spell and what ended it.
     *
     * @param <C>   the type naming a cause
     * @param spell the spell
     * @param cause what ended it: required when the spell ended, null when it is still open
     */
    public record Case<C>(Spell spell, C cause) {
        /** Checks that a cause is given exactly when the spell ended. */
        public Case {
            Objects.requireNonNull(spell, "spell");
            if (spell.ended() != (cause != null)) {
                throw new IllegalArgumentException(spell.ended() ? "an ended spell needs a cause" : "an open spell has no cause");
            }
        }
    }

    /**
     * A cause's cumulative incidence just after an event time.
     *
     * @param time       the event time, days
     * @param atRisk     spells at risk just before it
     * @param incidence  F_k(time) with its 95% interval
     */
    public record Point(double time, int atRisk, Estimate incidence) {}

    /** Copies the collections. */
    public CompetingRisks {
        causes = List.copyOf(causes);
        Map<C, List<Point>> copy = new LinkedHashMap<>();
        curves.forEach((c, p) -> copy.put(c, List.copyOf(p)));
        curves = java.util.Collections.unmodifiableMap(copy);
    }

    /** The estimate from the cases (no events: no causes, everything still open). */
    public static <C> CompetingRisks<C> of(List<Case<C>> cases) {
        List<Case<C>> events = new ArrayList<>();
        double[] times = new double[cases.size()], entries = new double[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            Spell s = cases.get(i).spell();
            times[i] = s.time();
            entries[i] = s.entered();
            if (s.ended()) events.add(cases.get(i));
        }
        Arrays.sort(times);
        Arrays.sort(entries);
        events.sort(Comparator.comparingDouble(c -> c.spell().time()));
        List<C> causes = new ArrayList<>();
        for (Case<C> e : events) {
            if (!causes.contains(e.cause())) causes.add(e.cause());
        }
        int k = causes.size();
        Map<C, List<Point>> curves = new LinkedHashMap<>();
        for (C c : causes) curves.put(c, new ArrayList<>());
        // running sums for the variance, expanded in F_k(t) so each time costs O(causes)
        double[] f = new double[k], sa = new double[k], sfa = new double[k], sffa = new double[k];
        double[] sb = new double[k], sc = new double[k], sfc = new double[k];
        double survival = 1, greenwood = 0;
        for (int i = 0; i < events.size(); ) {
            double t = events.get(i).spell().time();
            int[] d = new int[k];
            int all = 0;
            while (i < events.size() && events.get(i).spell().time() == t) {
                d[causes.indexOf(events.get(i).cause())]++;
                all++;
                i++;
            }
            int atRisk = KaplanMeier.countBelow(entries, t) - KaplanMeier.countBelow(times, t);
            double n = atRisk;
            // the d_j / (n_j (n_j - d_j)) term is skipped where everyone at risk ends: F is then final, so its
            // coefficient F(t) - F(t_j) is zero at every later t
            double a = all < atRisk ? all / (n * (n - all)) : 0;
            for (int c = 0; c < k; c++) {
                double jump = survival * d[c] / n;
                f[c] += jump;
                sa[c] += a;
                sfa[c] += f[c] * a;
                sffa[c] += f[c] * f[c] * a;
                sb[c] += survival * survival * d[c] * (n - d[c]) / (n * n * n);
                sc[c] += survival * d[c] / (n * n);
                sfc[c] += f[c] * survival * d[c] / (n * n);
            }
            survival *= 1 - all / n;
            if (all < atRisk) greenwood += a;
            for (int c = 0; c < k; c++) {
                double var = f[c] * f[c] * sa[c] - 2 * f[c] * sfa[c] + sffa[c] + sb[c] - 2 * (f[c] * sc[c] - sfc[c]);
                curves.get(causes.get(c)).add(new Point(t, atRisk, interval(f[c], var, cases.size())));
            }
        }
        Estimate open = complement(interval(1 - survival, survival * survival * greenwood, cases.size()));
        return new CompetingRisks<>(causes, curves, open, cases.size());
    }

    /** Each cause's share at the end of follow-up: its cumulative incidence at the last event time. */
    public Map<C, Estimate> shares() {
        Map<C, Estimate> shares = new LinkedHashMap<>();
        curves.forEach((c, points) -> shares.put(c, points.get(points.size() - 1).incidence()));
        return shares;
    }

    /** A cause's cumulative incidence at {@code t} (0 before its first event or for a cause never seen). */
    public double incidence(C cause, double t) {
        double value = 0;
        for (Point p : curves.getOrDefault(cause, List.of())) {
            if (p.time() > t) break;
            value = p.incidence().value();
        }
        return value;
    }

    /**
     * A cumulative incidence with its 95% interval on the log(-log(1 - F)) scale. Where the delta method gives the
     * interval no width (F is 0 or 1: no spell ended this way, or every one did) the data still leave room for
     * doubt, so the interval is then Clopper and Pearson's exact binomial one for F n of the n spells.
     */
    static Estimate interval(double f, double variance, int n) {
        double g = 1 - f;
        if (g <= 0 || g >= 1 || !(variance > 0)) {
            if (n == 0) return new Estimate(f, 0, 1);
            // the beta quantiles directly: Commons Math's ClopperPearsonInterval fails at 0 or n successes
            int x = (int) Math.round(f * n);
            double lower = x == 0 ? 0 : new BetaDistribution(null, x, n - x + 1.0).inverseCumulativeProbability(0.025);
            double upper = x == n ? 1 : new BetaDistribution(null, x + 1.0, n - x).inverseCumulativeProbability(0.975);
            return new Estimate(f, Math.min(f, lower), Math.max(f, upper));
        }
        double se = Math.sqrt(variance) / (g * Math.abs(Math.log(g)));
        double gLow = Math.pow(g, Math.exp(Estimate.Z95 * se));
        double gHigh = Math.pow(g, Math.exp(-Estimate.Z95 * se));
        return new Estimate(f, Math.min(f, 1 - gHigh), Math.max(f, 1 - gLow));
    }

    private static Estimate complement(Estimate e) {
        return new Estimate(1 - e.value(), 1 - e.upper(), 1 - e.lower());
    }
}
