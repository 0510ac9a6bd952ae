package org.pacesim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.pacesim.scenario.DistributionSpec.Bounds;

/**
 * Reads a duration distribution as written: a bare duration ({@code 2w}) or a one-key map such as
 * {@code lognormal: {median: 12w, p90: 24w}}. Every parameter is checked (positive, p90 above the median, min
 * below max) so that nothing invalid reaches a generator.
 */
final class DistributionParser {
    static final List<String> KINDS =
            List.of("fixed", "exponential", "lognormal", "gamma", "triangular", "uniform", "weibull", "empirical");
    private static final String HELP = "write a duration (e.g. 2w) or one of: " + String.join(", ", KINDS)
            + ", e.g. {lognormal: {median: 12w, p90: 24w}}";

    private final Problems problems;
    private final Path baseDir;
    private final Consumer<String> fileRead;
    private boolean workingDaysAllowed;

    /**
     * @param problems where problems go
     * @param baseDir  directory that CSV file names are relative to
     * @param fileRead told of every data file read, for provenance
     */
    DistributionParser(Problems problems, Path baseDir, Consumer<String> fileRead) {
        this.problems = problems;
        this.baseDir = baseDir;
        this.fileRead = fileRead;
    }

    /** Whether durations may be written in working days (the scenario has a start date). */
    void allowWorkingDays(boolean allowed) {
        this.workingDaysAllowed = allowed;
    }

    /**
     * The distribution, or null after reporting a problem. A distribution whose durations are all written in
     * working days ({@code 10wd}, {@code {lognormal: {median: 10wd, p90: 30wd}}}) is read as a number of working
     * days and wrapped in {@link DistributionSpec.WorkingDays}; mixing working days with calendar time is refused.
     */
    DistributionSpec parse(YamlNode node, String path) {
        List<YamlNode.Scalar> wd = new ArrayList<>();
        List<YamlNode.Scalar> calendar = new ArrayList<>();
        scan(node, wd, calendar);
        if (wd.isEmpty()) return parseDays(node, path);
        if (!workingDaysAllowed) {
            problems.add(wd.get(0).at(), path, "working days ('" + wd.get(0).text() + "') need the date the run starts",
                    "add run.start (e.g. run: {start: 2026-04-01}) and, for holidays, calendar: {file: "
                    + "calendars/scotland.yaml}");
            return null;
        }
        if (!calendar.isEmpty()) {
            problems.add(calendar.get(0).at(), path, "this distribution mixes working days ('" + wd.get(0).text()
                    + "') with calendar time ('" + calendar.get(0).text() + "')", "write all its durations in working "
                    + "days (e.g. 10wd) or all in calendar time (e.g. 2w)");
            return null;
        }
        DistributionSpec inner = parseDays(plain(node), path);
        return inner == null ? null : new DistributionSpec.WorkingDays(inner);
    }

    /** Collects the scalars written in working days, and those written with a calendar unit (3d, 2w, 4mo, 1y). */
    private static void scan(YamlNode node, List<YamlNode.Scalar> wd, List<YamlNode.Scalar> calendar) {
        if (node instanceof YamlNode.Scalar s && s.text() != null) {
            if (Durations.isWorkingDays(s.text())) wd.add(s);
            else if (s.text().trim().matches("^[0-9.]+\\s*[a-z]+$") && !Double.isNaN(Durations.parseDuration(s.text()))) {
                calendar.add(s);
            }
        } else if (node instanceof YamlNode.Map m) {
            for (YamlNode.Entry e : m.entries()) scan(e.value(), wd, calendar);
        } else if (node instanceof YamlNode.Seq q) {
            for (YamlNode item : q.items()) scan(item, wd, calendar);
        }
    }

