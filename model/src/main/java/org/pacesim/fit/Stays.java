package org.pacesim.fit;

import java.util.ArrayList;
import java.util.List;

import org.pacesim.records.Records;

/**
 * Each child's stay in a readable stage, from its records: when it entered (the entry milestone plus the fixed and
 * {@code until} stages on the way), when it left and by which way out, or that it was still there at the as-of date
 * (right-censored). With {@code --from}, a stay that began before the records start is counted from then
 * (left-truncated), and one that ended before then is not seen at all.
 */
final class Stays {
    private Stays() {}

    /**
     * A child's stay.
     *
     * @param child  the child's row
     * @param result the spell and, when it ended, the label of the way out
     */
    record Stay(Records.Child child, CompetingRisks.Case<String> result) {}

    /** The stays in one stage, in file order. */
    static List<Stay> of(Readings.Reading reading, Records records) {
        List<Stay> out = new ArrayList<>();
        double asOf = records.asOfDay();
        double from = records.from() == null ? Double.NEGATIVE_INFINITY : records.fromDay();
        int entryCol = records.milestone(reading.entry().milestone());
        for (Records.Child c : records.children()) {
            if (!reading.sources().isEmpty() && records.hasSource() && !reading.sources().contains(c.source())) continue;
            double enter = c.day(entryCol);
            if (Double.isNaN(enter)) continue;
            for (Readings.Step s : reading.entry().steps()) {
                if (s.milestone() == null) {
                    enter += s.days();
                } else {
                    double m = c.day(records.milestone(s.milestone()));
                    if (!Double.isNaN(m)) enter = Math.max(enter, m + s.days());
                }
            }
            if (enter > asOf) continue; // not yet in the stage when the records were extracted
            double leave = Double.NaN;
            String cause = null;
            for (Readings.Leaving l : reading.leavings()) {
                if (l.milestone() == null) continue;
                double d = c.day(records.milestone(l.milestone()));
                if (d >= enter && !(d >= leave)) {
                    leave = d;
                    cause = l.label();
                }
            }
            if (reading.whole() != null) {
                double d = c.day(records.milestone(reading.whole()));
                if (d >= enter && !(d >= leave)) {
                    leave = d;
                    cause = unmarked(reading);
                }
            }
            if (!Double.isNaN(leave) && leave < from) continue; // over before the records start
            boolean ended = !Double.isNaN(leave);
            double end = ended ? leave : asOf;
            double entered = enter < from ? from - enter : 0;
            Spell spell = new Spell(end - enter, ended, entered);
            out.add(new Stay(c, new CompetingRisks.Case<>(spell, ended ? (cause == null ? "left" : cause) : null)));
        }
        return out;
    }

    /** The label of the one way out read by elimination, or null when every way out has a marker. */
    private static String unmarked(Readings.Reading reading) {
        for (Readings.Leaving l : reading.leavings()) if (l.milestone() == null) return l.label();
        return null;
    }

    /** The spells alone. */
    static List<Spell> spells(List<Stay> stays) {
        return stays.stream().map(s -> s.result().spell()).toList();
    }
}
