package org.pacesim.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Aalen-Johansen cumulative incidence against hand calculations and known cause probabilities. */
class CompetingRisksTest {
    enum Route { ADOPTION, HOME }

    @Test
    void matchesAHandCalculation() {
        // adoption at 2 and 5, home at 3 and 6, one open at 3
        CompetingRisks<Route> cr = CompetingRisks.of(List.of(ended(2, Route.ADOPTION), ended(3, Route.HOME),
                open(3), ended(5, Route.ADOPTION), ended(6, Route.HOME)));
        assertEquals(List.of(Route.ADOPTION, Route.HOME), cr.causes());
        // S(t-) x d/n: 1 x 1/5 at 2; 0.8 x 1/4 at 3; 0.6 x 1/2 at 5; 0.3 x 1/1 at 6
        assertEquals(0.2, cr.incidence(Route.ADOPTION, 4), 1e-15);
        assertEquals(0.2, cr.incidence(Route.HOME, 4), 1e-15);
        assertEquals(0.5, cr.shares().get(Route.ADOPTION).value(), 1e-15);
        assertEquals(0.5, cr.shares().get(Route.HOME).value(), 1e-15);
        assertEquals(0, cr.open().value(), 1e-15);
        assertEquals(List.of(5, 4, 2, 1), cr.curves().get(Route.HOME).stream().map(CompetingRisks.Point::atRisk).toList());
    }

    @Test
    void theVarianceIsTheDeltaMethodSumTermByTerm() {
        List<CompetingRisks.Case<Route>> cases = List.of(ended(1, Route.HOME), ended(2, Route.ADOPTION),
                ended(2, Route.HOME), open(2), ended(4, Route.ADOPTION), open(5), ended(7, Route.HOME), open(9),
                new CompetingRisks.Case<>(new Spell(8, true, 3), Route.ADOPTION));
        CompetingRisks<Route> cr = CompetingRisks.of(cases);
        // recompute the variance of F_adoption at the end from the formula, summing the terms directly
        List<CompetingRisks.Point> home = cr.curves().get(Route.HOME), adoption = cr.curves().get(Route.ADOPTION);
        int[] dAdoption = {0, 1, 1, 0, 1}, dAll = {1, 2, 1, 1, 1};
        double fEnd = adoption.get(adoption.size() - 1).incidence().value(), var = 0, s = 1;
        for (int j = 0; j < home.size(); j++) {
            double n = home.get(j).atRisk(), fj = adoption.get(j).incidence().value();
            var += (fEnd - fj) * (fEnd - fj) * dAll[j] / (n * (n - dAll[j]))
                    + s * s * dAdoption[j] * (n - dAdoption[j]) / (n * n * n)
                    - 2 * (fEnd - fj) * s * dAdoption[j] / (n * n);
            s *= 1 - dAll[j] / n;
        }
        Estimate expected = CompetingRisks.interval(fEnd, var, cases.size()), share = cr.shares().get(Route.ADOPTION);
        assertTrue(expected.upper() > expected.lower());
        assertEquals(expected.lower(), share.lower(), 1e-12);
        assertEquals(expected.upper(), share.upper(), 1e-12);
    }

    @Test
    void withOneCauseItIsOneMinusKaplanMeierAndItsBand() {
        List<Spell> spells = Synthetic.spells(Family.WEIBULL.of(1.3, 100), 300, 250, 0.2, 4);
        List<CompetingRisks.Case<Route>> cases = spells.stream()
                .map(s -> new CompetingRisks.Case<>(s, s.ended() ? Route.HOME : null)).toList();
        KaplanMeier km = KaplanMeier.of(spells);
        List<CompetingRisks.Point> curve = CompetingRisks.of(cases).curves().get(Route.HOME);
        assertEquals(km.steps().size(), curve.size());
        for (int j = 0; j < curve.size(); j++) {
            KaplanMeier.Step step = km.steps().get(j);
            Estimate f = curve.get(j).incidence();
            assertEquals(1 - step.survival(), f.value(), 1e-12);
            if (step.survival() > 0) {
                assertEquals(1 - step.upper(), f.lower(), 1e-9);
                assertEquals(1 - step.lower(), f.upper(), 1e-9);
            }
        }
    }