    /** A copy with every working-day duration written as days, one per working day (10wd becomes 10d). */
    private static YamlNode plain(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            return s.text() != null && Durations.isWorkingDays(s.text())
                    ? new YamlNode.Scalar(s.text().trim().replaceAll("[^0-9.]", "") + "d", false, s.at()) : s;
        }
        if (node instanceof YamlNode.Seq q) {
            List<YamlNode> items = new ArrayList<>();
            for (YamlNode item : q.items()) items.add(plain(item));
            return new YamlNode.Seq(items, q.at());
        }
        YamlNode.Map m = (YamlNode.Map) node;
        YamlNode.Map out = new YamlNode.Map(m.at());
        for (YamlNode.Entry e : m.entries()) out.put(e.key(), e.keyAt(), plain(e.value()));
        return out;
    }

    private DistributionSpec parseDays(YamlNode node, String path) {
        if (node instanceof YamlNode.Scalar) {
            double d = Values.duration(node, path, problems, false);
            return Double.isNaN(d) ? null : new DistributionSpec.Fixed(d);
        }
        if (!(node instanceof YamlNode.Map m) || m.keys().size() != 1) {
            problems.add(node.at(), path, node instanceof YamlNode.Map mm && mm.keys().isEmpty()
                    ? "an empty distribution" : node instanceof YamlNode.Map
                    ? "a distribution has exactly one kind (found " + String.join(", ", ((YamlNode.Map) node).keys()) + ")"
                    : "expected a duration or a distribution, found " + node.describe(), HELP);
            return null;
        }
        YamlNode.Entry e = m.entries().iterator().next();
        String p = path + "." + e.key();
        int before = problems.size();
        DistributionSpec spec;
        switch (e.key()) {
            case "fixed" -> {
                double d = Values.duration(e.value(), p, problems, false);
                spec = new DistributionSpec.Fixed(d);
            }
            case "exponential" -> {
                Fields f = new Fields(e.value(), p, problems);
                f.allow("mean", "min", "max");
                double mean = required(f, "mean", "the mean duration, e.g. {exponential: {mean: 1w}}");
                spec = new DistributionSpec.Exponential(mean, bounds(f));
            }
            case "lognormal" -> spec = lognormal(new Fields(e.value(), p, problems));
            case "gamma" -> spec = gamma(new Fields(e.value(), p, problems));
            case "weibull" -> {
                Fields f = new Fields(e.value(), p, problems);
                f.allow("shape", "scale", "min", "max");
                double shape = f.has("shape") ? f.number("shape", 1, 1e-6, 1e6, "a positive shape, e.g. 1.5")
                        : missingNumber(f, "shape", "the shape parameter, e.g. 1.5");
                double scale = required(f, "scale", "the scale as a duration, e.g. 10w");
                spec = new DistributionSpec.Weibull(shape, scale, bounds(f));
            }
            case "triangular" -> {
                double[] v = list(e.value(), p, 3, "[min, mode, max], e.g. [1w, 4w, 10w]");
                if (v != null && !(v[0] <= v[1] && v[1] <= v[2] && v[0] < v[2])) {
                    problems.add(e.value().at(), p, "need min <= mode <= max with min < max (got "
                            + Durations.format(v[0]) + ", " + Durations.format(v[1]) + ", " + Durations.format(v[2]) + ")",
                            "write [min, mode, max] in that order");
                }
                spec = v == null ? null : new DistributionSpec.Triangular(v[0], v[1], v[2]);
            }
            case "uniform" -> {
                double[] v = list(e.value(), p, 2, "[min, max], e.g. [2w, 6w]");
                if (v != null && !(v[0] < v[1])) {
                    problems.add(e.value().at(), p, "need min < max (got " + Durations.format(v[0]) + ", "
                            + Durations.format(v[1]) + ")", "write [min, max] with min below max");
                }
                spec = v == null ? null : new DistributionSpec.Uniform(v[0], v[1]);
            }
            case "empirical" -> spec = empirical(e.value(), p);
            default -> {
                problems.add(e.keyAt(), p, "unknown distribution '" + e.key() + "'", Names.hint(e.key(), KINDS, "distribution"));
                spec = null;
            }
        }
        return problems.size() > before ? null : spec;
    }

    private DistributionSpec lognormal(Fields f) {
        f.allow("median", "p90", "mean", "sd", "sdlog", "min", "max");
        Bounds b = bounds(f);
        if (f.has("median") && f.has("p90")) {
            double median = f.duration("median", 1, true);
            double p90 = f.duration("p90", 2, true);
            if (p90 <= median) {
                f.bad("p90", "p90 (" + Durations.format(p90) + ") must be above the median (" + Durations.format(median)
                        + ")", "p90 is the value 90% of durations fall below; make it larger than the median");
            }
            return DistributionSpec.Lognormal.fromMedianP90(median, p90, b);
        }
        if (f.has("median") && f.has("sdlog")) {
            double median = f.duration("median", 1, true);
            double s = f.number("sdlog", 0.5, 1e-9, 20, "a positive log-scale standard deviation, e.g. 0.5");
            return new DistributionSpec.Lognormal(Math.log(median), s, b);
        }
        if (f.has("mean") && f.has("sd")) {
            return DistributionSpec.Lognormal.fromMeanSd(f.duration("mean", 1, true), f.duration("sd", 1, true), b);
        }
        problems.add(f.at(), f.path(), "a lognormal needs {median, p90}, {mean, sd} or {median, sdlog}",
                "e.g. {lognormal: {median: 12w, p90: 24w}}");
        return null;
    }

    private DistributionSpec gamma(Fields f) {
        f.allow("mean", "sd", "shape", "scale", "min", "max");
        Bounds b = bounds(f);
        if (f.has("mean") && f.has("sd")) {
            return DistributionSpec.Gamma.fromMeanSd(f.duration("mean", 1, true), f.duration("sd", 1, true), b);
        }
        if (f.has("shape") && f.has("scale")) {
            double shape = f.number("shape", 1, 1e-6, 1e6, "a positive shape, e.g. 2");
            return new DistributionSpec.Gamma(shape, f.duration("scale", 1, true), b);
        }
        problems.add(f.at(), f.path(), "a gamma needs {mean, sd} or {shape, scale}", "e.g. {gamma: {mean: 3d, sd: 2d}}");
        return null;
    }

    private Bounds bounds(Fields f) {
        double min = f.duration("min", 0, false);
        double max = f.duration("max", Double.POSITIVE_INFINITY, true);
        if (min >= max) {
            f.bad("max", "max (" + Durations.format(max) + ") must be above min (" + Durations.format(min) + ")",
                    "raise max or lower min");
        }
        return new Bounds(min, max);
    }

    private double required(Fields f, String key, String fix) {
        if (!f.has(key)) return missingNumber(f, key, fix);
        return f.duration(key, 1, true);
    }

    private double missingNumber(Fields f, String key, String fix) {
        f.missing(key, fix);
        return Double.NaN;
    }

    private double[] list(YamlNode n, String path, int size, String fix) {
        if (!(n instanceof YamlNode.Seq s) || s.items().size() != size) {
            problems.add(n.at(), path, "expected a list of " + size + " durations", fix);
            return null;
        }
        double[] v = new double[size];
        for (int i = 0; i < size; i++) v[i] = Values.duration(s.items().get(i), path + "[" + i + "]", problems, false);
        for (double x : v) if (Double.isNaN(x)) return null;
        return v;
    }

    private DistributionSpec empirical(YamlNode n, String path) {
        Fields f = new Fields(n, path, problems);
        f.allow("values", "weights", "file");
        if (f.has("file")) {
            return observed(f, path);
        }
        if (!(f.node("values") instanceof YamlNode.Seq vs) || vs.items().isEmpty()) {
            f.missing("values", "a list of durations, e.g. {empirical: {values: [2w, 4w, 8w], weights: [1, 2, 1]}},"
                    + " or {empirical: {file: durations.csv}}");
            return null;
        }
        double[] values = new double[vs.items().size()];
        for (int i = 0; i < values.length; i++) values[i] = Values.duration(vs.items().get(i), path + ".values[" + i + "]", problems, false);
        double[] weights = new double[values.length];
        java.util.Arrays.fill(weights, 1.0);
        if (f.has("weights")) {
            if (!(f.node("weights") instanceof YamlNode.Seq ws) || ws.items().size() != values.length) {
                f.bad("weights", "needs one weight per value (" + values.length + ")", "list as many weights as values");
                return null;
            }
            double total = 0;
            for (int i = 0; i < values.length; i++) {
                weights[i] = Values.number(ws.items().get(i), path + ".weights[" + i + "]", problems, 0, 1e12,
                        "a non-negative weight");
                total += weights[i];
            }
            if (!(total > 0)) f.bad("weights", "the weights add up to zero", "give at least one positive weight");
        }
        return new DistributionSpec.Empirical(values, weights);
    }

    /**
     * Observed durations from a CSV (read by {@link CsvTable}, so as a spreadsheet saves it): one value per row in the
     * first column (days, or a duration with a unit); '#' comments and an optional header line are allowed.
     */
    private DistributionSpec observed(Fields f, String path) {
        String name = f.text("file", null);
        if (name == null) return null;
        Path file = Values.dataFile(f.node("file"), name, baseDir);
        CsvTable table;
        try {
            table = CsvTable.read(file, file.toString(), problems, path + ".file");
        } catch (CsvTable.Unreadable e) {
            Values.unreadable(f, "file", e, file, name, "a CSV file of observed durations");
            return null;
        }
        fileRead.accept(file.toString());
        List<Double> values = new ArrayList<>();
        int bad = 0;
        List<String> cells = new ArrayList<>();
        List<Location> at = new ArrayList<>();
        // the first row is data, not a header, when it holds a duration
        if (!table.header().isEmpty() && !Double.isNaN(Durations.parseDuration(table.header().get(0)))) {
            cells.add(table.header().get(0));
            at.add(table.headerAt(0));
        }
        for (CsvTable.Row r : table.rows()) {
            cells.add(r.cell(0));
            at.add(r.at(0));
        }
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            double d = Durations.parseDuration(cell);
            if (Double.isNaN(d) || d < 0) {
                if (bad++ < 5) {
                    problems.add(at.get(i), path + ".file", "'" + cell + "' is not a non-negative duration",
                            "each row holds one duration, e.g. 34 or 5w");
                }
                continue;
            }
            values.add(d);
        }
        if (bad > 5) {
            problems.add(Location.of(file.toString()), path + ".file", (bad - 5) + " more bad rows", "fix the rows above");
        }
        if (bad == 0 && values.size() < 2) {
            f.bad("file", "'" + name + "' holds fewer than two durations", "give at least two observed durations");
            return null;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new DistributionSpec.Observed(name, v);
    }
}
