package org.pacesim.scenario;

/**
 * An interval between two milestones, reported as a distribution over the cohort.
 *
 * @param name        the measure's name
 * @param description what it means, for reports (may be empty)
 * @param from        the starting milestone
 * @param to          the ending milestone
 * @param target      target in days (share within target is reported), or NaN
 * @param when        only children meeting this condition (on their attributes when they leave) count, or null
 * @param at          where it was declared
 * @param workingDays whether the interval counts working days (a statutory clock); its values and target are then
 *                    working days x 7/5, so that a week in any output reads as a working week of five days
 */
public record MeasureSpec(String name, String description, String from, String to, double target, Condition when,
                          Location at, boolean workingDays) {
    /** A measure of calendar time. */
    public MeasureSpec(String name, String description, String from, String to, double target, Condition when,
                       Location at) {
        this(name, description, from, to, target, when, at, false);
    }

    /** The measure that is always defined when a scenario has a permanence exit. */
    public static final String TIME_TO_PERMANENCE = "time_to_permanence";
    /** Prefix of the measures of today's caseload, a cohort of its own ({@code caseload.aim2}, ...). */
    public static final String CASELOAD = "caseload.";
    /** Today's caseload: from the start of the run to any outcome. Its quantiles are the clearance times. */
    public static final String CLEARANCE = CASELOAD + "clearance";
    /** Today's caseload: from the start of the run to permanence. */
    public static final String PERMANENCE_FROM_START = CASELOAD + "permanence_from_start";
    /** The milestone-like start of the run, day 0, for describing the clearance measures. */
    public static final String START = "start";

    /**
     * A measure's name in words for findings and charts: {@code time_to_permanence} reads "time to permanence",
     * {@code caseload.aim3} "aim3 (today's caseload)", and the clearance measures say what they are.
     */
    public static String words(String name) {
        if (name.equals(CLEARANCE)) return "time until today's caseload has an outcome";
        if (name.equals(PERMANENCE_FROM_START)) return "time from today to permanence (today's caseload)";
        if (name.startsWith(CASELOAD)) return words(name.substring(CASELOAD.length())) + " (today's caseload)";
        return name.replace('_', ' ');
    }

    /** Whether a target was given. */
    public boolean hasTarget() {
        return !Double.isNaN(target);
    }
}
