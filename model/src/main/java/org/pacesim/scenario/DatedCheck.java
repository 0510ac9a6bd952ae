package org.pacesim.scenario;

import java.util.List;
import java.util.Objects;

/**
 * Checks that a scenario's dated changes can take effect part-way through a run: one date for all of them, a date
 * that the run can place (a date needs {@code run.start} and may not come before it), and stages that stay what
 * they were (a stage cannot become another kind, a service cannot move to another resource, a fork keeps its
 * branches and an exit its outcome: children already there must be able to finish by the rules they started under).
 */
final class DatedCheck {
    private DatedCheck() {}

    /**
     * @param after  the scenario with every change
     * @param before the same files with the dated changes left out
     * @param dates  the date of each dated change, in the order applied
     * @return the rules before the date, to attach to {@code after}
     * @throws InvalidInputException listing every problem
     */
    static Scenario.Dated check(Scenario after, Scenario before, List<ChangeDate> dates) {
        Problems problems = new Problems();
        ChangeDate from = dates.get(0);
        for (ChangeDate d : dates) {
            if (!d.sameAs(from)) {
                problems.add(d.at(), "changes.from", "this change starts on " + d + " but another starts on " + from
                        + " (" + from.at() + "): the changes of one scenario take effect on one date",
                        "give them the same 'from:', or make a scenario of each date that extends the other");
            }
        }
        java.time.LocalDate start = after.run().start();
        if (from.date() != null && start == null) {
            problems.add(from.at(), "changes.from", "'from: " + from + "' is a date but the run has no start date",
                    "add run: {start: YYYY-MM-DD} (the date of day 0), or give a time from the start such as from: 2y");
        } else if (from.date() != null && from.date().isBefore(start)) {
            problems.add(from.at(), "changes.from", "'from: " + from + "' is before the run starts (" + start + ")",
                    "give a date on or after run.start; a change in force from the start needs no 'from:'");
        }
        for (StageSpec a : after.stages().values()) {
            StageSpec b = before.stages().get(a.name());
            String why = b == null ? null : incompatible(b, a);
            if (why != null) {
                problems.add(a.at(), "stages." + a.name(), "stage '" + a.name() + "' changes on " + from + " but " + why
                        + ": children already in it could not finish by the rules they started under",
                        "change its duration, routes or sittings only, or insert a new stage and remove this one");
            }
        }
        for (ResourceSpec a : after.resources().values()) {
            ResourceSpec b = before.resources().get(a.name());
            if (b != null && (!Objects.equals(a.priorityBy(), b.priorityBy())
                    || !Objects.equals(a.priorityOrder(), b.priorityOrder()))) {
                problems.add(a.at(), "resources." + a.name(), "the queue order of '" + a.name() + "' changes on " + from
                        + ": children already queued would be reordered", "change its capacity or schedule only");
            }
        }
        problems.throwIfAny();
        return new Scenario.Dated(from, before);
    }

    /** Why stage {@code b} cannot become {@code a} part-way through a run, or null when it can. */
    private static String incompatible(StageSpec b, StageSpec a) {
        if (a.kind() != b.kind()) return "it would become a " + a.kind() + " (it was a " + b.kind() + ")";
        if (a instanceof StageSpec.Service sa && !sa.resource().equals(((StageSpec.Service) b).resource())) {
            return "it would move to resource '" + sa.resource() + "'";
        }
        if (a instanceof StageSpec.Fork fa && !fa.branches().equals(((StageSpec.Fork) b).branches())) {
            return "its branches would change";
        }
        if (a instanceof StageSpec.Exit xa && !(xa.outcome().equals(((StageSpec.Exit) b).outcome())
                && Objects.equals(xa.order(), ((StageSpec.Exit) b).order()))) {
            return "its outcome would change";
        }
        return null;
    }
}