    @Test
    void sharesCoverKnownCauseProbabilitiesWhereSharesOfFinishedCasesDoNot() {
        // 30% leave for adoption quickly (median 50 days), 70% go home slowly (median 200); 40% still open
        Parametric fast = Family.LOGNORMAL.of(50, 150), slow = Family.LOGNORMAL.of(200, 500);
        SplittableRandom random = new SplittableRandom(9);
        List<CompetingRisks.Case<Route>> cases = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            boolean adoption = random.nextDouble() < 0.3;
            double t = (adoption ? fast : slow).quantile(Synthetic.uniform(random));
            double followUp = random.nextDouble() * 1500;
            cases.add(t <= followUp ? ended(t, adoption ? Route.ADOPTION : Route.HOME) : open(followUp));
        }
        CompetingRisks<Route> cr = CompetingRisks.of(cases);
        Map<Route, Estimate> shares = cr.shares();
        List<CompetingRisks.Point> curve = cr.curves().get(Route.HOME);
        double end = curve.get(curve.size() - 1).time();
        assertTrue(shares.get(Route.ADOPTION).covers(0.3 * (1 - fast.survival(end))), shares.toString());
        assertTrue(shares.get(Route.HOME).covers(0.7 * (1 - slow.survival(end))), shares.toString());
        assertTrue(shares.get(Route.ADOPTION).value() + shares.get(Route.HOME).value() + cr.open().value() <= 1 + 1e-12);
        long finished = cases.stream().filter(c -> c.spell().ended()).count();
        double naive = cases.stream().filter(c -> c.cause() == Route.ADOPTION).count() / (double) finished;
        assertTrue(naive > shares.get(Route.ADOPTION).upper(), "finished-cases share " + naive + " vs " + shares);
    }

    @Test
    void noEventsNoCausesAndEverythingOpen() {
        CompetingRisks<Route> cr = CompetingRisks.of(List.of(open(3), open(8)));
        assertTrue(cr.causes().isEmpty());
        assertTrue(cr.shares().isEmpty());
        // nothing ended: still open for certain as far as these data go, but 2 spells leave room for doubt
        assertEquals(1, cr.open().value());
        assertEquals(Math.pow(0.025, 1.0 / 2), cr.open().lower(), 1e-9);
        assertEquals(0, cr.incidence(Route.HOME, 10));
        assertTrue(CompetingRisks.<Route>of(List.of()).shares().isEmpty());
    }

    @Test
    void whenEverySpellEndsOneWayTheShareHasAnExactBinomialInterval() {
        CompetingRisks<Route> cr = CompetingRisks.of(List.of(ended(1, Route.HOME), ended(4, Route.HOME),
                ended(4, Route.HOME), ended(9, Route.HOME), ended(12, Route.HOME)));
        Estimate share = cr.shares().get(Route.HOME);
        assertEquals(1, share.value());
        // Clopper-Pearson for 5 of 5: lower end 0.025^(1/5)
        assertEquals(Math.pow(0.025, 1.0 / 5), share.lower(), 1e-9);
        assertEquals(1, share.upper());
        assertEquals(0, cr.open().value());
        assertEquals(1 - Math.pow(0.025, 1.0 / 5), cr.open().upper(), 1e-9);
    }

    @Test
    void aCauseIsRequiredExactlyForEndedSpells() {
        assertThrows(IllegalArgumentException.class, () -> new CompetingRisks.Case<>(Spell.ended(3), null));
        assertThrows(IllegalArgumentException.class, () -> new CompetingRisks.Case<>(Spell.open(3), Route.HOME));
    }

    private static CompetingRisks.Case<Route> ended(double t, Route r) {
        return new CompetingRisks.Case<>(Spell.ended(t), r);
    }

    private static CompetingRisks.Case<Route> open(double t) {
        return new CompetingRisks.Case<>(Spell.open(t), null);
    }
}
