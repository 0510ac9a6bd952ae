package org.pacesim.records;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.calendar.Dates;
import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.Attribute;
import org.pacesim.scenario.CsvTable;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.MilestoneSpec;
import org.pacesim.scenario.Names;
import org.pacesim.scenario.Problems;
import org.pacesim.scenario.Scenario;

/**
 * Reads an authority's records (one row per child, a date per milestone) against a template scenario, and refuses
 * the file with every bad row listed, each with its line and column, when anything is wrong: an unknown column, a
 * date that cannot be read, dates out of the pathway's order for one child, a date after the as-of date, a
 * repeated id, an unknown attribute level or source. The contract is documented in {@code scenarios/README.md}
 * ("Records").
 */
public final class RecordsReader {
    /** The id column. */
    public static final String CHILD = "child";
    /** The arrival-source column. */
    public static final String SOURCE = "source";
    /** Bad cells listed before the rest are summed up in one line. */
    private static final int MAX_REPORTED = 40;
    private static final String SUBJECT = "records";

    private final Pathway pathway;
    private final Scenario scenario;
    private final Problems problems = new Problems();
    private int reported;

    /** A reader for records of the pathway's scenario. */
    public RecordsReader(Pathway pathway) {
        this.pathway = pathway;
        this.scenario = pathway.scenario();
    }

    /**
     * Reads and checks a records file.
     *
     * @param file    the file
     * @param shownAs the file as messages name it
     * @param asOf    the extraction date, or null for the latest date in the file
     * @param from    when the records start, or null
     * @throws InvalidInputException listing every problem, when there is any
     */
    public Records read(Path file, String shownAs, LocalDate asOf, LocalDate from) {
        CsvTable table;
        try {
            table = CsvTable.read(file, shownAs, problems, SUBJECT);
        } catch (CsvTable.Unreadable e) {
            throw new InvalidInputException(Location.of(shownAs), SUBJECT, e.getMessage(), e.fix());
        }
        return read(table, asOf, from);
    }

