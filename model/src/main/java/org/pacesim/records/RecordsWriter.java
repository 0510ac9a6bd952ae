package org.pacesim.records;

import java.time.LocalDate;
import java.util.List;

import org.pacesim.scenario.MilestoneSpec;

/**
 * Writes records in the format {@link RecordsReader} reads: a header {@code child, arrival, MILESTONE..., ATTRIBUTE...,
 * source}, then one row per child with ISO dates, a blank where a milestone was not reached by the as-of day.
 */
public final class RecordsWriter {
    /** The start date used when a scenario gives none ({@code run.start}): day 0 of the run. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2024, 1, 1);

    private RecordsWriter() {}

    /**
     * One simulated child.
     *
     * @param number  the child's number, written as a pseudonymous id {@code C000123}
     * @param days    per milestone, the day of the run it was reached, NaN when not reached
     * @param levels  per attribute, its level
     * @param source  the arrival source
     */
    public record Row(long number, double[] days, List<String> levels, String source) {}

    /**
     * The CSV text.
     *
     * @param comment    lines written first, each as a {@code #} comment (e.g. that the data are synthetic)
     * @param start      the date of day 0
     * @param asOfDay    the day the records are extracted: later milestones are left blank, later arrivals out
     * @param milestones milestone names, in the order of each row's days ({@code arrival} among them)
     * @param attributes attribute names, in the order of each row's levels
     * @param rows       the children
     */
    public static String csv(List<String> comment, LocalDate start, double asOfDay, List<String> milestones,
                             List<String> attributes, List<Row> rows) {
        StringBuilder s = new StringBuilder();
        for (String c : comment) s.append("# ").append(c).append('\n');
        int arrival = milestones.indexOf(MilestoneSpec.ARRIVAL);
        s.append(RecordsReader.CHILD).append(',').append(MilestoneSpec.ARRIVAL);
        for (String m : milestones) if (!m.equals(MilestoneSpec.ARRIVAL)) s.append(',').append(m);
        for (String a : attributes) s.append(',').append(a);
        s.append(',').append(RecordsReader.SOURCE).append('\n');
        for (Row r : rows) {
            if (!(r.days()[arrival] <= asOfDay)) continue;
            s.append(String.format("C%06d", r.number())).append(',').append(date(start, r.days()[arrival], asOfDay));
            for (int m = 0; m < milestones.size(); m++) {
                if (m != arrival) s.append(',').append(date(start, r.days()[m], asOfDay));
            }
            for (String level : r.levels()) s.append(',').append(level);
            s.append(',').append(r.source()).append('\n');
        }
        return s.toString();
    }

    /** The date of a day of the run (the day it falls in), or blank when not reached by the as-of day. */
    private static String date(LocalDate start, double day, double asOfDay) {
        if (Double.isNaN(day) || day > asOfDay) return "";
        return start.plusDays((long) Math.floor(day)).toString();
    }
}
