package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * How the changes of one load treat {@code from:}. A scenario with dated changes is loaded twice: once with every
 * change (the rules from the date on) and once with the dated changes left out (the rules before it), so that both
 * are read and checked by the same code as any scenario.
 */
final class Dating {
    /** What a dated change may set: a stage's fields or a resource's (what can switch part-way through a run). */
    static final List<String> SETTABLE = List.of("stages", "resources");

    final boolean applyDated;
    final ChangeDate fallback;
    final List<ChangeDate> found = new ArrayList<>();

    /**
     * @param applyDated whether dated changes are applied (false: the rules before the date)
     * @param fallback   the date of changes that carry none of their own (an experiment's {@code changes_from}), or
     *                   null
     */
    Dating(boolean applyDated, ChangeDate fallback) {
        this.applyDated = applyDated;
        this.fallback = fallback;
    }

    /** Every change applied, none dated unless it says so. */
    static Dating undated() {
        return new Dating(true, null);
    }

    /**
     * Reads a change's {@code from:} (a date, or a time such as {@code 5y}), or gives the fallback; null when the
     * change has no date.
     */
    ChangeDate of(Fields change, Problems problems) {
        return change.has("from") ? read(change, "from", problems) : fallback;
    }

    /** Reads a date or a time from the start written at {@code key} of {@code f}, or null after reporting why not. */
    static ChangeDate read(Fields f, String key, Problems problems) {
        YamlNode n = f.node(key);
        String text = n instanceof YamlNode.Scalar s ? s.text() : null;
        if (text != null && text.trim().matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
            java.time.LocalDate d = Values.date(n, f.path(key), problems);
            return d == null ? null : new ChangeDate(d, Double.NaN, n.at());
        }
        double days = Values.duration(n, f.path(key), problems, false);
        return Double.isNaN(days) ? null : new ChangeDate(null, days, n.at());
    }
}
