package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.Prcc;
import org.pacesim.stats.Summary;

/**
 * What an uncertainty analysis says, over the points whose figures stand (flagged points left out): each
 * intervention's effect across the points beside its simulation-only interval, how likely it is to help by at least
 * a stated amount, how often it ranks first, and which assumed values its effect (and the baseline's own level)
 * hangs on, by partial rank correlation ({@link Prcc}).
 */
public final class UncertaintySummary {
    private UncertaintySummary() {}

    /**
     * An intervention's effect on one figure.
     *
     * @param scenario the intervention
     * @param outcome  index into the results' outcomes
     * @param median   median over the points of the mean paired difference
     * @param low      5th percentile over the points
     * @param high     95th percentile over the points
     * @param nominal  the difference with the values as written (simulation noise only), with its 95% CI
     * @param points   points summarised
     */
    public record Effect(int scenario, int outcome, double median, double low, double high, Summary.Estimate nominal,
                         int points) {}

    /**
     * How an intervention fares on the main figure.
     *
     * @param effect       its effect
     * @param benefitShare share of the points where it helps by at least the benefit asked
     * @param firstShare   share of the points where it helps most of all the interventions
     */
    public record Verdict(Effect effect, double benefitShare, double firstShare) {}

    /**
     * One value's importance for one figure of one scenario.
     *
     * @param scenario  index of the scenario (0: the baseline's own level; else the intervention's effect)
     * @param outcome   index into the outcomes
     * @param parameter index into the design's varied values
     * @param prcc      its partial rank correlation with 95% CI
     */
    public record Importance(int scenario, int outcome, int parameter, Prcc.Coefficient prcc) {}

    /** The design's points whose figures stand. */
    public static List<Uncertainty.Point> included(Uncertainty.Results r) {
        return r.points().stream().filter(p -> !p.flagged()).toList();
    }

    /** The effect of intervention {@code s} on figure {@code o}. */
    public static Effect effect(Uncertainty.Results r, int s, int o) {
        double[] d = differences(r, s, o);
        Comparison.Difference nominal = r.difference(r.nominal(), s, o);
        return new Effect(s, o, percentile(d, 50), percentile(d, 5), percentile(d, 95), nominal.difference(), d.length);
    }

    /**
     * How each intervention fares on the main figure.
     *
     * @param benefit the least improvement that counts (days, or a share), in the direction that is better
     */
    public static List<Verdict> verdicts(Uncertainty.Results r, double benefit) {
        List<Uncertainty.Point> points = included(r);
        int[] first = new int[r.scenarios().size()];
        for (Uncertainty.Point p : points) {
            int best = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int s = 1; s < r.scenarios().size(); s++) {
                double gain = gain(r, r.difference(p, s, r.main()).difference().mean());
                if (gain > bestGain) {
                    bestGain = gain;
                    best = s;
                }
            }
            if (best > 0) first[best]++;
        }
        List<Verdict> out = new ArrayList<>();
        for (int s = 1; s < r.scenarios().size(); s++) {
            double[] d = differences(r, s, r.main());
            long helped = Arrays.stream(d).filter(x -> gain(r, x) >= benefit).count();
            out.add(new Verdict(effect(r, s, r.main()), d.length == 0 ? Double.NaN : (double) helped / d.length,
                    points.isEmpty() ? Double.NaN : (double) first[s] / points.size()));
        }
        return out;
    }

    /** The improvement a difference means: a shorter time, a larger share. */
    private static double gain(Uncertainty.Results r, double difference) {
        return r.outcomes().get(r.main()).statistic().isDuration() ? -difference : difference;
    }

    /**
     * The importance of every varied value for every figure: the baseline's own level (scenario 0) and each
     * intervention's effect.
     */
    public static List<Importance> importance(Uncertainty.Results r) {
        List<Uncertainty.Point> points = included(r);
        double[][] all = r.design().values();
        double[][] x = points.stream().map(p -> all[p.index() - 1]).toArray(double[][]::new);
        List<Importance> out = new ArrayList<>();
        for (int s = 0; s < r.scenarios().size(); s++) {
            for (int o = 0; o < r.outcomes().size(); o++) {
                double[] y = s == 0 ? levels(r, points, o) : differences(r, s, o);
                Prcc.Coefficient[] c = points.isEmpty() || Arrays.stream(y).anyMatch(Double::isNaN)
                        ? nan(all.length == 0 ? 0 : r.design().varied().size()) : Prcc.of(x, y);
                for (int j = 0; j < c.length; j++) out.add(new Importance(s, o, j, c[j]));
            }
        }
        return out;
    }

    /** The baseline's mean of figure {@code o} at each point. */
    private static double[] levels(Uncertainty.Results r, List<Uncertainty.Point> points, int o) {
        return points.stream().mapToDouble(p -> Summary.estimate(p.values()[0][o]).mean()).toArray();
    }

    /** The mean paired difference of intervention {@code s} at each included point. */
    public static double[] differences(Uncertainty.Results r, int s, int o) {
        return included(r).stream().mapToDouble(p -> r.difference(p, s, o).difference().mean()).toArray();
    }

    private static Prcc.Coefficient[] nan(int k) {
        Prcc.Coefficient[] c = new Prcc.Coefficient[k];
        Arrays.fill(c, new Prcc.Coefficient(Double.NaN, Double.NaN, Double.NaN));
        return c;
    }

    private static double percentile(double[] d, double p) {
        double[] ok = Arrays.stream(d).filter(x -> !Double.isNaN(x)).toArray();
        return ok.length == 0 ? Double.NaN : new Percentile(p).withEstimationType(Percentile.EstimationType.R_7).evaluate(ok);
    }
}
