package org.pacesim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A stream of children entering the system: Poisson at a rate, or at listed times (a fixed cohort, a test).
 *
 * @param name       the source's name
 * @param ratePerDay mean arrivals per day (for listed times: their number before the horizon over the horizon)
 * @param times      listed arrival times in days, sorted, or empty for a Poisson stream
 * @param fixed      attributes this source sets instead of drawing them (e.g. a pre-birth source sets
 *                   {@code age_band: under1})
 * @param routes     where arriving children go (same form as a stage's routes)
 * @param at         where it was declared
 * @param byMonth    multipliers of the rate per calendar month (12, January first), or null for none
 * @param trend      compound change of the rate per year from the start (0.03 = +3% a year), 0 for none
 * @param age        the age on arrival of this source's children, in days, instead of the age band's; null for the
 *                   band's (infants accommodated from hospital are days old, not anywhere in their first year)
 */
public record ArrivalSource(String name, double ratePerDay, double[] times, Map<String, String> fixed,
                            List<Route> routes, Location at, double[] byMonth, double trend, DistributionSpec age) {
    /** Keeps copies of the arrays, so that the source cannot change after it is made. */
    public ArrivalSource {
        times = times.clone();
        byMonth = byMonth == null ? null : byMonth.clone();
    }

    /** The listed arrival times (a copy). */
    @Override
    public double[] times() {
        return times.clone();
    }

    /** The multipliers by month (a copy), or null. */
    @Override
    public double[] byMonth() {
        return byMonth == null ? null : byMonth.clone();
    }

    /** The mean rate per day over [0, horizon) from the start date: the rate, for one that does not vary. */
    public double meanRatePerDay(java.time.LocalDate start, double horizon) {
        if (!varies() || start == null) return ratePerDay;
        double sum = 0;
        int days = (int) Math.ceil(horizon);
        for (int d = 0; d < days; d++) {
            double m = byMonth == null ? 1 : byMonth[start.plusDays(d).getMonthValue() - 1];
            sum += m * Math.pow(1 + trend, (d + 0.5) / Durations.YEAR);
        }
        return ratePerDay * sum / Math.max(days, 1);
    }

    /** Whether the rate varies over time (by month or by year). */
    public boolean varies() {
        return byMonth != null || trend != 0;
    }

    /** Whether arrivals are at listed times rather than Poisson. */
    public boolean scheduled() {
        return times.length > 0;
    }
}
