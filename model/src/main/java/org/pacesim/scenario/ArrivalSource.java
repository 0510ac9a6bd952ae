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
 */
public record ArrivalSource(String name, double ratePerDay, double[] times, Map<String, String> fixed,
                            List<Route> routes, Location at) {
    /** Whether arrivals are at listed times rather than Poisson. */
    public boolean scheduled() {
        return times.length > 0;
    }
}
