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
 */
final class TaggedValues {
    private final double spread;
    private final Map<String, Set<Integer>> tagged = new HashMap<>();
    private final List<UncertaintySpec.Varied> out = new ArrayList<>();

    private TaggedValues(double spread) {
        this.spread = spread;
    }

    /** The tagged values of a resolved tree, in file order. */
    static List<UncertaintySpec.Varied> of(YamlNode.Map tree, double spread) {
        TaggedValues t = new TaggedValues(spread);
        if (tree.get("resources") instanceof YamlNode.Map resources) {
            for (YamlNode.Entry r : resources.entries()) {
                if (r.value() instanceof YamlNode.Map m) t.fields("resources." + r.key(), m);
            }
        }
        if (tree.get("stages") instanceof YamlNode.Map stages) {
            for (YamlNode.Entry e : stages.entries()) {
                if (e.value() instanceof YamlNode.Map stage) t.stage(e.key(), stage);
            }
        }
        return List.copyOf(t.out);
    }

    private void stage(String name, YamlNode.Map stage) {
        YamlNode duration = stage.get("duration");
        if (duration != null && isTagged(duration.at())) {
            out.add(new UncertaintySpec.Varied("stages." + name + ".scale",
                    new UncertaintySpec.Target.StageDurations(name), triangular(Double.POSITIVE_INFINITY), duration.at()));
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
                    triangular(1 / share), p.at()));
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
            if (number != null && sc.text().trim().matches("[0-9_]+")
                    && Math.round(number * (1 - spread)) == Math.round(number * (1 + spread))) {
                continue; // a whole number this spread cannot move
            }
            out.add(new UncertaintySpec.Varied(prefix + "." + e.key(), new UncertaintySpec.Target.Field(prefix + "."
                    + e.key()), triangular(Double.POSITIVE_INFINITY), sc.at()));
        }
    }

    private ValueRange triangular(double cap) {
        return new ValueRange.Triangular(1 - spread, 1, Math.min(1 + spread, cap), true);
    }

    private boolean isTagged(Location at) {
        if (at.line() <= 0) return false;
        Set<Integer> lines = tagged.computeIfAbsent(at.file(), TaggedValues::taggedLines);
        return lines.contains(at.line());
    }

    private static Set<Integer> taggedLines(String file) {
        Set<Integer> lines = new HashSet<>();
        try {
            List<String> text = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            for (int i = 0; i < text.size(); i++) if (AssumedTag.tagsValue(text.get(i))) lines.add(i + 1);
        } catch (IOException e) {
            // the file was read a moment ago to build the tree; if it is gone now, its values stay as written
        }
        return lines;
    }
}
