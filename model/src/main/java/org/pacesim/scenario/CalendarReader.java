package org.pacesim.scenario;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.pacesim.calendar.Closure;
import org.pacesim.calendar.HolidayCalendar;
import org.pacesim.calendar.HolidayRule;

/**
 * Reads a scenario's {@code calendar: {file: calendars/scotland.yaml, closures: [council_festive_closure]}} and the
 * calendar file it names, with located messages for both.
 *
 * <pre>
 * name: Scotland
 * holidays:
 *   - {name: Christmas Day, date: 12-25, substitute: true}    # a fixed day; moves off weekends and other holidays
 *   - {name: Good Friday, easter: -2}                         # days after Easter Sunday
 *   - {name: Early May bank holiday, rule: first Monday of May, moved: {2020: 2020-05-08}}
 *   - {name: State funeral, on: 2022-09-19}                   # once
 * closures:
 *   council_festive_closure: {from: 12-24, to: 01-03}         # every year (may wrap the year end)
 *   office_move: {from: 2027-03-01, to: 2027-03-05}           # once
 * </pre>
 */
final class CalendarReader {
    /** How to write a period, for messages. */
    static final String PERIOD_HELP = "write month-days for every year (from: 07-01, to: 08-31) or dates for once "
            + "(from: 2027-01-01, to: 2027-06-30)";

    private final Problems problems;
    private final Path baseDir;
    private final Consumer<String> fileRead;

    CalendarReader(Problems problems, Path baseDir, Consumer<String> fileRead) {
        this.problems = problems;
        this.baseDir = baseDir;
        this.fileRead = fileRead;
    }

    /** The calendar, or null when the scenario has none (or after reporting a problem). */
    CalendarSpec read(YamlNode node, RunSettings run) {
        if (node == null) return null;
        Fields f = new Fields(node, "calendar", problems);
        f.allow("file", "closures", "description");
        if (run.start() == null) {
            problems.add(f.at(), "calendar", "a calendar needs the date the run starts",
                    "add run.start, e.g. run: {start: 2026-04-01}");
        }
        String name = f.requiredText("file", "name a calendar file, e.g. file: calendars/scotland.yaml");
        if (name == null) return null;
        Path path = Values.dataFile(f.node("file"), name, baseDir);
        HolidayCalendar holidays;
        try {
            holidays = calendar(YamlLoader.load(path, path.toString()));
        } catch (InvalidInputException e) {
            for (Problem p : e.problems()) problems.add(p);
            return null;
        }
        if (holidays == null) return null;
        fileRead.accept(path.toString());
        List<Closure> applied = new ArrayList<>();
        if (f.has("closures")) {
            if (f.node("closures") instanceof YamlNode.Seq seq) {
                for (YamlNode item : seq.items()) {
                    String c = item instanceof YamlNode.Scalar s ? s.text() : null;
                    Closure closure = c == null ? null : holidays.closures().get(c);
                    if (closure == null) {
                        problems.add(item.at(), "calendar.closures", "'" + c + "' is not a closure of " + name,
                                Names.hint(String.valueOf(c), holidays.closures().keySet(), "closure"));
                    } else {
                        applied.add(closure);
                    }
                }
            } else {
                f.bad("closures", "expected a list of closure names", "e.g. closures: [council_festive_closure]");
            }
        }
        return new CalendarSpec(name, holidays, List.copyOf(applied), f.at());
    }

    private HolidayCalendar calendar(YamlNode root) {
        int before = problems.size();
        Fields f = new Fields(root, "", problems);
        f.allow("name", "description", "holidays", "closures");
        String name = f.text("name", "calendar");
        List<HolidayRule> rules = new ArrayList<>();
        if (f.has("holidays")) {
            if (f.node("holidays") instanceof YamlNode.Seq seq) {
                for (int i = 0; i < seq.items().size(); i++) {
                    HolidayRule r = holiday(seq.items().get(i), "holidays[" + i + "]");
                    if (r != null) rules.add(r);
                }
            } else {
                f.bad("holidays", "expected a list of holidays", "e.g. holidays: [{name: Christmas Day, date: 12-25}]");
            }
        }
        Map<String, Closure> closures = new LinkedHashMap<>();
        if (f.has("closures")) {
            Fields cs = new Fields(f.node("closures"), "closures", problems);
            for (YamlNode.Entry e : cs.map().entries()) {
                Closure c = closure(e.key(), e.value(), "closures." + e.key());
                if (c != null) closures.put(e.key(), c);
            }
        }
        return problems.size() > before ? null : new HolidayCalendar(name, rules, closures);
    }

