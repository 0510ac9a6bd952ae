package org.pacesim.scenario;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.pacesim.calendar.Dates;

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
 * '#' are comments. The file is read by {@link CsvTable}, so a spreadsheet's CSV is taken as saved (a byte order
 * mark, ';' between cells, quoted cells, blank rows at the end). A days cell may be a date instead (ISO or day first,
 * see {@link Dates}) when the scenario has run.start: the days are counted back from that date.
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
    private final LocalDate start;
    private int reported;

    CaseloadReader(Problems problems, Path baseDir, Consumer<String> fileRead, DistributionParser distributions,
                   Map<String, Attribute> attributes, Map<String, StageSpec> stages, Map<String, MilestoneSpec> milestones,
                   List<AppliedChange> changes, LocalDate start) {
        for (AppliedChange c : changes) if (c.stage() != null) removals.put(c.stage(), c);
        this.problems = problems;
        this.baseDir = baseDir;
        this.fileRead = fileRead;
        this.distributions = distributions;
        this.attributes = attributes;
        this.stages = stages;
        this.milestones = milestones;
        this.start = start;
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
        String file = path.toString();
        int before = problems.size();
        CsvTable table;
        try {
            table = CsvTable.read(path, file, problems, "caseload.file");
        } catch (CsvTable.Unreadable e) {
            Values.unreadable(f, "file", e, path, name, "the caseload's CSV file");
            return out;
        }
        fileRead.accept(file);
        List<String> known = new ArrayList<>(REQUIRED);
        known.addAll(attributes.keySet());
        for (String m : milestones.keySet()) if (!m.equals(MilestoneSpec.ARRIVAL)) known.add(SINCE + m);
        Map<String, Integer> col = table.columns(problems, "caseload.file", REQUIRED, known,
                String.join(",", REQUIRED) + " (then attributes and days_since_MILESTONE columns)");
        if (col == null) return out; // no header, or columns to fix first
        for (CsvTable.Row r : table.rows()) {
            if (out.size() >= MAX_CHILDREN) {
                problems.add(r.at(), "caseload.file", "more than " + MAX_CHILDREN + " rows",
                        "give a local authority's or a nation's caseload");
                break;
            }
            Caseload.Child c = row(r, table.header(), col);
            if (c != null) out.add(c);
        }
        if (table.rows().isEmpty() && reported == 0 && problems.size() == before) {
            problems.add(Location.of(file), "caseload.file", "the caseload file has a header but no children",
                    "add one row per child, or remove the caseload");
        }
        if (reported > MAX_REPORTED) {
            problems.add(Location.of(file), "caseload.file", (reported - MAX_REPORTED) + " more bad cells",
                    "fix the rows above and run again");
        }
        return out;
    }

    private Caseload.Child row(CsvTable.Row r, List<String> header, Map<String, Integer> col) {
        int before = reported;
        int idColumn = col.get(REQUIRED.get(0));
        int stageColumn = col.get(REQUIRED.get(1));
        int inStageColumn = col.get(REQUIRED.get(2));
        int sinceColumn = col.get(REQUIRED.get(3));
        String stage = r.cell(stageColumn);
        String placed = null;
        if (stage.isEmpty()) bad(r.at(stageColumn), "no stage", "name the stage the child is in");
        else placed = checkStage(stage, r.at(stageColumn));
        double inStage = days(r, inStageColumn, header);
        double since = days(r, sinceColumn, header);
        if (!Double.isNaN(inStage) && !Double.isNaN(since) && since < inStage) {
            bad(r.at(sinceColumn), "days_since_accommodation (" + r.cell(sinceColumn) + ") is less than days_in_stage ("
                    + r.cell(inStageColumn) + ")",
                    "a child has been looked after at least as long as they have been in their current stage");
        }
        Map<String, String> levels = new LinkedHashMap<>();
        Map<String, Double> ago = new LinkedHashMap<>();
        for (int k = 0; k < header.size(); k++) {
            String h = header.get(k);
            if (REQUIRED.contains(h) || r.cell(k).isEmpty()) continue;
            if (h.startsWith(SINCE) && milestones.containsKey(h.substring(SINCE.length()))) {
                double d = days(r, k, header);
                if (!Double.isNaN(d) && !Double.isNaN(since) && d > since) {
                    bad(r.at(k), h + " (" + r.cell(k) + ") is more than days_since_accommodation (" + r.cell(sinceColumn)
                            + ")", "a milestone of this placement cannot come before the child became looked after");
                }
                ago.put(h.substring(SINCE.length()), d);
            } else {
                checkLevel(h, r.cell(k), r.at(k));
                levels.put(h, r.cell(k));
            }
        }
        if (reported > before) return null;
        // A child in a stage that a change removed goes on to the stage after it, as one who has just entered it.
        return new Caseload.Child(r.at(), r.cell(idColumn), placed, placed.equals(stage) ? inStage : 0, since,
                Map.copyOf(levels), Map.copyOf(ago));
    }

    /**
     * A days cell: a number of days, a duration with a unit, or, with run.start, the date it happened (an extract
     * gives dates: the days are counted back from run.start, the date of the extract).
     */
    private double days(CsvTable.Row r, int k, List<String> header) {
        String text = r.cell(k);
        double d = text.isEmpty() ? Double.NaN : Durations.parseDuration(text);
        if (Double.isNaN(d) && !text.isEmpty() && looksLikeADate(text)) return daysBeforeStart(r, k, header.get(k));
        if (Double.isNaN(d) || d < 0 || Double.isInfinite(d)) {
            bad(r.at(k), header.get(k) + ": '" + text + "' is not a number of days of zero or more",
                    "write days (e.g. 120), a duration with a unit (e.g. 17w) or, with run.start, a date");
            return Double.NaN;
        }
        return d;
    }

    private static boolean looksLikeADate(String text) {
        return text.matches("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}.*");
    }

    private double daysBeforeStart(CsvTable.Row r, int k, String column) {
        String text = r.cell(k);
        LocalDate date;
        try {
            date = Dates.parse(text);
        } catch (IllegalArgumentException e) {
            bad(r.at(k), column + ": " + e.getMessage(), Dates.FORMS);
            return Double.NaN;
        }
        if (start == null) {
            bad(r.at(k), column + ": '" + text + "' is a date, and the scenario has no run.start to count days back"
                    + " from", "add run.start, the date of the extract (e.g. run: {start: 2026-04-01}), or write days");
            return Double.NaN;
        }
        long days = ChronoUnit.DAYS.between(date, start);
        if (days < 0) {
            bad(r.at(k), column + ": " + date + " is after run.start (" + start + ")",
                    "a caseload describes the children on the day the run starts; check the date or run.start");
            return Double.NaN;
        }
        return days;
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
        if (!s.kind().hasDuration()) {
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
}
