package org.pacesim.fit;

import java.util.Arrays;

/**
 * One member of a {@link Family}: a duration distribution, in days. Build it with {@link Family#of(double...)};
 * fits return it as {@link DurationFit.Candidate#law()}.
 */
public final class Parametric {
    private final Family family;
    private final double[] working;

    /** From working-scale parameters (see {@link Family}). */
    Parametric(Family family, double[] working) {
        this.family = family;
        this.working = working.clone();
    }

    /** The family. */
    public Family family() {
        return family;
    }

    /** The parameters as stated in a scenario file, in the order of {@link Family#parameterNames()}. */
    public double[] parameters() {
        return family.stated(working);
    }

    /** The parameter called {@code name} (one of {@link Family#parameterNames()}). */
    public double parameter(String name) {
        int i = family.parameterNames().indexOf(name);
        if (i < 0) throw new IllegalArgumentException(family + " has no parameter '" + name + "': " + family.parameterNames());
        return parameters()[i];
    }

    /** A lognormal's log-scale location mu (the log of its median). */
    public double mu() {
        requireLognormal();
        return working[0];
    }

    /** A lognormal's log-scale spread sigma. */
    public double sigma() {
        requireLognormal();
        return Math.exp(working[1]);
    }

    /** The log density at {@code t > 0} days. */
    public double logDensity(double t) {
        return family.logDensity(working, t);
    }

    /** The log of the survival function, log P(T > t), at {@code t >= 0}. */
    public double logSurvival(double t) {
        return t <= 0 ? 0 : family.logSurvival(working, t);
    }

    /** The survival function P(T > t). */
    public double survival(double t) {
        return Math.exp(logSurvival(t));
    }

    /** The {@code p}-quantile, {@code 0 < p < 1}. */
    public double quantile(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("a quantile needs 0 < p < 1, got " + p);
        return family.quantile(working, p);
    }

    /** The median. */
    public double median() {
        return family.quantile(working, 0.5);
    }

    /** The mean. */
    public double mean() {
        return family.mean(working);
    }

    /** The working-scale parameters (a copy). */
    double[] working() {
        return working.clone();
    }

    private void requireLognormal() {
        if (family != Family.LOGNORMAL) throw new IllegalStateException("mu and sigma belong to a lognormal, not " + family);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parametric p && p.family == family && Arrays.equals(p.working, working);
    }

    @Override
    public int hashCode() {
        return family.hashCode() * 31 + Arrays.hashCode(working);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(family.name().toLowerCase()).append('(');
        double[] p = parameters();
        for (int i = 0; i < p.length; i++) {
            if (i > 0) s.append(", ");
            s.append(family.parameterNames().get(i)).append(' ').append(String.format("%.4g", p[i]));
        }
        return s.append(')').toString();
    }
}
