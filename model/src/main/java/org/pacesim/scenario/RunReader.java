package org.pacesim.scenario;

import java.time.LocalDate;

/** Reads {@code run: {horizon: 10y, warmup: 3y, follow_up: 20y, replications: 100, seed: 1, start: 2026-04-01}}. */
final class RunReader {
    private final Problems problems;

    RunReader(Problems problems) {
        this.problems = problems;
    }

    /** The run settings; placeholders after reporting a missing {@code run:}. */
    RunSettings read(Fields root) {
        if (!root.has("run")) {
            root.missing("run", "add e.g. run: {horizon: 10y, warmup: 3y, replications: 100, seed: 1}");
            return new RunSettings(1, 0, 0, 1, 1, RunSettings.DEFAULT_QUEUE_LIMIT, null);
        }
        Fields f = new Fields(root.node("run"), "run", problems);
        f.allow("horizon", "warmup", "follow_up", "replications", "seed", "queue_limit", "start");
        double horizon = f.has("horizon") ? f.duration("horizon", 1, true) : Double.NaN;
        if (!f.has("horizon")) f.missing("horizon", "how long children keep arriving, e.g. horizon: 10y");
        double warmup = f.duration("warmup", 0, false);
        if (horizon > 0 && warmup >= horizon) {
            f.bad("warmup", "the warm-up (" + Durations.format(warmup) + ") must end before the horizon ("
                    + Durations.format(horizon) + ")", "shorten the warm-up or lengthen the horizon");
        }
        if (horizon > 1000 * Durations.YEAR) {
            f.bad("horizon", "a horizon over 1000 years is not a planning question", "use a horizon of years, e.g. 10y");
        }
        double followUp = f.duration("follow_up", RunSettings.DEFAULT_FOLLOW_UP, false);
        int reps = (int) f.whole("replications", RunSettings.DEFAULT_REPLICATIONS, 1, RunSettings.MAX_REPLICATIONS,
                "a whole number of replications from 1 to " + RunSettings.MAX_REPLICATIONS + ", e.g. 100");
        long seed = f.whole("seed", 1, 1, RunSettings.MAX_SEED, RunSettings.SEED_HELP);
        int limit = (int) f.whole("queue_limit", RunSettings.DEFAULT_QUEUE_LIMIT, 10, 50_000_000,
                "a whole number of children, e.g. 100000");
        LocalDate start = f.has("start") ? Values.date(f.node("start"), "run.start", problems) : null;
        return new RunSettings(horizon, warmup, followUp, reps, seed, limit, start);
    }
}