    private HolidayRule holiday(YamlNode node, String path) {
        Fields f = new Fields(node, path, problems);
        f.allow("name", "date", "substitute", "easter", "rule", "on", "moved");
        String name = f.requiredText("name", "name the holiday, e.g. name: Christmas Day");
        int kinds = (f.has("date") ? 1 : 0) + (f.has("easter") ? 1 : 0) + (f.has("rule") ? 1 : 0) + (f.has("on") ? 1 : 0);
        if (kinds != 1) {
            problems.add(f.at(), path, "a holiday has exactly one of date, easter, rule or on", "e.g. {name: Christmas "
                    + "Day, date: 12-25, substitute: true}, {name: Good Friday, easter: -2}, {name: Early May bank "
                    + "holiday, rule: first Monday of May} or {name: Coronation, on: 2023-05-08}");
            return null;
        }
        HolidayRule rule = null;
        if (f.has("date")) {
            MonthDay md = monthDay(f.node("date"), path + ".date");
            boolean substitute = "true".equals(f.text("substitute", "false"));
            if (md != null) rule = new HolidayRule.Fixed(name, md, substitute);
        } else if (f.has("easter")) {
            rule = new HolidayRule.Easter(name, (int) f.whole("easter", 0, -60, 60, "days after Easter Sunday, e.g. -2"));
        } else if (f.has("rule")) {
            rule = HolidayRule.nthWeekday(name, f.text("rule", ""));
            if (rule == null) {
                f.bad("rule", "'" + f.text("rule", "") + "' is not a rule this tool reads",
                        "write e.g. first Monday of May (first, second, third, fourth or last)");
            }
        } else {
            LocalDate d = Values.date(f.node("on"), path + ".on", problems);
            if (d != null) rule = new HolidayRule.OneOff(name, d);
        }
        if (rule != null && f.has("moved")) {
            Map<Integer, LocalDate> moved = new LinkedHashMap<>();
            Fields mf = new Fields(f.node("moved"), path + ".moved", problems);
            for (YamlNode.Entry e : mf.map().entries()) {
                LocalDate d = Values.date(e.value(), path + ".moved." + e.key(), problems);
                if (d == null) continue;
                if (!e.key().equals(String.valueOf(d.getYear()))) {
                    problems.add(e.keyAt(), path + ".moved", "the year " + e.key() + " and the date " + d
                            + " disagree", "write e.g. moved: {2020: 2020-05-08}");
                } else {
                    moved.put(d.getYear(), d);
                }
            }
            rule = new HolidayRule.Moved(rule, Map.copyOf(moved));
        }
        return rule;
    }

    private Closure closure(String name, YamlNode node, String path) {
        Fields f = new Fields(node, path, problems);
        f.allow("from", "to", "description");
        String from = f.requiredText("from", "the first day, e.g. from: 12-24 (every year) or from: 2027-03-01 (once)");
        String to = f.requiredText("to", "the last day, e.g. to: 01-03");
        return period(problems, f.at(), path, name, from, to);
    }

    /** A period from its first and last day (month-days every year, or dates once); null after reporting. */
    static Closure period(Problems problems, Location at, String path, String name, String from, String to) {
        if (from == null || to == null) return null;
        try {
            return Closure.parse(name, from, to);
        } catch (IllegalArgumentException e) {
            problems.add(at, path, e.getMessage(), PERIOD_HELP);
            return null;
        }
    }

    /**
     * Whether the run has a start date, which {@code key} needs (a calendar rule, a schedule, a rate by month);
     * reports that it is missing when not.
     */
    static boolean needsStart(Fields f, String key, LocalDate start) {
        if (start != null) return true;
        f.bad(key, "'" + key + "' needs the date the run starts", "add run.start, e.g. run: {start: 2026-04-01}");
        return false;
    }

    private MonthDay monthDay(YamlNode n, String path) {
        String text = n instanceof YamlNode.Scalar s ? s.text() : null;
        try {
            if (text != null) return MonthDay.parse("--" + text.trim());
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(n.at(), path, "expected a month and day, found " + (text == null ? n.describe() : "'" + text + "'"),
                "write month-day, e.g. 12-25");
        return null;
    }
}
