package org.pacesim.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Loads a scenario file: parse safely, resolve {@code extends} (parents first, cycles refused), merge the child's
 * sections over the parent's, apply the child's {@code changes} in order, then read and check every field.
 *
 * <p>Merging: {@code name} and {@code description} replace the parent's; {@code run} is merged field by field;
 * {@code attributes}, {@code resources}, {@code stages}, {@code milestones} and {@code measures} are merged entry by
 * entry (an entry in the child replaces the parent's entry of the same name whole); {@code arrivals} are merged by
 * {@code name}. Changes then operate on the merged tree, so they may refer to anything either file declares.
 */
public final class ScenarioLoader {
    /** Parents deeper than this are refused (a chain this long is a mistake). */
    public static final int MAX_EXTENDS_DEPTH = 16;

    private ScenarioLoader() {}

    /**
     * Loads and checks a scenario file.
     *
     * @param file the file; messages name it as given
     * @return the typed scenario; graph checks are separate ({@code SystemGraph.of})
     * @throws InvalidInputException listing every problem found
     */
    public static Scenario load(Path file) {
        return load(file, List.of());
    }

    /**
     * Loads a scenario file and applies further changes after its own (sensitivity analysis builds its variants
     * this way, so that a variant is exactly what a planner could have written).
     *
     * @param extra changes as plain maps, e.g. {@code {scale: {stage: form_e, duration: 0.8}, why: ...}}
     */
    public static Scenario load(Path file, List<java.util.Map<String, Object>> extra) {
        return load(file, extra, null);
    }

    /**
     * Loads a scenario file whose changes all take effect on a date, unless a change gives its own {@code from:}
     * (an experiment's {@code changes_from}).
     *
     * @param from the date of every change without one of its own, or null
     */
    public static Scenario load(Path file, ChangeDate from) {
        return load(file, List.of(), from);
    }

    private static Scenario load(Path file, List<java.util.Map<String, Object>> extra, ChangeDate from) {
        return load(file, extra, from, null);
    }

    /**
     * Loads a scenario file with a design point's values set in the baseline: right after the baseline file's own
     * changes, so that an intervention extending it makes its own changes on top (as it would on values written in
     * the baseline). A file that does not extend the baseline gets the values after its own changes. The values hold
     * on both sides of a dated change.
     *
     * @param baseline the experiment's baseline file
     * @param settings the point's values; each problem they cause is reported where its range was written
     * @param from     the date of every change without one of its own (an experiment's {@code changes_from}), or
     *                 null
     */
    public static Scenario load(Path file, Path baseline, List<UncertaintySpec.Setting> settings, ChangeDate from) {
        return load(file, List.of(), from, new Design(canonical(baseline), settings));
    }

    private static Scenario load(Path file, List<java.util.Map<String, Object>> extra, ChangeDate from, Design design) {
        Dating dating = new Dating(true, from);
        Scenario scenario = build(file, extra, dating, Design.fresh(design));
        if (dating.found.isEmpty()) return scenario;
        // The rules before the date: the same files, with the dated changes left out.
        Scenario before = build(file, extra, new Dating(false, from), Design.fresh(design));
        return scenario.withDated(DatedCheck.check(scenario, before, dating.found));
    }

    /**
     * The {@code uncertainty:} block of a scenario file or the files it extends (the nearest one wins), or null.
     */
    public static UncertaintySpec uncertainty(Path file) {
        Problems problems = new Problems();
        YamlNode block = raw(file).get("uncertainty");
        if (block == null) return null;
        UncertaintySpec spec = UncertaintyReader.read(block, problems);
        problems.throwIfAny();
        return spec;
    }

    /**
     * The values tagged as assumed in a scenario file and the files it extends, each varied by a triangular
     * multiplier of the given spread (see {@link TaggedValues}).
     */
    public static List<UncertaintySpec.Varied> tagged(Path file, double spread) {
        return TaggedValues.of(raw(file), spread);
    }

    /**
     * The values tagged as calibrated ({@code # A (calibrated...)}) in a scenario file and the files it extends, each
     * with the range {@code pace calibrate --fit} searches (see {@link TaggedValues}).
     */
    public static List<UncertaintySpec.Varied> calibrated(Path file) {
        return TaggedValues.calibrated(raw(file));
    }

    /**
     * The value as written in a file (and the files it extends) that a varied value replaces, or 1 where it
     * multiplies; NaN when the file has no such value.
     */
    public static double asWritten(Path file, UncertaintySpec.Varied varied) {
        return DesignChanges.asWritten(raw(file), varied);
    }

    /**
     * The changes ({@code set}, {@code route}, {@code scale}) that give a file the values of {@code settings}, as a
     * planner would write them in a file that extends it: what {@link #load(Path, Path, List, ChangeDate)} applies.
     *
     * @throws InvalidInputException when a value cannot be set
     */
    public static List<java.util.Map<String, Object>> changes(Path file, List<UncertaintySpec.Setting> settings) {
        Problems problems = new Problems();
        List<java.util.Map<String, Object>> out = DesignChanges.maps(raw(file), settings, problems);
        problems.throwIfAny();
        return out;
    }

    /** The merged tree of a file and its parents, every change applied. */
    private static YamlNode.Map raw(Path file) {
        return resolve(file, file.toString(), new ArrayDeque<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new Problems(), Dating.undated(), null);
    }

    /** The values of a design point to set in the baseline, and whether one build has set them yet. */
    private static final class Design {
        private final Path baseline;
        private final List<UncertaintySpec.Setting> settings;
        private boolean applied;

        Design(Path baseline, List<UncertaintySpec.Setting> settings) {
            this.baseline = baseline;
            this.settings = settings;
        }

        /** The same values, not yet set (one per build), or null for none. */
        static Design fresh(Design d) {
            return d == null ? null : new Design(d.baseline, d.settings);
        }

        void apply(YamlNode.Map tree, List<AppliedChange> changes, List<String> removed, Problems unexplained) {
            applied = true;
            Problems problems = new Problems();
            YamlNode.Seq list = DesignChanges.of(tree, settings, problems);
            problems.throwIfAny();
            new Changes(tree, changes, removed, unexplained).applyAll(list);
        }
    }

    private static Scenario build(Path file, List<java.util.Map<String, Object>> extra, Dating dating, Design design) {
        List<String> files = new ArrayList<>();
        List<AppliedChange> changes = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Problems unexplained = new Problems();
        YamlNode.Map tree = resolve(file, file.toString(), new ArrayDeque<>(), files, changes, removed, unexplained,
                dating, design);
        if (design != null && !design.applied) design.apply(tree, changes, removed, unexplained);
        if (!extra.isEmpty()) {
            Location at = Location.of("generated change");
            List<YamlNode> items = new ArrayList<>();
            for (java.util.Map<String, Object> c : extra) items.add(node(c, at));
            // Generated variants (sensitivity) hold on both sides of a date, as parameters of the whole run.
            new Changes(tree, changes, removed, unexplained).applyAll(new YamlNode.Seq(items, at));
        }
        Path base = file.toAbsolutePath().getParent();
        ScenarioBuilder builder = new ScenarioBuilder(file.toString(), base, files::add);
        Scenario scenario;
        try {
            scenario = builder.build(tree, files, changes, removed);
        } catch (InvalidInputException e) {
            e.problems().forEach(unexplained::add); // listed together, in file order
            unexplained.throwIfAny();
            throw e;
        }
        unexplained.throwIfAny();
        return scenario;
    }

    /** A raw node from plain Java values (maps, lists, scalars). */
    static YamlNode node(Object value, Location at) {
        if (value instanceof java.util.Map<?, ?> m) {
            YamlNode.Map map = new YamlNode.Map(at);
            for (java.util.Map.Entry<?, ?> e : m.entrySet()) map.put(String.valueOf(e.getKey()), at, node(e.getValue(), at));
            return map;
        }
        if (value instanceof List<?> l) {
            List<YamlNode> items = new ArrayList<>();
            for (Object o : l) items.add(node(o, at));
            return new YamlNode.Seq(items, at);
        }
        return YamlNode.Scalar.of(value, at);
    }

    private static YamlNode.Map resolve(Path file, String shown, Deque<Path> chain, List<String> files,
                                        List<AppliedChange> changes, List<String> removed, Problems unexplained,
                                        Dating dating, Design design) {
        YamlNode root = YamlLoader.load(file, shown);
        files.add(shown);
        if (!(root instanceof YamlNode.Map map)) {
            throw new InvalidInputException(root.at(), "", "a scenario file is a map of sections (name:, run:, stages:"
                    + " ...), found " + root.describe(), "start the file with 'name: ...' and the other sections");
        }
        YamlNode.Entry ext = map.remove("extends");
        YamlNode.Entry changeList = map.remove("changes");
        YamlNode.Entry combine = map.remove("combine");
        if (combine != null && ext == null) {
            throw new InvalidInputException(combine.keyAt(), "combine", "'combine' needs 'extends': the combined"
                    + " interventions must all extend the same parent as this file", "add e.g. extends: baseline-la.yaml");
        }
        YamlNode.Map result = map;
        if (ext != null) {
            String parentName = ext.value() instanceof YamlNode.Scalar s ? s.text() : null;
            if (parentName == null || parentName.isBlank()) {
                throw new InvalidInputException(ext.value().at(), "extends", "expected the name of a scenario file",
                        "e.g. extends: baseline-la.yaml");
            }
            Path parent = (file.getParent() == null ? Path.of(".") : file.getParent()).resolve(parentName).normalize();
            Path me = canonical(file);
            chain.push(me);
            if (chain.size() > MAX_EXTENDS_DEPTH) {
                throw new InvalidInputException(ext.value().at(), "extends", "more than " + MAX_EXTENDS_DEPTH
                        + " files extend one another", "extend the baseline directly");
            }
            if (!Files.isRegularFile(parent)) {
                throw new InvalidInputException(ext.value().at(), "extends", "cannot find the parent scenario '"
                        + parentName + "' (looked for " + parent + ")", suggestSibling(parentName, parent));
            }
            if (chain.contains(canonical(parent))) {
                throw new InvalidInputException(ext.value().at(), "extends", "'" + parentName + "' extends, directly or"
                        + " through others, this file: the files form a cycle", "make one of them stand alone");
            }
            if (!map.has("name")) {
                throw new InvalidInputException(map.at(), "name", "a scenario that extends another needs its own name",
                        "add e.g. name: Remove the ratifying LAR");
            }
            YamlNode.Map merged = resolve(parent, parent.toString(), chain, files, changes, removed, unexplained,
                    dating, design);
            chain.pop();
            merge(merged, map);
            result = merged;
            if (combine != null) combine(file, parent, combine, result, files, changes, removed, unexplained, dating);
        }
        if (changeList != null) {
            new Changes(result, changes, removed, unexplained, dating).applyAll(changeList.value());
        }
        if (design != null && !design.applied && canonical(file).equals(design.baseline)) {
            design.apply(result, changes, removed, unexplained);
        }
        return result;
    }

    /**
     * Applies, in order, the changes of other interventions that extend the same parent (a package of tests of
     * change, written once each). Those files may hold only a name, a description, extends and changes.
     */
    private static void combine(Path file, Path parent, YamlNode.Entry combine, YamlNode.Map tree, List<String> files,
                                List<AppliedChange> changes, List<String> removed, Problems unexplained,
                                Dating dating) {
        if (!(combine.value() instanceof YamlNode.Seq list) || list.items().isEmpty()) {
            throw new InvalidInputException(combine.value().at(), "combine", "expected a list of intervention files",
                    "e.g. combine: [remove-ratifying-lar.yaml, cease-form-e-part-2.yaml]");
        }
        Problems problems = new Problems();
        Path dir = file.getParent() == null ? Path.of(".") : file.getParent();
        for (YamlNode item : list.items()) {
            String name = item instanceof YamlNode.Scalar s ? s.text() : null;
            Path other = name == null ? null : dir.resolve(name).normalize();
            if (other == null || !Files.isRegularFile(other)) {
                String near = name == null ? null : Names.file(name, other);
                problems.add(item.at(), "combine", "cannot find the intervention '" + name + "'",
                        near != null ? near : "name a scenario file relative to this one");
                continue;
            }
            YamlNode root = YamlLoader.load(other, other.toString());
            if (!(root instanceof YamlNode.Map m)) {
                problems.add(item.at(), "combine", "'" + name + "' is not a scenario file", "name an intervention file");
                continue;
            }
            files.add(other.toString());
            String otherParent = RawRoutes.text(m, "extends");
            Path resolved = otherParent == null ? null : (other.getParent() == null ? Path.of(".") : other.getParent())
                    .resolve(otherParent).normalize();
            if (resolved == null || !canonical(resolved).equals(canonical(parent))) {
                problems.add(item.at(), "combine", "'" + name + "' does not extend " + parent.getFileName()
                        + ", the parent of this file", "combine only interventions on the same parent");
                continue;
            }
            for (String key : m.keys()) {
                if (!List.of("name", "description", "extends", "changes").contains(key)) {
                    problems.add(m.entry(key).keyAt(), key, "'" + name + "' has a '" + key + "' section, which combining"
                            + " would leave out", "express it as a change ('set', 'insert', ...) in that file");
                }
            }
            if (m.get("changes") != null && problems.isEmpty()) {
                new Changes(tree, changes, removed, unexplained, dating).applyAll(m.get("changes"));
            }
        }
        problems.throwIfAny();
    }

    /** "did you mean" with a close file beside the missing one, written the way the user wrote the name. */
    private static String suggestSibling(String written, Path missing) {
        String near = Names.file(written, missing);
        return near == null ? "name a file relative to this one, e.g. extends: baseline-la.yaml"
                : near.replace("did you mean '", "did you mean 'extends: ");
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Merges the child's sections into the parent's tree (see the class comment). */
    private static void merge(YamlNode.Map parent, YamlNode.Map child) {
        for (YamlNode.Entry e : child.entries()) {
            YamlNode p = parent.get(e.key());
            switch (e.key()) {
                case "run", "attributes", "resources", "stages", "milestones", "measures" -> {
                    if (p instanceof YamlNode.Map pm && e.value() instanceof YamlNode.Map cm) {
                        for (YamlNode.Entry ce : cm.entries()) pm.put(ce.key(), ce.keyAt(), ce.value());
                    } else {
                        parent.put(e.key(), e.keyAt(), e.value());
                    }
                }
                case "arrivals" -> {
                    if (p instanceof YamlNode.Seq ps && e.value() instanceof YamlNode.Seq cs) {
                        for (YamlNode item : cs.items()) {
                            String name = item instanceof YamlNode.Map m ? RawRoutes.text(m, "name") : null;
                            int at = -1;
                            for (int i = 0; i < ps.items().size(); i++) {
                                if (name != null && ps.items().get(i) instanceof YamlNode.Map pm
                                        && name.equals(RawRoutes.text(pm, "name"))) at = i;
                            }
                            if (at >= 0) ps.items().set(at, item);
                            else ps.items().add(item);
                        }
                    } else {
                        parent.put(e.key(), e.keyAt(), e.value());
                    }
                }
                default -> parent.put(e.key(), e.keyAt(), e.value());
            }
        }
    }
}
