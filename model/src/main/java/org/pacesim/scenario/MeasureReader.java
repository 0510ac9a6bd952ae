package org.pacesim.scenario;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code measures:}, the intervals between milestones that results report ({@code from}, {@code to}, a
 * target, a condition, calendar or working days), with the built-in {@code time_to_permanence}.
 */
final class MeasureReader {
    private final Problems problems;
    private final Map<String, Attribute> attributes;
    private final String file;
    private final LocalDate start;
    /** The {@code label:} of each measure that has one. */
    private final Map<String, String> labels = new LinkedHashMap<>();

    /**
     * @param file  the scenario file, where the built-in measure is said to be declared
     * @param start the run's start date, or null (working days need one)
     */
    MeasureReader(Problems problems, Map<String, Attribute> attributes, String file, LocalDate start) {
        this.problems = problems;
        this.attributes = attributes;
        this.file = file;
        this.start = start;
    }

    /** The {@code label:}s read, by measure name: the names reports show instead of the ids. */
    Map<String, String> labels() {
        return labels;
    }

    /** The measures by name, {@code time_to_permanence} first when built in. */
    Map<String, MeasureSpec> read(YamlNode node, Map<String, MilestoneSpec> milestones) {
        Map<String, MeasureSpec> measures = new LinkedHashMap<>();
        if (node != null) {
            Fields all = new Fields(node, "measures", problems);
            for (YamlNode.Entry e : all.map().entries()) {
                String path = "measures." + e.key();
                Fields f = new Fields(e.value(), path, problems);
                f.allow("from", "to", "target", "when", "label", "description", "count");
                String label = f.text("label", "");
                if (!label.isBlank()) labels.put(e.key(), label.trim());
                boolean working = false;
                if (f.has("count")) {
                    String count = f.text("count", "");
                    if (count.equals("working_days")) working = true;
                    else if (!count.equals("calendar_days")) {
                        f.bad("count", "'" + count + "' is not a way to count", "count: working_days (a statutory"
                                + " clock) or count: calendar_days (the default)");
                    }
                    if (working && start == null) {
                        f.bad("count", "counting working days needs the date the run starts",
                                "add run.start, e.g. run: {start: 2026-04-01}");
                    }
                }
                String from = f.requiredText("from", "the milestone the interval starts at, e.g. from: arrival");
                String to = f.requiredText("to", "the milestone the interval ends at, e.g. to: adm_decision");
                double target = !f.has("target") ? Double.NaN
                        : working ? workingTarget(f) : f.duration("target", Double.NaN, true);
                Condition when = f.has("when")
                        ? ConditionParser.parse(f.node("when"), path + ".when", attributes, problems) : null;
                if (when != null && when.age() != null) {
                    // A measure's children are chosen once, on what they are, not on an age that changes daily.
                    f.bad("when", "a measure cannot choose its children by their age now",
                            "choose them by the age band they arrived in, e.g. when: age_band == \"under1\"");
                    when = null;
                }
                measures.put(e.key(), new MeasureSpec(e.key(), f.text("description", ""), from, to, target, when,
                        e.keyAt(), working));
            }
        }
        if (milestones.containsKey(MilestoneSpec.PERMANENCE) && !measures.containsKey(MeasureSpec.TIME_TO_PERMANENCE)) {
            LinkedHashMap<String, MeasureSpec> withBuiltIn = new LinkedHashMap<>();
            withBuiltIn.put(MeasureSpec.TIME_TO_PERMANENCE, new MeasureSpec(MeasureSpec.TIME_TO_PERMANENCE,
                    "from becoming looked after to legal permanence", MilestoneSpec.ARRIVAL, MilestoneSpec.PERMANENCE,
                    Double.NaN, null, Location.of(file)));
            withBuiltIn.putAll(measures);
            return withBuiltIn;
        }
        return measures;
    }

    private double workingTarget(Fields f) {
        String text = f.text("target", "");
        double days = Durations.workingDays(text);
        if (!(days > 0)) {
            f.bad("target", "a measure that counts working days has its target in working days (got '" + text + "')",
                    "e.g. target: 70wd");
            return Double.NaN;
        }
        return days * 7.0 / 5.0; // stored as for every working-day measure: x 7/5
    }
}
