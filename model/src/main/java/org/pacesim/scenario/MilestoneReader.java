package org.pacesim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code milestones:}, the moments measures count between ({@code {enter: STAGE}}, {@code {exit: STAGE}},
 * {@code {outcome: O}}), with the built-in {@code arrival}, and {@code permanence} when an exit has that outcome.
 */
final class MilestoneReader {
    private final Problems problems;
    private final String file;

    /** @param file the scenario file, where the built-in milestones are said to be declared */
    MilestoneReader(Problems problems, String file) {
        this.problems = problems;
        this.file = file;
    }

    /** The milestones by name: {@code arrival} first, then those declared, then {@code permanence} if built in. */
    Map<String, MilestoneSpec> read(YamlNode node, Map<String, StageSpec> stages) {
        Map<String, MilestoneSpec> milestones = new LinkedHashMap<>();
        milestones.put(MilestoneSpec.ARRIVAL, new MilestoneSpec(MilestoneSpec.ARRIVAL, MilestoneSpec.Event.ARRIVAL,
                null, null, null, false, Location.of(file)));
        if (node != null) {
            Fields all = new Fields(node, "milestones", problems);
            for (YamlNode.Entry e : all.map().entries()) {
                String path = "milestones." + e.key();
                if (e.key().equals(MilestoneSpec.ARRIVAL)) {
                    problems.add(e.keyAt(), path, "'arrival' is built in and cannot be redefined", "choose another name");
                    continue;
                }
                Fields f = new Fields(e.value(), path, problems);
                f.allow("enter", "exit", "outcome", "label", "occurrence", "description");
                int kinds = (f.has("enter") ? 1 : 0) + (f.has("exit") ? 1 : 0) + (f.has("outcome") ? 1 : 0);
                if (kinds != 1) {
                    problems.add(f.at(), path, "a milestone is exactly one of {enter: STAGE}, {exit: STAGE} or {outcome: O}",
                            "e.g. adm_decision: {exit: adm}");
                    continue;
                }
                String occurrence = f.text("occurrence", "first");
                if (!occurrence.equals("first") && !occurrence.equals("last")) {
                    f.bad("occurrence", "occurrence is 'first' or 'last' (got '" + occurrence + "')",
                            "write occurrence: first (the default) or occurrence: last");
                }
                boolean last = occurrence.equals("last");
                if (f.has("label") && !f.has("exit")) {
                    f.bad("label", "'label' only applies to {exit: STAGE} milestones", "remove the label, or use exit:");
                }
                MilestoneSpec.Event ev = f.has("enter") ? MilestoneSpec.Event.ENTER
                        : f.has("exit") ? MilestoneSpec.Event.EXIT : MilestoneSpec.Event.OUTCOME;
                String stage = ev == MilestoneSpec.Event.OUTCOME ? null : f.text(ev == MilestoneSpec.Event.ENTER ? "enter" : "exit", null);
                String outcome = ev == MilestoneSpec.Event.OUTCOME ? f.text("outcome", null) : null;
                milestones.put(e.key(), new MilestoneSpec(e.key(), ev, stage, f.text("label", null), outcome, last, e.keyAt()));
            }
        }
        boolean hasPermanence = stages.values().stream()
                .anyMatch(s -> s instanceof StageSpec.Exit x && x.outcome().equals("permanence"));
        if (hasPermanence && !milestones.containsKey(MilestoneSpec.PERMANENCE)) {
            milestones.put(MilestoneSpec.PERMANENCE, new MilestoneSpec(MilestoneSpec.PERMANENCE,
                    MilestoneSpec.Event.OUTCOME, null, null, "permanence", false, Location.of(file)));
        }
        return milestones;
    }
}
