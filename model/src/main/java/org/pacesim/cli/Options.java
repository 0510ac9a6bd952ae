package org.pacesim.cli;

import java.nio.file.Path;

import org.pacesim.experiment.Experiment;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.RunSettings;
import org.pacesim.scenario.Scenario;

/** Command-line overrides shared by the commands that run scenarios. */
final class Options {
    private Options() {}

    /** Checks overrides and applies them to {@code s} (when not null). */
    static Scenario override(Scenario s, Integer replications, Long seed) {
        if (replications != null && (replications < 1 || replications > RunSettings.MAX_REPLICATIONS)) {
            throw new InvalidInputException(Location.of("command line"), "--replications", "must be from 1 to "
                    + RunSettings.MAX_REPLICATIONS + " (got " + replications + ")", "e.g. --replications 100");
        }
        if (seed != null && (seed < 1 || seed > RunSettings.MAX_SEED)) {
            throw new InvalidInputException(Location.of("command line"), "--seed", "must be from 1 to "
                    + RunSettings.MAX_SEED + " (got "
                    + seed + ")", "e.g. --seed 20130101");
        }
        return s == null ? null : s.withRun(s.run().with(replications, seed));
    }

    static int threads(Integer requested) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (requested == null) return cores;
        if (requested < 1 || requested > 1024) {
            throw new InvalidInputException(Location.of("command line"), "--threads", "must be from 1 to 1024 (got "
                    + requested + ")", "e.g. --threads " + cores);
        }
        return requested;
    }

    /** Experiment options from the command line (a replication count, or 'auto' with a precision). */
    static org.pacesim.experiment.Experiment.Options experiment(String replications, String precision, int max,
                                                               Long seed, Integer threads, boolean crnCheck,
                                                               String mainStatistic) {
        Integer reps = null;
        double target = Double.NaN;
        if (replications != null && replications.equals("auto")) {
            boolean share = mainStatistic.equals("within_target") || mainStatistic.equals("n")
                    || mainStatistic.equals("censored");
            target = share ? parseNumber(precision) : org.pacesim.scenario.Durations.parseDuration(precision);
            if (!(target > 0)) {
                throw new InvalidInputException(Location.of("command line"), "--precision", "'" + precision
                        + "' is not a positive " + (share ? "number" : "duration"), share ? "e.g. --precision 0.02"
                        : "e.g. --precision 1w");
            }
            if (max < Experiment.AUTO_START) {
                throw new InvalidInputException(Location.of("command line"), "--max-replications", "must be at least "
                        + Experiment.AUTO_START, "e.g. --max-replications 2000");
            }
        } else if (replications != null) {
            try {
                reps = Integer.parseInt(replications);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(Location.of("command line"), "--replications", "'" + replications
                        + "' is neither a number nor 'auto'", "e.g. --replications 200 or --replications auto");
            }
            override(null, reps, seed);
        }
        if (seed != null) override(null, null, seed);
        return new org.pacesim.experiment.Experiment.Options(threads(threads), reps, seed, target, max, crnCheck);
    }

    private static double parseNumber(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n.endsWith(".yml") ? n.substring(0, n.length() - 4) : n;
    }
}
