package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@code uncertainty:} block (see {@link UncertaintySpec}), reporting every problem with its place. Only
 * the block's own shape is checked here; whether each path names a value, and whether every value a range can
 * produce is valid there, is checked by applying the values to the scenarios ({@link ScenarioLoader#load(
 * java.nio.file.Path, java.nio.file.Path, List)}), exactly as if written.
 */
final class UncertaintyReader {
    /** The kinds of range, by the word that names them in a file. */
    private enum Kind {
        UNIFORM, UNIFORM_INT, TRIANGULAR, BETA, LOGNORMAL;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String word) {
            for (Kind k : values()) if (k.word().equals(word)) return k;
            return null;
        }
    }

    private static final List<String> KINDS = java.util.Arrays.stream(Kind.values()).map(Kind::word).toList();
    private static final String EXAMPLE = "e.g. {uniform_int: [6, 10]}, {triangular: [0.7, 1.0, 1.5]},"
            + " {beta: {mean: 0.38, sd: 0.08}} or {lognormal: {median: 1, p90: 1.3}}";

    private UncertaintyReader() {}

    /** The block, or null after reporting its problems. */
    static UncertaintySpec read(YamlNode node, Problems problems) {
        int before = problems.size();
        Fields f = new Fields(node, "uncertainty", problems);
        f.allow("points", "seed", "vary", "from_tags");
        int points = (int) f.whole("points", 0, 1, UncertaintySpec.MAX_POINTS, "the number of design points, e.g. 100");
        if (!f.has("points")) f.missing("points", "the number of design points, e.g. points: 100");
        long seed = f.whole("seed", 0, 1, RunSettings.MAX_SEED, RunSettings.SEED_HELP);
        List<UncertaintySpec.Varied> vary = new ArrayList<>();
        if (f.has("vary")) {
            Fields v = new Fields(f.node("vary"), "uncertainty.vary", problems);
            for (YamlNode.Entry e : v.map().entries()) {
                UncertaintySpec.Varied varied = varied(e, problems);
                if (varied != null) vary.add(varied);
            }
        }
        double share = Double.NaN;
        if (f.has("from_tags")) share = fromTags(new Fields(f.node("from_tags"), "uncertainty.from_tags", problems), problems);
        if (vary.isEmpty() && !f.has("from_tags") && problems.size() == before) {
            f.missing("vary", "name the values to vary, e.g. vary: {resources.legal_services.capacity: {uniform_int:"
                    + " [6, 10]}}, or vary every assumed value with from_tags: {A: 30%}");
        }
        return problems.size() > before ? null : new UncertaintySpec(points, seed, List.copyOf(vary), share, f.at());
    }

    private static double fromTags(Fields f, Problems problems) {
        f.allow("A");
        if (!f.has("A")) {
            f.missing("A", "the spread of the values tagged '# A' (assumed), e.g. from_tags: {A: 30%}");
            return Double.NaN;
        }
        double share = Values.probability(f.node("A"), f.path("A"), problems);
        if (share == 0 || share == 1) {
            f.bad("A", "the spread must be above 0% and below 100%", "e.g. from_tags: {A: 30%}");
            return Double.NaN;
        }
        return share;
    }

    /** One {@code path: {kind: ...}} entry of {@code vary}. */
    private static UncertaintySpec.Varied varied(YamlNode.Entry e, Problems problems) {
        String path = "uncertainty.vary." + e.key();
        Fields f = new Fields(e.value(), path, problems);
        List<String> kinds = f.map().keys().stream().filter(KINDS::contains).toList();
        f.allow(KINDS.toArray(String[]::new));
        if (kinds.size() != 1) {
            if (f.map().keys().stream().allMatch(KINDS::contains)) {
                problems.add(f.at(), path, "a range is exactly one of " + String.join(", ", KINDS), EXAMPLE);
            }
            return null;
        }
        int before = problems.size();
        String kind = kinds.get(0);
        YamlNode n = f.node(kind);
        String p = path + "." + kind;
        ValueRange range = switch (Kind.of(kind)) {
            case UNIFORM -> {
                double[] b = numbers(n, p, 2, problems, "[min, max], e.g. {uniform: [0.8, 1.2]}");
                yield b == null ? null : ordered(b, n, p, problems) ? new ValueRange.Uniform(b[0], b[1]) : null;
            }
            case UNIFORM_INT -> {
                double[] b = numbers(n, p, 2, problems, "[min, max] whole numbers, e.g. {uniform_int: [6, 10]}");
                if (b != null && (b[0] != Math.rint(b[0]) || b[1] != Math.rint(b[1]))) {
                    problems.add(n.at(), p, "the bounds must be whole numbers", "e.g. {uniform_int: [6, 10]}");
                    yield null;
                }
                yield b == null ? null : ordered(b, n, p, problems) ? new ValueRange.UniformInt((long) b[0], (long) b[1]) : null;
            }
            case TRIANGULAR -> {
                double[] b = numbers(n, p, 3, problems, "[min, most likely, max], e.g. {triangular: [0.7, 1.0, 1.5]}");
                if (b != null && !(b[0] <= b[1] && b[1] <= b[2] && b[0] < b[2])) {
                    problems.add(n.at(), p, "expected min <= most likely <= max with min below max (got "
                            + Values.fmt(b[0]) + ", " + Values.fmt(b[1]) + ", " + Values.fmt(b[2]) + ")",
                            "e.g. {triangular: [0.7, 1.0, 1.5]}");
                    yield null;
                }
                yield b == null ? null : new ValueRange.Triangular(b[0], b[1], b[2], false);
            }
            case BETA -> beta(new Fields(n, p, problems), problems);
            case LOGNORMAL -> lognormal(new Fields(n, p, problems));
        };
        if (range == null || problems.size() > before) return null;
        return new UncertaintySpec.Varied(e.key(), UncertaintySpec.Target.of(e.key()), range, e.keyAt());
    }

    private static ValueRange beta(Fields f, Problems problems) {
        f.allow("mean", "sd");
        if (!f.has("mean")) f.missing("mean", "the share's mean, e.g. {beta: {mean: 0.38, sd: 0.08}}");
        if (!f.has("sd")) f.missing("sd", "the share's standard deviation, e.g. {beta: {mean: 0.38, sd: 0.08}}");
        double mean = f.number("mean", Double.NaN, 0, 1, "a share between 0 and 1, e.g. 0.38");
        double sd = f.number("sd", Double.NaN, 0, 1, "a standard deviation, e.g. 0.08");
        if (Double.isNaN(mean) || Double.isNaN(sd)) return null;
        if (!ValueRange.Beta.possible(mean, sd)) {
            problems.add(f.at(), f.path(), "no share between 0 and 1 has mean " + Values.fmt(mean) + " and sd "
                    + Values.fmt(sd) + " (the mean must be strictly between 0 and 1, and sd below "
                    + Values.fmt(Math.sqrt(mean * (1 - mean))) + ")", "use a smaller sd");
            return null;
        }
        return new ValueRange.Beta(mean, sd);
    }

    private static ValueRange lognormal(Fields f) {
        f.allow("median", "p90");
        if (!f.has("p90")) f.missing("p90", "the multiplier's 90th percentile, e.g. {lognormal: {median: 1, p90: 1.3}}");
        double median = f.number("median", 1, 1e-9, 1e9, "a positive multiplier, e.g. 1");
        double p90 = f.number("p90", Double.NaN, 1e-9, 1e9, "a multiplier above the median, e.g. 1.3");
        if (Double.isNaN(median) || Double.isNaN(p90)) return null;
        if (!(p90 > median)) {
            f.bad("p90", "the 90th percentile must be above the median (" + Values.fmt(median) + ")",
                    "e.g. {lognormal: {median: 1, p90: 1.3}}");
            return null;
        }
        return new ValueRange.LogNormal(median, p90);
    }

    private static boolean ordered(double[] b, YamlNode n, String path, Problems problems) {
        if (b[0] < b[1]) return true;
        problems.add(n.at(), path, "the lower bound must be below the upper (got " + Values.fmt(b[0]) + " and "
                + Values.fmt(b[1]) + ")", "write [min, max]");
        return false;
    }

    private static double[] numbers(YamlNode n, String path, int count, Problems problems, String fix) {
        if (!(n instanceof YamlNode.Seq s) || s.items().size() != count) {
            problems.add(n.at(), path, "expected " + count + " numbers, found " + n.describe(), fix);
            return null;
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            Double v = Values.parseNumber(s.items().get(i));
            if (v == null || v.isNaN() || v.isInfinite()) {
                problems.add(s.items().get(i).at(), path, "expected a number, found " + s.items().get(i).describe(), fix);
                return null;
            }
            out[i] = v;
        }
        return out;
    }
}
