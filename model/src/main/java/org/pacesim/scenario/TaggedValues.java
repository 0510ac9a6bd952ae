package org.pacesim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a scenario marks as assumed ({@code # A} on their line), as values an uncertainty analysis varies
 * ({@code from_tags: {A: 30%}}): each by a triangular multiplier from 1 - spread to 1 + spread, most likely 1.
 *
 * <p>What can vary: a stage's durations (through its scale), a stage's or resource's number or duration (a
 * capacity, how often a meeting sits), and a labelled route's probability (its group rescaled, the multiplier capped
 * so the probability stays at most 1). A whole number whose range rounds to itself alone (a capacity of 1) does not
 * vary. The run settings, arrivals, attributes and measures are not assumptions about the system's behaviour and
 * are left as written.
 *
 * <p>The values tagged as calibrated ({@code # A (calibrated...)}) are found the same way for {@code pace calibrate
 * --fit}, each with the range the fit searches ({@link ValueRange.Bounds}): a share p from p/2 to (1 + p)/2 (half
 * the share at the bottom, half its complement at the top, so neither end is favoured and the range stays inside
 * (0, 1)); a stage's durations from half to twice as written (a factor of 2 either way, as durations are judged on a
 * log scale); a number or a duration field likewise. These are wide against the +/-30% an uncertainty analysis
 * gives an assumed value, because a value set by hand may be far off, and narrow enough that a search of a few dozen
 * evaluations can cover them.
 */
final class TaggedValues {
    /** The ranges the values are given: an uncertainty analysis's multipliers, or a fit's search ranges. */
    private interface Ranges {
        /** The range of a share {@code p} strictly between 0 and 1. */
        ValueRange share(double p);

        /** The range of a stage's durations (a factor on them), or of a number or duration field's multiplier. */
        ValueRange factor();
    }

    /** A fit's ranges (see the class comment). */
    private static final Ranges SEARCH = new Ranges() {
        @Override
        public ValueRange share(double p) {
            return new ValueRange.Bounds(p / 2, (1 + p) / 2, false);
        }

        @Override
        public ValueRange factor() {
            return new ValueRange.Bounds(0.5, 2, true);
        }
    };

    private final double spread;
    private final Ranges ranges;
    private final java.util.function.Predicate<String> tags;
    private final Map<String, Set<Integer>> tagged = new HashMap<>();
    private final List<UncertaintySpec.Varied> out = new ArrayList<>();

    private TaggedValues(double spread, Ranges ranges, java.util.function.Predicate<String> tags) {
        this.spread = spread;
        this.ranges = ranges;
        this.tags = tags;
    }

    /** The tagged values of a resolved tree, in file order. */
    static List<UncertaintySpec.Varied> of(YamlNode.Map tree, double spread) {
        TaggedValues t = new TaggedValues(spread, null, AssumedTag::tagsValue);
        return t.all(tree);
    }

    /** The values of a resolved tree tagged as calibrated, in file order, each with the range a fit searches. */
    static List<UncertaintySpec.Varied> calibrated(YamlNode.Map tree) {
        // a fit moves whole numbers too (rounded), so a whole number's spread is not a reason to leave it out
        TaggedValues t = new TaggedValues(Double.NaN, SEARCH, AssumedTag::tagsCalibrated);
        return t.all(tree);
    }

    private List<UncertaintySpec.Varied> all(YamlNode.Map tree) {
        if (tree.get("resources") instanceof YamlNode.Map resources) {
            for (YamlNode.Entry r : resources.entries()) {
                if (r.value() instanceof YamlNode.Map m) fields("resources." + r.key(), m);
            }
        }
        if (tree.get("stages") instanceof YamlNode.Map stages) {
            for (YamlNode.Entry e : stages.entries()) {
                if (e.value() instanceof YamlNode.Map stage) stage(e.key(), stage);
            }
        }
        return List.copyOf(out);
    }

    private void stage(String name, YamlNode.Map stage) {
        YamlNode duration = stage.get("duration");
        if (duration != null && isTagged(duration.at())) {
            out.add(new UncertaintySpec.Varied("stages." + name + ".scale",
                    new UncertaintySpec.Target.StageDurations(name), factor(), duration.at()));
        }
        fields("stages." + name, stage);
        Set<String> groups = new HashSet<>();
        for (YamlNode.Map route : RawRoutes.of(stage.get("next"))) {
            YamlNode p = route.get("p");
            String label = RawRoutes.text(route, "label");
            if (p == null || label == null || !isTagged(p.at())) continue;
            double share = RawRoutes.p(route);
            if (!(share > 0 && share < 1)) continue;
            String when = RawRoutes.text(route, "when");
            // a second route of the same group would only rescale the first: one share per group varies
            if (!groups.add(when == null ? "" : when.trim())) continue;
            out.add(new UncertaintySpec.Varied("stages." + name + ".next." + label + ".p" + (when == null ? "" : " (when "
                    + when.trim() + ")"), new UncertaintySpec.Target.RouteShare(name, label, when),
                    share(share), p.at()));
        }
    }

    /** The tagged numbers and durations of a map (a resource, or a stage's own fields). */
    private void fields(String prefix, YamlNode.Map map) {
        for (YamlNode.Entry e : map.entries()) {
            if (e.key().equals("duration") || !(e.value() instanceof YamlNode.Scalar sc) || sc.text() == null) continue;
            if (!isTagged(sc.at())) continue;
            Double number = Values.parseNumber(sc);
            boolean duration = number == null && !Double.isNaN(Durations.parseDuration(sc.text()))
                    && !Durations.isBare(sc.text());
            if (number == null && !duration) continue;
            if (ranges == null && number != null && sc.text().trim().matches("[0-9_]+")
                    && Math.round(number * (1 - spread)) == Math.round(number * (1 + spread))) {
                continue; // a whole number this spread cannot move
            }
            out.add(new UncertaintySpec.Varied(prefix + "." + e.key(), new UncertaintySpec.Target.Field(prefix + "."
                    + e.key()), factor(), sc.at()));
        }
    }

    private ValueRange share(double p) {
        return ranges != null ? ranges.share(p) : triangular(1 / p);
    }

    private ValueRange factor() {
        return ranges != null ? ranges.factor() : triangular(Double.POSITIVE_INFINITY);
    }

    private ValueRange triangular(double cap) {
        return new ValueRange.Triangular(1 - spread, 1, Math.min(1 + spread, cap), true);
    }

    private boolean isTagged(Location at) {
        if (at.line() <= 0) return false;
        Set<Integer> lines = tagged.computeIfAbsent(at.file(), this::taggedLines);
        return lines.contains(at.line());
    }

    private Set<Integer> taggedLines(String file) {
        Set<Integer> lines = new HashSet<>();
        try {
            List<String> text = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            for (int i = 0; i < text.size(); i++) if (tags.test(text.get(i))) lines.add(i + 1);
        } catch (IOException e) {
            // the file was read a moment ago to build the tree; if it is gone now, its values stay as written
        }
        return lines;
    }
}
