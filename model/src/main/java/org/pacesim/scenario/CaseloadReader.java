package org.pacesim.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a scenario's {@code caseload:} section and its CSV file, reporting every bad row and cell with its file, line
 * and column. Runs after stages, attributes and milestones are read, so that names can be checked here.
 *
 * <pre>
 * caseload:
 *   file: data/caseload-la-example.csv     # one row per child
 *   counts:                                # or counts per stage, when only aggregates are known
 *     - {stage: form_e, count: 12, in_stage: {uniform: [0, 16w]}, since_accommodation: {uniform: [26w, 2y]},
 *        attributes: {age_band: under1}}
 * </pre>
 *
 * The CSV has a header row: {@code child, stage, days_in_stage, days_since_accommodation}, then optional columns named
 * after attributes (a level per row; a column left out, or a blank cell, is drawn from the scenario's shares) and
 * {@code days_since_MILESTONE} columns for milestones already reached (blank when not reached). Lines starting with
 * '#' are comments.
 */
final class CaseloadReader {
    /** Rows refused up front: a caseload is a local authority's or a nation's children, not millions. */
    static final int MAX_CHILDREN = 1_000_000;
    static final List<String> REQUIRED = List.of("child", "stage", "days_in_stage", "days_since_accommodation");
    private static final String SINCE = "days_since_";
    private static final int MAX_REPORTED = 20;

    private final Problems problems;
    private final Path baseDir;
    private final Consumer<String> fileRead;
    private final DistributionParser distributions;
    private final Map<String, Attribute> attributes;
    private final Map<String, StageSpec> stages;
    private final Map<String, MilestoneSpec> milestones;
    private final Map<String, AppliedChange> removals = new LinkedHashMap<>();
    private int reported;

    CaseloadReader(Problems problems, Path baseDir, Consumer<String> fileRead, DistributionParser distributions,
                   Map<String, Attribute> attributes, Map<String, StageSpec> stages, Map<String, MilestoneSpec> milestones,
                   List<AppliedChange> changes) {
        for (AppliedChange c : changes) if (c.stage() != null) removals.put(c.stage(), c);
        this.problems = problems;
        this.baseDir = baseDir;
        this.fileRead = fileRead;
        this.distributions = distributions;
        this.attributes = attributes;
        this.stages = stages;
        this.milestones = milestones;
    }

    /** The caseload, or null when the scenario has none. */
    Caseload read(YamlNode node) {
        if (node == null) return null;
        Fields f = new Fields(node, "caseload", problems);
        f.allow("file", "counts", "description");
        if (!f.has("file") && !f.has("counts")) {
            problems.add(f.at(), "caseload", "an empty caseload", "name a CSV file (file: data/caseload.csv) or give "
                    + "counts per stage (counts: [{stage: form_e, count: 12, in_stage: {uniform: [0, 16w]}, "
                    + "since_accommodation: {uniform: [26w, 2y]}}])");
            return null;
        }
        String file = f.text("file", null);
        List<Caseload.Child> children = file == null ? List.of() : readFile(f, file);
        List<Caseload.Group> groups = f.has("counts") ? readCounts(f.node("counts")) : List.of();
        int total = children.size() + groups.stream().mapToInt(Caseload.Group::count).sum();
        if (total > MAX_CHILDREN) {
            problems.add(f.at(), "caseload", "a caseload of " + total + " children is more than this tool takes ("
                    + MAX_CHILDREN + ")", "give a local authority's or a nation's caseload");
        }
        return new Caseload(file, List.copyOf(children), List.copyOf(groups), f.at());
    }

    // ---------------------------------------------------------------- counts

    private List<Caseload.Group> readCounts(YamlNode node) {
        List<Caseload.Group> out = new ArrayList<>();
        if (!(node instanceof YamlNode.Seq seq)) {
            problems.add(node.at(), "caseload.counts", "expected a list of counts per stage",
                    "e.g. counts: [{stage: form_e, count: 12, in_stage: {uniform: [0, 16w]}, since_accommodation: 1y}]");
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            String path = "caseload.counts[" + i + "]";
            Fields g = new Fields(seq.items().get(i), path, problems);
            g.allow("stage", "count", "in_stage", "since_accommodation", "attributes");
            String stage = g.requiredText("stage", "the stage these children are in, e.g. stage: form_e");
            int count = (int) g.whole("count", 0, 0, MAX_CHILDREN, "a whole number of children, e.g. count: 12");
            if (!g.has("count")) g.missing("count", "how many children are in the stage, e.g. count: 12");
            DistributionSpec inStage = g.has("in_stage") ? distributions.parse(g.node("in_stage"), path + ".in_stage") : null;
            if (!g.has("in_stage")) {
                g.missing("in_stage", "how long they have been in the stage, e.g. in_stage: {uniform: [0, 16w]}");
            }
            DistributionSpec since = g.has("since_accommodation")
                    ? distributions.parse(g.node("since_accommodation"), path + ".since_accommodation") : null;
            if (!g.has("since_accommodation")) {
                g.missing("since_accommodation", "how long since they became looked after, e.g. "
                        + "since_accommodation: {uniform: [26w, 2y]}");
            }
            Map<String, String> levels = new LinkedHashMap<>();
            if (g.has("attributes")) {
                Fields af = new Fields(g.node("attributes"), path + ".attributes", problems);
                for (YamlNode.Entry e : af.map().entries()) {
                    String level = e.value() instanceof YamlNode.Scalar s ? s.text() : null;
                    checkLevel(e.key(), level, e.keyAt());
                    levels.put(e.key(), level);
                }
            }
            String at = stage == null ? null : checkStage(stage, g.at("stage"));
            if (at != null && !at.equals(stage)) inStage = new DistributionSpec.Fixed(0); // just moved on
            out.add(new Caseload.Group(g.at(), at, count, inStage, since, Map.copyOf(levels)));
        }
        return out;
    }

    // ---------------------------------------------------------------- the CSV file

    private List<Caseload.Child> readFile(Fields f, String name) {
        List<Caseload.Child> out = new ArrayList<>();
        Path path = Values.dataFile(f.node("file"), name, baseDir);
        if (Files.isDirectory(path)) {
            f.bad("file", "'" + name + "' is a directory", "name the caseload's CSV file, relative to this scenario file");
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            f.bad("file", "'" + name + "' is not UTF-8 text", "save the file as UTF-8 CSV");
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            f.bad("file", "cannot read '" + name + "' (" + (Files.exists(path) ? "unreadable" : "no such file") + ")",
                    "name the caseload's CSV file, relative to this scenario file");
            return out;
        }
        fileRead.accept(path.toString());
        String file = path.toString();
        String[] header = null;
        int[] col = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            String[] cells = split(line);
            if (header == null) {
                header = cells;
                col = columns(header, line, file, i + 1);
                if (col == null) return out;
                continue;
            }
            if (out.size() >= MAX_CHILDREN) {
                problems.add(new Location(file, i + 1, 1), "caseload.file", "more than " + MAX_CHILDREN + " rows",
                        "give a local authority's or a nation's caseload");
                break;
            }
            Caseload.Child c = row(cells, header, col, line, file, i + 1);
            if (c != null) out.add(c);
        }
        if (header == null) {
            problems.add(Location.of(file), "caseload.file", "the caseload file has no header row",
                    "start with: " + String.join(",", REQUIRED));
        } else if (out.isEmpty() && reported == 0) {
            problems.add(Location.of(file), "caseload.file", "the caseload file has a header but no children",
                    "add one row per child, or remove the caseload");
        }
        if (reported > MAX_REPORTED) {
            problems.add(Location.of(file), "caseload.file", (reported - MAX_REPORTED) + " more bad cells",
                    "fix the rows above and run again");
        }
        return out;
    }

    /** Column index of each required column, or null after reporting what is missing. */
    private int[] columns(String[] header, String text, String file, int line) {
        int[] col = new int[REQUIRED.size()];
        boolean ok = true;
        List<String> known = new ArrayList<>(REQUIRED);
        known.addAll(attributes.keySet());
        for (String m : milestones.keySet()) if (!m.equals(MilestoneSpec.ARRIVAL)) known.add(SINCE + m);
        for (int k = 0; k < REQUIRED.size(); k++) {
            col[k] = indexOf(header, REQUIRED.get(k));
            if (col[k] < 0) {
                problems.add(new Location(file, line, 1), "caseload.file", "the header has no column '" + REQUIRED.get(k)
                        + "'", "the header starts: " + String.join(",", REQUIRED) + " (then attributes and days_since_"
                        + "MILESTONE columns)");
                ok = false;
            }
        }
        for (int k = 0; k < header.length; k++) {
            String h = header[k];
            if (!known.contains(h)) {
                problems.add(new Location(file, line, column(text, k)), "caseload.file", "unknown column '" + h + "'",
                        Names.hint(h, known, "column"));
                ok = false;
            }
            for (int j = 0; j < k; j++) {
                if (header[j].equals(h)) {
                    problems.add(new Location(file, line, column(text, k)), "caseload.file", "column '" + h
                            + "' appears twice", "keep one of them");
                    ok = false;
                }
            }
        }
        return ok ? col : null;
    }

    private Caseload.Child row(String[] cells, String[] header, int[] col, String line, String file, int n) {
        if (cells.length != header.length) {
            bad(new Location(file, n, 1), "row has " + cells.length + " cells but the header has " + header.length,
                    "give one cell per column (leave a cell empty for 'not known'); commas inside a cell are not allowed");
            return null;
        }
        int before = reported;
        String id = cells[col[0]];
        String stage = cells[col[1]];
        Location stageAt = new Location(file, n, column(line, col[1]));
        String placed = null;
        if (stage.isEmpty()) bad(stageAt, "no stage", "name the stage the child is in");
        else placed = checkStage(stage, stageAt);
        double inStage = days(cells, col[2], file, n, line, header);
        double since = days(cells, col[3], file, n, line, header);
        if (!Double.isNaN(inStage) && !Double.isNaN(since) && since < inStage) {
            bad(new Location(file, n, column(line, col[3])), "days_since_accommodation (" + cells[col[3]]
                    + ") is less than days_in_stage (" + cells[col[2]] + ")",
                    "a child has been looked after at least as long as they have been in their current stage");
        }
        Map<String, String> levels = new LinkedHashMap<>();
        Map<String, Double> ago = new LinkedHashMap<>();
        for (int k = 0; k < header.length; k++) {
            String h = header[k];
            if (REQUIRED.contains(h) || cells[k].isEmpty()) continue;
            if (h.startsWith(SINCE) && milestones.containsKey(h.substring(SINCE.length()))) {
                double d = days(cells, k, file, n, line, header);
                if (!Double.isNaN(d) && !Double.isNaN(since) && d > since) {
                    bad(new Location(file, n, column(line, k)), h + " (" + cells[k] + ") is more than "
                            + "days_since_accommodation (" + cells[col[3]] + ")",
                            "a milestone of this placement cannot come before the child became looked after");
                }
                ago.put(h.substring(SINCE.length()), d);
            } else {
                checkLevel(h, cells[k], new Location(file, n, column(line, k)));
                levels.put(h, cells[k]);
            }
        }
        if (reported > before) return null;
        // A child in a stage that a change removed goes on to the stage after it, as one who has just entered it.
        return new Caseload.Child(new Location(file, n, 1), id, placed, placed.equals(stage) ? inStage : 0, since,
                Map.copyOf(levels), Map.copyOf(ago));
    }

    private double days(String[] cells, int k, String file, int n, String line, String[] header) {
        String text = cells[k];
        double d = text.isEmpty() ? Double.NaN : Durations.parseDuration(text);
        if (Double.isNaN(d) || d < 0 || Double.isInfinite(d)) {
            bad(new Location(file, n, column(line, k)), header[k] + ": '" + text + "' is not a number of days of "
                    + "zero or more", "write days (e.g. 120) or a duration with a unit (e.g. 17w)");
            return Double.NaN;
        }
        return d;
    }

    /**
     * The stage a caseload child is placed in: the one named, or for a stage removed by a change, the stage its
     * children go on to. Null after reporting a problem.
     */
    private String checkStage(String stage, Location at) {
        String name = stage;
        for (int hops = 0; !stages.containsKey(name) && removals.containsKey(name) && hops <= removals.size(); hops++) {
            AppliedChange r = removals.get(name);
            if (r.bypassTo() == null) {
                bad(at, "stage '" + name + "' is removed by the change at " + r.at() + " and leads on to several "
                        + "stages, so its caseload children cannot be moved on", "place these children in the stage"
                        + " they would go to next, in a copy of the caseload for this scenario");
                return null;
            }
            name = r.bypassTo();
        }
        StageSpec s = stages.get(name);
        if (s == null) {
            bad(at, "unknown stage '" + stage + "'", Names.hint(stage, stages.keySet(), "stage"));
            return null;
        }
        if (!(s instanceof StageSpec.Delay || s instanceof StageSpec.Service || s instanceof StageSpec.Meeting)) {
            bad(at, "a child cannot be waiting in " + s.kind() + " '" + name + "'", "place the child in the delay, "
                    + "service or meeting stage they are in (a " + s.kind() + " takes no time)");
            return null;
        }
        return name;
    }

    private void checkLevel(String attribute, String level, Location at) {
        AttributeLevels.Mistake m = AttributeLevels.check(attributes, attribute, level);
        if (m != null) bad(at, m.what(), m.fix());
    }

    private void bad(Location at, String what, String fix) {
        if (reported++ < MAX_REPORTED) problems.add(at, "caseload", what, fix);
    }

    private static int indexOf(String[] header, String name) {
        for (int k = 0; k < header.length; k++) if (header[k].equals(name)) return k;
        return -1;
    }

    /** The 1-based column where cell {@code k} of a line starts. */
    private static int column(String line, int k) {
        int at = 0;
        for (int j = 0; j < k && at >= 0; j++) at = line.indexOf(',', at) + 1;
        return Math.max(at, 0) + 1;
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int k = 0; k < cells.length; k++) cells[k] = cells[k].strip().replace("\"", "");
        return cells;
    }
}