    /** Checks a records table already read (see {@link #read(Path, String, LocalDate, LocalDate)}). */
    public Records read(CsvTable table, LocalDate asOf, LocalDate from) {
        List<String> known = new ArrayList<>(List.of(CHILD));
        known.addAll(scenario.milestones().keySet());
        scenario.attributes().forEach(a -> known.add(a.name()));
        known.add(SOURCE);
        Map<String, Integer> col = table.columns(problems, SUBJECT, List.of(CHILD, MilestoneSpec.ARRIVAL), known,
                CHILD + "," + MilestoneSpec.ARRIVAL + ", then a column per recorded milestone");
        if (col == null) {
            problems.throwIfAny();
            throw new IllegalStateException("columns refused without a problem");
        }
        List<String> milestones = new ArrayList<>();
        for (String m : scenario.milestones().keySet()) if (col.containsKey(m)) milestones.add(m);
        milestones.remove(MilestoneSpec.ARRIVAL);
        milestones.add(0, MilestoneSpec.ARRIVAL);
        List<String> attributes = new ArrayList<>();
        for (Attribute a : scenario.attributes()) if (col.containsKey(a.name())) attributes.add(a.name());

        List<LocalDate[]> dates = new ArrayList<>();
        List<Records.Child> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int before = reported;
            String id = row.cell(col.get(CHILD));
            if (id.isEmpty()) bad(row.at(col.get(CHILD)), "no child id", "give every row a pseudonymous id, e.g. C000123");
            Integer seen = firstLine.putIfAbsent(id, row.line());
            if (!id.isEmpty() && seen != null) {
                bad(row.at(col.get(CHILD)), "child '" + id + "' appears again (first at line " + seen + ")",
                        "give each child one row, with the dates of every milestone it reached");
            }
            LocalDate[] d = new LocalDate[milestones.size()];
            for (int m = 0; m < d.length; m++) d[m] = date(row, col.get(milestones.get(m)), milestones.get(m));
            if (d[0] == null && row.cell(col.get(MilestoneSpec.ARRIVAL)).isEmpty()) {
                bad(row.at(col.get(MilestoneSpec.ARRIVAL)), "no arrival date", "give the date the child became "
                        + "looked after; a child who has not arrived has no row");
            }
            checkOrder(row, col, milestones, d);
            Map<String, String> levels = new LinkedHashMap<>();
            for (String a : attributes) {
                String level = row.cell(col.get(a));
                if (level.isEmpty()) continue;
                Attribute attribute = attribute(a);
                if (attribute.indexOf(level) < 0) {
                    bad(row.at(col.get(a)), "'" + level + "' is not a level of '" + a + "'",
                            Names.hint(level, attribute.levels(), "level"));
                }
                levels.put(a, level);
            }
            String source = col.containsKey(SOURCE) ? row.cell(col.get(SOURCE)) : "";
            if (!source.isEmpty() && scenario.arrivals().stream().noneMatch(s -> s.name().equals(source))) {
                bad(row.at(col.get(SOURCE)), "unknown arrival source '" + source + "'",
                        Names.hint(source, scenario.arrivals().stream().map(ArrivalSource::name).toList(), "source"));
            }
            if (reported > before) continue;
            dates.add(d);
            rows.add(new Records.Child(id, row.at(), null, Map.copyOf(levels), source.isEmpty() ? null : source));
        }
        LocalDate latest = null;
        LocalDate earliest = null;
        for (LocalDate[] d : dates) {
            for (LocalDate x : d) if (x != null && (latest == null || x.isAfter(latest))) latest = x;
            if (earliest == null || d[0].isBefore(earliest)) earliest = d[0];
        }
        if (rows.isEmpty() && reported == 0) {
            problems.add(Location.of(table.file()), SUBJECT, "no children", "add one row per child");
        }
        if (asOf != null && latest != null) checkAsOf(table, col, milestones, asOf);
        if (from != null && asOf != null && !from.isBefore(asOf)) {
            problems.add(Location.of(table.file()), SUBJECT, "--from " + from + " is not before --as-of " + asOf,
                    "records start before they are extracted");
        }
        if (reported > MAX_REPORTED) {
            problems.add(Location.of(table.file()), SUBJECT, (reported - MAX_REPORTED) + " more bad cells",
                    "fix the rows above and run again");
        }
        problems.throwIfAny();
        LocalDate origin = from != null ? from : earliest;
        List<Records.Child> children = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Records.Child c = rows.get(i);
            double[] days = new double[milestones.size()];
            Arrays.fill(days, Double.NaN);
            LocalDate[] d = dates.get(i);
            for (int m = 0; m < days.length; m++) if (d[m] != null) days[m] = d[m].toEpochDay() - origin.toEpochDay();
            children.add(new Records.Child(c.id(), c.at(), days, c.levels(), c.source()));
        }
        return new Records(table.file(), origin, asOf != null ? asOf : latest, from, milestones, attributes,
                col.containsKey(SOURCE), children);
    }

    private LocalDate date(CsvTable.Row row, int k, String milestone) {
        String text = row.cell(k);
        if (text.isEmpty()) return null;
        try {
            return Dates.parse(text);
        } catch (IllegalArgumentException e) {
            bad(row.at(k), milestone + ": " + e.getMessage(), Dates.FORMS + "; leave the cell empty when the "
                    + "milestone has not been reached");
            return null;
        }
    }

    /** Every pair of dates of one child must follow the pathway: a milestone that always comes first, does. */
    private void checkOrder(CsvTable.Row row, Map<String, Integer> col, List<String> milestones, LocalDate[] d) {
        for (int b = 0; b < d.length; b++) {
            if (d[b] == null) continue;
            for (int a = 0; a < d.length; a++) {
                if (d[a] == null || !d[b].isBefore(d[a]) || !pathway.precedes(milestones.get(a), milestones.get(b))) {
                    continue;
                }
                bad(row.at(col.get(milestones.get(b))), milestones.get(b) + " (" + d[b] + ") is before "
                        + milestones.get(a) + " (" + d[a] + "), which comes first on the pathway",
                        "correct one of the two dates");
                break;
            }
        }
    }

    /** No date may be after the extraction date: what happened after it was not known when it was extracted. */
    private void checkAsOf(CsvTable table, Map<String, Integer> col, List<String> milestones, LocalDate asOf) {
        for (CsvTable.Row row : table.rows()) {
            for (String m : milestones) {
                String text = row.cell(col.get(m));
                if (text.isEmpty()) continue;
                LocalDate d;
                try {
                    d = Dates.parse(text);
                } catch (IllegalArgumentException e) {
                    continue; // reported already
                }
                if (d.isAfter(asOf)) {
                    bad(row.at(col.get(m)), m + " (" + d + ") is after the as-of date " + asOf, "give the date the "
                            + "records were extracted with --as-of, or correct the date");
                }
            }
        }
    }

    private Attribute attribute(String name) {
        for (Attribute a : scenario.attributes()) if (a.name().equals(name)) return a;
        throw new IllegalArgumentException(name);
    }

    private void bad(Location at, String what, String fix) {
        if (reported++ < MAX_REPORTED) problems.add(at, SUBJECT, what, fix);
    }
}
