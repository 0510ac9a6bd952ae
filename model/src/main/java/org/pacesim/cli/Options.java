package org.pacesim.cli;

import java.nio.file.Path;

import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.RunSettings;
import org.pacesim.scenario.Scenario;

/** Command-line overrides shared by the commands that run scenarios. */
final class Options {
    private Options() {}

    static Scenario override(Scenario s, Integer replications, Long seed) {
        if (replications != null && (replications < 1 || replications > RunSettings.MAX_REPLICATIONS)) {
            throw new InvalidInputException(Location.of("command line"), "--replications", "must be from 1 to "
                    + RunSettings.MAX_REPLICATIONS + " (got " + replications + ")", "e.g. --replications 100");
        }
        if (seed != null && (seed < 1 || seed > 4294967086L)) {
            throw new InvalidInputException(Location.of("command line"), "--seed", "must be from 1 to 4294967086 (got "
                    + seed + ")", "e.g. --seed 20130101");
        }
        return s.withRun(s.run().with(replications, seed));
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

    static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n.endsWith(".yml") ? n.substring(0, n.length() - 4) : n;
    }
}
