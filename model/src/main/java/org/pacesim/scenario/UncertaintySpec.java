package org.pacesim.scenario;

import java.util.List;

/**
 * An {@code uncertainty:} block: the assumed values to vary together, each over its range, and how many design
 * points of a Latin hypercube to run. Written in an experiment file, or in a scenario (and inherited by files that
 * extend it).
 *
 * <pre>
 * uncertainty:
 *   points: 100
 *   seed: 7
 *   vary:
 *     resources.legal_services.capacity: {uniform_int: [6, 10]}
 *     stages.legal_advice.scale: {triangular: [0.7, 1.0, 1.5]}
 *     stages.permanence_lar.next.cancelled_no_legal_advice.p: {beta: {mean: 0.38, sd: 0.08}}
 *   from_tags: {A: 30%}
 * </pre>
 *
 * @param points   design points
 * @param seed     the design's own seed, or 0 for the experiment's
 * @param vary     the values named in {@code vary}, in file order
 * @param fromTags the relative spread of every value tagged {@code # A} in the baseline and the files it extends
 *                 (0.3 for 30%), or NaN when not asked
 * @param at       where the block was written
 */
public record UncertaintySpec(int points, long seed, List<Varied> vary, double fromTags, Location at) {
    /** The most design points one run may have. */
    public static final int MAX_POINTS = 100_000;

    /** Whether the values tagged as assumed vary too. */
    public boolean varyTagged() {
        return !Double.isNaN(fromTags);
    }

    /**
     * One value that varies.
     *
     * @param name   how it is named in outputs: the path as written in {@code vary}, or the tagged value's path
     * @param target what in the scenario it sets
     * @param range  its range
     * @param at     where it was written (the {@code vary} entry, or the tagged line)
     */
    public record Varied(String name, Target target, ValueRange range, Location at) {}

    /** What a varied value sets. */
    public sealed interface Target {
        /**
         * What a path names: a route's probability by its label ({@code stages.S.next.LABEL.p}, with
         * {@code " (when CONDITION)"} after it for the route of a conditional group, as tagged values are named),
         * otherwise a field a {@code set} change addresses.
         */
        static Target of(String path) {
            String when = null;
            String p = path.trim();
            int w = p.indexOf(" (when ");
            if (w > 0 && p.endsWith(")")) {
                when = p.substring(w + 7, p.length() - 1).trim();
                p = p.substring(0, w).trim();
            }
            String[] parts = p.split("\\.");
            if (parts.length == 5 && parts[0].equals("stages") && parts[2].equals("next") && parts[4].equals("p")) {
                return new RouteShare(parts[1], parts[3], when);
            }
            return new Field(p);
        }

        /** A field a {@code set} change can address, e.g. {@code resources.legal_services.capacity}. */
        record Field(String path) implements Target {}

        /**
         * The probability of a labelled route; the other routes of its group are rescaled to keep the sum 1, as a
         * {@code route} change does.
         *
         * @param when the group's condition, or null for the routes without one
         */
        record RouteShare(String stage, String label, String when) implements Target {}

        /** Every duration of a stage, through its {@code scale}, as a {@code scale} change does. */
        record StageDurations(String stage) implements Target {}
    }

    /**
     * A value of a design point.
     *
     * @param varied what varies
     * @param value  the value drawn (a multiplier when the range is one)
     */
    public record Setting(Varied varied, double value) {}
}
