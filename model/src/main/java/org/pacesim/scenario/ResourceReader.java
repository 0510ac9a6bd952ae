package org.pacesim.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.calendar.Closure;

/**
 * Reads {@code resources: {adm: {capacity: 2, priority: {age_band: [under1]}, schedule: [...]}}}: capacities, who is
 * served first, and periods of other capacity (summer leave, a vacant post) from the scenario's calendar.
 */
final class ResourceReader {
    private final Problems problems;
    private final LocalDate start;
    private final CalendarSpec calendar;

    /**
     * @param start    the run's start date, or null (schedules need one)
     * @param calendar the scenario's calendar, or null (named closures come from it)
     */
    ResourceReader(Problems problems, LocalDate start, CalendarSpec calendar) {
        this.problems = problems;
        this.start = start;
        this.calendar = calendar;
    }

    /** The resources by name, in file order. Priority attributes are checked later, with the other names. */
    Map<String, ResourceSpec> read(YamlNode node) {
        Map<String, ResourceSpec> resources = new LinkedHashMap<>();
        if (node == null) return resources;
        Fields all = new Fields(node, "resources", problems);
        for (YamlNode.Entry e : all.map().entries()) {
            String path = "resources." + e.key();
            Fields f = new Fields(e.value(), path, problems);
            f.allow("capacity", "priority", "description", "schedule");
            int capacity = 1;
            if (!f.has("capacity")) {
                f.missing("capacity", "how many can work at once, e.g. capacity: 2");
            } else {
                capacity = (int) f.whole("capacity", 1, 1, 1_000_000,
                        "capacity must be a whole number of at least 1; to remove the limit use a delay stage instead");
            }
            String by = null;
            List<String> order = List.of();
            if (f.has("priority")) {
                Fields pf = new Fields(f.node("priority"), path + ".priority", problems);
                if (pf.map().keys().size() != 1) {
                    problems.add(pf.at(), pf.path(), "priority names one attribute and its levels, first served first",
                            "e.g. priority: {age_band: [under1, age1to4]}");
                } else {
                    YamlNode.Entry pe = pf.map().entries().iterator().next();
                    by = pe.key();
                    List<String> levels = new ArrayList<>();
                    if (pe.value() instanceof YamlNode.Seq s) {
                        for (YamlNode item : s.items()) {
                            if (item instanceof YamlNode.Scalar sc && sc.text() != null) levels.add(sc.text());
                        }
                    } else {
                        problems.add(pe.value().at(), pf.path() + "." + by, "expected a list of levels",
                                "e.g. [under1, age1to4]");
                    }
                    order = List.copyOf(levels);
                }
            }
            List<ResourceSpec.Period> schedule = f.has("schedule") ? schedule(f.node("schedule"), path + ".schedule")
                    : List.of();
            resources.put(e.key(), new ResourceSpec(e.key(), capacity, by, order, e.keyAt(), schedule));
        }
        return resources;
    }

    /** A resource's periods of other capacity. */
    private List<ResourceSpec.Period> schedule(YamlNode node, String path) {
        List<ResourceSpec.Period> out = new ArrayList<>();
        if (!(node instanceof YamlNode.Seq seq)) {
            problems.add(node.at(), path, "expected a list of periods", "e.g. schedule: [{from: 07-01, to: 08-31, capacity: 1}]");
            return out;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            String p = path + "[" + i + "]";
            Fields f = new Fields(seq.items().get(i), p, problems);
            f.allow("from", "to", "closure", "capacity", "description");
            if (!CalendarReader.needsStart(f, f.has("closure") ? "closure" : "from", start)) return out;
            int capacity = (int) f.whole("capacity", 0, 0, 1_000_000, "a whole number of servers, 0 or more");
            if (!f.has("capacity")) f.missing("capacity", "the servers during the period, e.g. capacity: 1");
            Closure when = null;
            if (f.has("closure")) {
                String name = f.text("closure", "");
                if (calendar == null) {
                    f.bad("closure", "closures come from the scenario's calendar, and it has none",
                            "add calendar: {file: calendars/scotland.yaml}");
                } else if (!calendar.holidays().closures().containsKey(name)) {
                    f.bad("closure", "'" + name + "' is not a closure of " + calendar.file(),
                            Names.hint(name, calendar.holidays().closures().keySet(), "closure"));
                } else {
                    when = calendar.holidays().closures().get(name);
                }
            } else {
                String from = f.requiredText("from", "the first day, e.g. from: 07-01 (every year) or 2027-01-01 (once)");
                String to = f.requiredText("to", "the last day, e.g. to: 08-31");
                when = CalendarReader.period(problems, f.at(), p, "", from, to);
            }
            if (when != null) out.add(new ResourceSpec.Period(when, capacity, f.at()));
        }
        for (int i = 0; i < out.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (overlap(out.get(i).when(), out.get(j).when())) {
                    problems.add(out.get(i).at(), path + "[" + i + "]", "this period overlaps period " + j,
                            "give each day at most one capacity: split or shorten the periods");
                }
            }
        }
        return out;
    }

    /** Whether two periods share a day, checked over a leap year and its neighbours (or the one-off dates). */
    private static boolean overlap(Closure a, Closure b) {
        LocalDate from = LocalDate.of(2023, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        if (a.fromDate() != null) {
            from = a.fromDate();
            to = a.toDate();
        } else if (b.fromDate() != null) {
            from = b.fromDate();
            to = b.toDate();
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (a.contains(d) && b.contains(d)) return true;
        }
        return false;
    }
}
