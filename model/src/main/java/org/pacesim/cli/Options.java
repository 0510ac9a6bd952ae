package org.pacesim.cli;

import java.nio.file.Path;

import org.pacesim.experiment.Experiment;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.MeasureStat;
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
                                                               MeasureStat mainStatistic) {
        Integer reps = null;
        double target = Double.NaN;
        if (replications != null && replications.equals("auto")) {
            boolean share = !mainStatistic.isDuration();
            target = share ? parseNumber(precision) : org.pacesim.scenario.Durations.parseDuration(precision);
            if (!share && target > 0 && org.pacesim.scenario.Durations.isBare(precision)) {
                throw new InvalidInputException(Location.of("command line"), "--precision", "'" + precision.trim()
                        + "' has no unit", "write " + precision.trim() + "d or " + precision.trim() + "w");
            }
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

    /** A date on the command line ({@code --as-of}, {@code --from}): ISO or day first; null when not given. */
    static java.time.LocalDate date(String option, String text) {
        if (text == null) return null;
        try {
            return org.pacesim.calendar.Dates.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Location.of("command line"), option, e.getMessage(),
                    org.pacesim.calendar.Dates.FORMS);
        }
    }

    /**
     * A day of a run on the command line: a date (counted from {@code start}) or a time since day 0 (e.g. 8y).
     *
     * @return days since day 0
     */
    static double day(String option, String text, java.time.LocalDate start) {
        double d = org.pacesim.scenario.Durations.parseDuration(text);
        if (Double.isNaN(d)) {
            try {
                d = org.pacesim.calendar.Dates.parse(text).toEpochDay() - start.toEpochDay();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Location.of("command line"), option, "'" + text + "' is neither a "
                        + "date nor a time since the start", "e.g. " + option + " 8y, or a date: "
                        + org.pacesim.calendar.Dates.FORMS);
            }
        }
        if (!(d >= 0)) {
            throw new InvalidInputException(Location.of("command line"), option, "'" + text + "' is before the start"
                    + " of the run (" + start + ")", "give a day within the run, e.g. " + option + " 8y");
        }
        return d;
    }

    private static double parseNumber(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * What a command prints once its results folder is in place: with {@code -q} only the folder (for scripts),
     * otherwise its summary and then where the results are.
     */
    static void announce(java.io.PrintWriter o, boolean quiet, Path written,
                         java.util.function.Consumer<java.io.PrintWriter> summary) {
        if (quiet) {
            o.println(written);
            return;
        }
        summary.accept(o);
        o.println("Results written to " + written);
    }

    /** The command as typed: {@code pace} and its arguments, as run.json and a shard's manifest record it. */
    static java.util.List<String> commandLine(picocli.CommandLine.Model.CommandSpec spec) {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("pace"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        return command;
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n.endsWith(".yml") ? n.substring(0, n.length() - 4) : n;
    }
}
