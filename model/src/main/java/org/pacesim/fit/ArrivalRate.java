package org.pacesim.fit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The rate at which children arrive from one source, from the arrival dates seen in an observation window
 * [from, asOf), as a Poisson rate per year (365.25 days) with Garwood's exact 95% interval:
 * [chi2(0.025; 2k) / 2, chi2(0.975; 2k + 2) / 2] / years, the lower end 0 when there are no arrivals.
 *
 * @param arrivals arrivals in the window
 * @param years    length of the window in years of 365.25 days
 * @param perYear  arrivals per year with its 95% interval
 */
public record ArrivalRate(int arrivals, double years, Estimate perYear) {
    /** Days in a year, for rates per year. */
    public static final double YEAR = 365.25;

    /** Years of data needed before monthly rates are considered. */
    public static final int SEASONAL_YEARS = 3;

    /** Significance level of the test for seasonality. */
    public static final double SEASONAL_LEVEL = 0.05;

    /**
     * Arrivals by calendar month.
     *
     * @param monthly the rate per year in each calendar month (January first) with its Garwood interval; empty unless
     *                the test found seasonality
     * @param pValue  the likelihood-ratio test's p-value, absent when the window is too short to test
     * @param verdict one sentence saying what was found and why, for the report
     */
    public record Seasonality(List<Estimate> monthly, OptionalDouble pValue, String verdict) {
        /** Copies the list. */
        public Seasonality {
            monthly = List.copyOf(monthly);
        }

        /** Whether monthly rates should replace the single rate. */
        public boolean seasonal() {
            return !monthly.isEmpty();
        }
    }

    /**
     * The rate from the arrival dates.
     *
     * @throws IllegalArgumentException when the window is empty or an arrival lies outside it
     */
    public static ArrivalRate of(List<LocalDate> arrivals, LocalDate from, LocalDate asOf) {
        checkWindow(arrivals, from, asOf);
        double years = ChronoUnit.DAYS.between(from, asOf) / YEAR;
        return new ArrivalRate(arrivals.size(), years, garwood(arrivals.size(), years));
    }

    /**
     * Tests for a calendar-month effect: a Poisson model with one rate per calendar month against one constant
     * rate, each month's exposure being the number of days of the window that fall in it (so a window that starts
     * in March counts its extra Marches). The likelihood-ratio statistic 2 sum c_m log(c_m / (e_m C / E)) is
     * compared with a chi-squared on 11 degrees of freedom. Only tried with at least {@value #SEASONAL_YEARS} years.
     *
     * @throws IllegalArgumentException when the window is empty or an arrival lies outside it
     */
    public static Seasonality seasonality(List<LocalDate> arrivals, LocalDate from, LocalDate asOf) {
        checkWindow(arrivals, from, asOf);
        if (from.plusYears(SEASONAL_YEARS).isAfter(asOf)) {
            return new Seasonality(List.of(), OptionalDouble.empty(), String.format(
                    "not tested: %.1f years of arrivals, %d needed for monthly rates",
                    ChronoUnit.DAYS.between(from, asOf) / YEAR, SEASONAL_YEARS));
        }
        double[] exposure = new double[12];
        for (LocalDate d = from; d.isBefore(asOf); d = d.plusDays(1)) exposure[d.getMonthValue() - 1]++;
        int[] count = new int[12];
        for (LocalDate a : arrivals) count[a.getMonthValue() - 1]++;
        double total = arrivals.size(), days = ChronoUnit.DAYS.between(from, asOf);
        double statistic = 0;
        for (int m = 0; m < 12; m++) {
            if (count[m] > 0) statistic += 2 * count[m] * Math.log(count[m] / (exposure[m] * total / days));
        }
        double p = total == 0 ? 1 : 1 - new ChiSquaredDistribution(null, 11).cumulativeProbability(Math.max(0, statistic));
        if (p >= SEASONAL_LEVEL) {
            return new Seasonality(List.of(), OptionalDouble.of(p), String.format(
                    "one rate all year: the months differ no more than chance would make them (likelihood-ratio p = %.3g)", p));
        }
        List<Estimate> monthly = new ArrayList<>();
        for (int m = 0; m < 12; m++) monthly.add(garwood(count[m], exposure[m] / YEAR));
        return new Seasonality(monthly, OptionalDouble.of(p), String.format(
                "a rate per calendar month: the months differ more than chance would make them (likelihood-ratio p = %.3g)", p));
    }

    /** Garwood's exact 95% interval for a Poisson rate from {@code k} events in {@code years}. */
    static Estimate garwood(int k, double years) {
        double lower = k == 0 ? 0 : new ChiSquaredDistribution(null, 2.0 * k).inverseCumulativeProbability(0.025) / 2;
        double upper = new ChiSquaredDistribution(null, 2.0 * k + 2).inverseCumulativeProbability(0.975) / 2;
        return new Estimate(k / years, lower / years, upper / years);
    }

    private static void checkWindow(List<LocalDate> arrivals, LocalDate from, LocalDate asOf) {
        if (!from.isBefore(asOf)) {
            throw new IllegalArgumentException("the observation window is empty: from " + from + " is not before " + asOf);
        }
        for (LocalDate a : arrivals) {
            if (a.isBefore(from) || !a.isBefore(asOf)) {
                throw new IllegalArgumentException("an arrival on " + a + " lies outside the window [" + from + ", " + asOf + ")");
            }
        }
    }
}
