/**
 * Fitting a scenario to records. The estimators listed below know nothing of files, dates of individual children
 * or scenarios (a rule that {@code ArchitectureTest} checks); they work on spells in days. Every interval is a 95%
 * interval ({@link org.pacesim.fit.Estimate}); results are immutable, and nothing is shared between calls, so
 * stages can be fitted in parallel.
 *
 * <ul>
 *   <li>{@link org.pacesim.fit.Spell}: one child's time in a stage, ended or still open (right-censored), and how
 *       long it had already lasted when observation began (left truncation).</li>
 *   <li>{@link org.pacesim.fit.DurationFit#of(java.util.List)}: exponential, lognormal, gamma and Weibull fitted by
 *       maximum likelihood with censoring and truncation, ranked by AIC, with intervals for the parameters as a
 *       scenario file states them ({@link org.pacesim.fit.Family#parameterNames()}) and for the median;
 *       {@link org.pacesim.fit.DurationFit#thin()} when fewer than 20 events support it.
 *       {@link org.pacesim.fit.DurationFit#finishedOnly(java.util.List)} is the biased fit to finished spells
 *       alone, for showing why censoring matters.</li>
 *   <li>{@link org.pacesim.fit.KaplanMeier#of(java.util.List)}: the product-limit curve with its Greenwood band,
 *       the median with its interval, and {@link org.pacesim.fit.KaplanMeier#maxGap(org.pacesim.fit.Parametric)}
 *       against a fit.</li>
 *   <li>{@link org.pacesim.fit.CompetingRisks#of(java.util.List)}: where a stage's spells go, as each route's
 *       cumulative incidence (Aalen-Johansen) and its share at the end of follow-up.</li>
 *   <li>{@link org.pacesim.fit.ArrivalRate}: arrivals per year from one source with an exact interval, and
 *       {@link org.pacesim.fit.ArrivalRate#seasonality} for monthly rates when three years of data support them.</li>
 * </ul>
 *
 * <p>A typical stage: {@code DurationFit fit = DurationFit.of(spells);} then, unless {@code fit.thin()},
 * {@code fit.best().get()} gives the chosen family's {@code law()} (write its {@code parameters()} under its
 * {@code family().parameterNames()}), {@code parameters()} and {@code median()} with intervals, and
 * {@code fit.runnerUp()} and {@code fit.aicGap()} for the report; {@code KaplanMeier.of(spells).maxGap(law)}
 * says how far the chosen curve strays from the data.
 */
package org.pacesim.fit;
