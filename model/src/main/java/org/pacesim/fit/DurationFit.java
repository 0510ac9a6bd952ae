package org.pacesim.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A stage's durations fitted by maximum likelihood to each {@link Family}, with right censoring and left
 * truncation (see {@link CensoredLikelihood} for the likelihood), the families ranked by AIC.
 *
 * <p>Intervals are Wald intervals on the log scale: the inverse observed information (numerical Hessian of
 * -log L at the maximum, on the working scale of {@link Family}) gives the variance of the log of each stated
 * parameter and of the median by the delta method, and the interval is exp(log estimate +/- 1.96 se). The
 * exponential is fitted in closed form (mean = time at risk / events, se of its log = 1/sqrt(events)).
 *
 * <p>Where fewer than {@link #MIN_EVENTS} events support the fit, {@link #thin()} is true: the caller should keep
 * the value it already has (the template's) and say so. A family the data cannot determine (too few distinct
 * event times, no maximum, singular information) is left out of {@link #candidates()} and listed in
 * {@link #notFitted()} with the reason; with no events at all nothing is fitted.
 *
 * @param n          spells
 * @param events     spells seen to end
 * @param censored   spells still open at the end of follow-up
 * @param truncated  spells observed only after they began (left-truncated)
 * @param candidates the fitted families, best (lowest AIC) first; empty when nothing could be fitted
 * @param notFitted  the families not fitted, with the reason
 */
public record DurationFit(int n, int events, int censored, int truncated, List<Candidate> candidates,
                          Map<Family, String> notFitted) {
    /** Fewer events than this and a fit is too thin to replace a template's value. */
    public static final int MIN_EVENTS = 20;

    /** Distinct event times needed before a two-parameter family is attempted. */
    static final int MIN_DISTINCT_FOR_TWO = 3;

    /**
     * One family's fit.
     *
     * @param law           the fitted distribution
     * @param parameters    each stated parameter with its 95% interval, in the order of {@link Family#parameterNames()}
     * @param median        the fitted median with its 95% interval
     * @param logLikelihood the maximised log-likelihood
     * @param aic           Akaike's criterion, 2 (parameters - log-likelihood)
     */
    public record Candidate(Parametric law, List<Estimate> parameters, Estimate median, double logLikelihood,
                            double aic) {
        /** The family. */
        public Family family() {
            return law.family();
        }

        /** The estimate of the stated parameter {@code name}. */
        public Estimate parameter(String name) {
            int i = family().parameterNames().indexOf(name);
            if (i < 0) throw new IllegalArgumentException(family() + " has no parameter '" + name + "'");
            return parameters.get(i);
        }
    }

    /** Copies the lists. */
    public DurationFit {
        candidates = List.copyOf(candidates);
        notFitted = Map.copyOf(notFitted);
    }

    /** Fits every family to the spells, with censoring and truncation taken into account. */
    public static DurationFit of(List<Spell> spells) {
        int events = 0, truncated = 0;
        List<Double> distinct = new ArrayList<>();
        for (Spell s : spells) {
            if (s.ended()) {
                events++;
                distinct.add(s.time());
            }
            if (s.truncated()) truncated++;
        }
        long distinctEvents = distinct.stream().distinct().count();
        Map<Family, String> notFitted = new EnumMap<>(Family.class);
        List<Candidate> candidates = new ArrayList<>();
        if (events == 0) {
            for (Family f : Family.values()) notFitted.put(f, "no spell was seen to end");
        } else {
            CensoredLikelihood likelihood = new CensoredLikelihood(spells);
            candidates.add(exponential(likelihood));
            for (Family f : List.of(Family.LOGNORMAL, Family.GAMMA, Family.WEIBULL)) {
                if (distinctEvents < MIN_DISTINCT_FOR_TWO) {
                    notFitted.put(f, "needs at least " + MIN_DISTINCT_FOR_TWO + " distinct event times, has " + distinctEvents);
                    continue;
                }
                try {
                    candidates.add(twoParameter(likelihood, f));
                } catch (RuntimeException e) {
                    notFitted.put(f, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::aic));
        return new DurationFit(spells.size(), events, spells.size() - events, truncated, candidates, notFitted);
    }

    /**
     * The naive fit that ignores censoring and truncation: only the finished spells, as if each had been observed
     * from its start. It is biased towards short durations when many spells are still open; it is here to show
     * by how much, never to be used.
     */
    public static DurationFit finishedOnly(List<Spell> spells) {
        return of(spells.stream().filter(Spell::ended).map(s -> Spell.ended(s.time())).toList());
    }

    /** Whether too few events support the fit to replace a template's value. */
    public boolean thin() {
        return events < MIN_EVENTS;
    }

    /** The family with the lowest AIC, if any could be fitted. */
    public Optional<Candidate> best() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /** The family with the second-lowest AIC, if two could be fitted. */
    public Optional<Candidate> runnerUp() {
        return candidates.size() < 2 ? Optional.empty() : Optional.of(candidates.get(1));
    }

    /** How much higher the runner-up's AIC is than the best one's (0 when there is no runner-up). */
    public double aicGap() {
        return candidates.size() < 2 ? 0 : candidates.get(1).aic() - candidates.get(0).aic();
    }

    /** The fit of one family, if it could be fitted. */
    public Optional<Candidate> of(Family family) {
        return candidates.stream().filter(c -> c.family() == family).findFirst();
    }

    private static Candidate exponential(CensoredLikelihood likelihood) {
        double[] stats = likelihood.exposureAndEvents();
        double mean = stats[0] / stats[1];
        double se = 1 / Math.sqrt(stats[1]);
        double[] w = {Math.log(mean)};
        double logL = likelihood.logL(Family.EXPONENTIAL, w);
        Estimate m = Estimate.logNormal(mean, se);
        // the median is mean * ln 2, so its log has the same standard error
        Estimate median = Estimate.logNormal(mean * Math.log(2), se);
        return new Candidate(new Parametric(Family.EXPONENTIAL, w), List.of(m), median, logL, 2 * (1 - logL));
    }

    private static Candidate twoParameter(CensoredLikelihood likelihood, Family f) {
        CensoredLikelihood.Maximum max = likelihood.maximise(f);
        double[] w = max.working();
        List<Estimate> parameters = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            int k = i;
            parameters.add(deltaLog(p -> f.stated(p)[k], w, max.covariance()));
        }
        Estimate median = deltaLog(p -> f.quantile(p, 0.5), w, max.covariance());
        return new Candidate(new Parametric(f, w), parameters, median, max.logL(), 2 * (f.size() - max.logL()));
    }

    /**
     * A positive function of the working parameters with a Wald interval on its log scale: the gradient of its log
     * (central differences) against the covariance gives the variance of the log.
     */
    static Estimate deltaLog(ToDoubleFunction<double[]> g, double[] w, double[][] covariance) {
        int k = w.length;
        double[] grad = new double[k];
        double h = 1e-5;
        for (int i = 0; i < k; i++) {
            double[] up = w.clone(), down = w.clone();
            up[i] += h;
            down[i] -= h;
            grad[i] = (Math.log(g.applyAsDouble(up)) - Math.log(g.applyAsDouble(down))) / (2 * h);
        }
        double var = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) var += grad[i] * covariance[i][j] * grad[j];
        }
        if (!(var >= 0) || Double.isInfinite(var)) throw new IllegalStateException("no finite variance for an estimate");
        return Estimate.logNormal(g.applyAsDouble(w), Math.sqrt(var));
    }
}
