package org.pacesim.scenario;

import java.util.List;
import java.util.Map;

/**
 * A Poisson stream of children entering the system.
 *
 * @param name       the source's name
 * @param ratePerDay mean arrivals per day
 * @param fixed      attributes this source sets instead of drawing them (e.g. a pre-birth source sets
 *                   {@code age_band: under1})
 * @param routes     where arriving children go (same form as a stage's routes)
 * @param at         where it was declared
 */
public record ArrivalSource(String name, double ratePerDay, Map<String, String> fixed, List<Route> routes,
                            Location at) {}
