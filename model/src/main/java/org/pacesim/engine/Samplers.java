package org.pacesim.engine;

import java.util.function.DoubleUnaryOperator;

import org.pacesim.calendar.WorkingCalendar;
import org.pacesim.random.Distributions;
import org.pacesim.random.Residual;
import org.pacesim.random.Sampler;
import org.pacesim.scenario.DistributionSpec;

import umontreal.ssj.rng.RandomStream;

/**
 * The samplers of one replication: durations in calendar days, or in working days on the run's calendar, drawn
 * from the streams they are given.
 */
final class Samplers {
    private final CountingSimulator sim;
    private final WorkingCalendar calendar;

    /** @param calendar the run's working calendar, or null (then no duration is in working days) */
    Samplers(CountingSimulator sim, WorkingCalendar calendar) {
        this.sim = sim;
        this.calendar = calendar;
    }

    /**
     * A sampler of a duration; one in working days draws a number of working days and turns it into calendar
     * time from now, on the run's calendar.
     */
    Sampler duration(DistributionSpec spec, RandomStream stream, double scale) {
        if (!(spec instanceof DistributionSpec.WorkingDays w)) return Distributions.sampler(spec, stream, scale);
        Sampler days = Distributions.sampler(w.inner(), stream, scale);
        WorkingCalendar cal = calendar;
        return () -> {
            double now = sim.time();
            return cal.addWorkingDays(now, days.sample()) - now;
        };
    }

    /** The remaining time, from day 0, of a duration already under way for {@code elapsed} days. */
    DoubleUnaryOperator residual(DistributionSpec spec, RandomStream stream, double scale) {
        if (!(spec instanceof DistributionSpec.WorkingDays w)) return new Residual(spec, stream, scale)::remaining;
        Residual r = new Residual(w.inner(), stream, scale);
        WorkingCalendar cal = calendar;
        return elapsed -> cal.addWorkingDays(0, r.remaining(cal.workingDaysBetween(-elapsed, 0)));
    }

    /** The {@code after:} delays of a routing, per group and route (null where a route has none). */
    Sampler[][] after(Model.Routing routing, RandomStream stream) {
        Sampler[][] out = new Sampler[routing.groups().length][];
        for (int g = 0; g < out.length; g++) {
            DistributionSpec[] after = routing.groups()[g].after();
            out[g] = new Sampler[after.length];
            for (int k = 0; k < after.length; k++) {
                if (after[k] != null) out[g][k] = duration(after[k], stream, 1.0);
            }
        }
        return out;
    }
}
