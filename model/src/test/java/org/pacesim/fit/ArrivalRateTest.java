package org.pacesim.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/** Arrival rates with exact Poisson intervals, and the test for a calendar-month effect. */
class ArrivalRateTest {
    private static final LocalDate FROM = LocalDate.of(2020, 4, 1);

    @Test
    void garwoodIntervalsMatchPublishedValues() {
        // exact 95% limits for a Poisson count (Garwood 1936), as tabulated e.g. in Ulm (1990)
        assertInterval(ArrivalRate.garwood(0, 1), 0, 0, 3.689);
        assertInterval(ArrivalRate.garwood(1, 1), 1, 0.0253, 5.572);
        assertInterval(ArrivalRate.garwood(3, 1), 3, 0.619, 8.767);
        assertInterval(ArrivalRate.garwood(10, 2), 5, 4.795 / 2, 18.39 / 2);
    }

    @Test
    void theIntervalCoversAKnownRateInAtLeastNinetyPercentOfFiftySeeds() {
        int covered = 0;
        LocalDate asOf = FROM.plusYears(2);
        for (int seed = 0; seed < 50; seed++) {
            ArrivalRate r = ArrivalRate.of(arrivals(d -> 40, asOf, seed), FROM, asOf);
            assertEquals(730 / ArrivalRate.YEAR, r.years(), 1e-12);
            if (r.perYear().covers(40)) covered++;
        }
        assertTrue(covered >= 45, covered + " of 50");
    }

    @Test
    void aStronglySeasonalSeriesGetsMonthlyRates() {
        LocalDate asOf = FROM.plusYears(4);
        // twice as many arrivals at the peak of the year as at the trough
        List<LocalDate> seasonal = arrivals(d -> 150 * (1 + Math.cos(2 * Math.PI * d / ArrivalRate.YEAR) / 3), asOf, 1);
        ArrivalRate.Seasonality s = ArrivalRate.seasonality(seasonal, FROM, asOf);
        assertTrue(s.seasonal(), s.verdict());
        assertEquals(12, s.monthly().size());
        assertTrue(s.pValue().getAsDouble() < ArrivalRate.SEASONAL_LEVEL);
        // April (the series' peak, day 0) above October (its trough)
        assertTrue(s.monthly().get(3).lower() > s.monthly().get(9).upper(), s.monthly().toString());
    }

    @Test
    void aFlatSeriesKeepsOneRate() {
        LocalDate asOf = FROM.plusYears(4).plusMonths(5); // uneven months of exposure must not look seasonal
        ArrivalRate.Seasonality s = ArrivalRate.seasonality(arrivals(d -> 150, asOf, 2), FROM, asOf);
        assertFalse(s.seasonal(), s.verdict());
        assertTrue(s.pValue().getAsDouble() >= ArrivalRate.SEASONAL_LEVEL);
    }

    @Test
    void lessThanThreeYearsIsNotTested() {
        LocalDate asOf = FROM.plusYears(3).minusDays(1);
        ArrivalRate.Seasonality s = ArrivalRate.seasonality(arrivals(d -> 150, asOf, 3), FROM, asOf);
        assertFalse(s.seasonal());
        assertTrue(s.pValue().isEmpty());
        assertTrue(s.verdict().contains("3 needed"), s.verdict());
    }

    @Test
    void noArrivalsGiveRateZeroWithAnUpperBound() {
        ArrivalRate r = ArrivalRate.of(List.of(), FROM, FROM.plusYears(1));
        assertEquals(0, r.arrivals());
        assertEquals(0, r.perYear().value());
        assertTrue(r.perYear().upper() > 3.6 && Double.isFinite(r.perYear().upper()));
        assertFalse(ArrivalRate.seasonality(List.of(), FROM, FROM.plusYears(5)).seasonal());
    }

    @Test
    void anArrivalOutsideTheWindowOrAnEmptyWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ArrivalRate.of(List.of(FROM.minusDays(1)), FROM, FROM.plusYears(1)));
        assertThrows(IllegalArgumentException.class, () -> ArrivalRate.of(List.of(FROM.plusYears(1)), FROM, FROM.plusYears(1)));
        assertThrows(IllegalArgumentException.class, () -> ArrivalRate.of(List.of(), FROM, FROM));
    }

    /** Poisson arrivals day by day at {@code perYear(day)} per year. */
    private static List<LocalDate> arrivals(DoubleUnaryOperator perYear, LocalDate asOf, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LocalDate> out = new ArrayList<>();
        int day = 0;
        for (LocalDate d = FROM; d.isBefore(asOf); d = d.plusDays(1), day++) {
            double mean = perYear.applyAsDouble(day) / ArrivalRate.YEAR;
            // Poisson by inversion: count uniforms until their product falls below exp(-mean)
            double limit = Math.exp(-mean), product = random.nextDouble();
            while (product > limit) {
                out.add(d);
                product *= random.nextDouble();
            }
        }
        return out;
    }

    private static void assertInterval(Estimate e, double value, double lower, double upper) {
        assertEquals(value, e.value(), 1e-12);
        assertEquals(lower, e.lower(), 5e-4);
        assertEquals(upper, e.upper(), upper * 1e-3);
    }
}
