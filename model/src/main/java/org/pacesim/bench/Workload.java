package org.pacesim.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.ResourceSpec;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.scenario.StageSpec;

/**
 * A scenario file to benchmark, optionally scaled so that the number of arrivals grows by a factor: either the
 * arrival rates, servers and meeting places are all multiplied by it (every resource carries the same offered load,
 * and the factor times as many children are in the system at once), or the horizon is (the same system, run for
 * longer; arrivals start at day 0, so their number grows by the factor too). Scaling is done with ordinary
 * {@code set} changes, so a scaled workload is exactly a scenario a planner could have written.
 *
 * @param file  the scenario file
 * @param scale the factor (1 for the file as written)
 * @param by    what is scaled
 */
public record Workload(Path file, int scale, Scaling by) {
    /** What a factor multiplies. */
    public enum Scaling {
        /** Arrival rates, servers and meeting places. */
        RATE,
        /** The horizon (the warm-up stays as it is). */
        HORIZON
    }

    /** The file as written. */
    public static Workload of(Path file) {
        return new Workload(file, 1, Scaling.RATE);
    }

    /** The same file scaled by {@code factor}. */
    public Workload scaled(int factor, Scaling how) {
        return new Workload(file, factor, how);
    }

    /** Loads the scenario through the normal path, applying the scaling changes. */
    public Scenario load() {
        Scenario base = ScenarioLoader.load(file);
        return scale == 1 ? base : ScenarioLoader.load(file, changes(base, scale, by));
    }

    /** The {@code set} changes that scale a scenario by {@code k}. */
    static List<Map<String, Object>> changes(Scenario s, int k, Scaling by) {
        List<Map<String, Object>> out = new ArrayList<>();
        String why = "benchmark: scaled " + k + "x";
        if (by == Scaling.HORIZON) {
            out.add(set("run.horizon", String.format(Locale.ROOT, "%.17gd", k * s.run().horizon()), why));
            return out;
        }
        for (ArrivalSource a : s.arrivals()) {
            if (a.scheduled()) continue; // listed times stay as listed
            out.add(set("arrivals." + a.name() + ".rate",
                    String.format(Locale.ROOT, "%.17g/day", a.ratePerDay() * k), why));
        }
        for (ResourceSpec r : s.resources().values()) {
            out.add(set("resources." + r.name() + ".capacity", r.capacity() * k, why));
        }
        for (StageSpec st : s.stages().values()) {
            if (st instanceof StageSpec.Meeting m && !m.unlimited()) {
                out.add(set("stages." + m.name() + ".capacity", m.capacity() * k, why));
            }
        }
        return out;
    }

    private static Map<String, Object> set(String path, Object value, String why) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("path", path);
        set.put("value", value);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("set", set);
        change.put("why", why);
        return change;
    }

    /** A short label: the file's name and the factor. */
    public String label() {
        String n = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return scale == 1 ? n : n + " x" + scale + (by == Scaling.HORIZON ? " (horizon)" : "");
    }
}
