package org.pacesim.scenario;

/**
 * A change an intervention applied to its parent, kept for the report.
 *
 * @param kind    remove, scale, set, route or insert
 * @param summary what it did, in words, e.g. "removed stage ratifying_lar"
 * @param why     the source or rationale given in the file
 * @param at       where the change was written
 * @param stage    for {@code remove}: the stage removed, else null
 * @param bypassTo for {@code remove}: the one stage that children who were in it go on to, or null when it had
 *                 several routes (a caseload cannot then place children there)
 * @param from     when it takes effect ({@code from:}), or null for a change in force from the start
 */
public record AppliedChange(String kind, String summary, String why, Location at, String stage, String bypassTo,
                            ChangeDate from) {
    /** A change that does not remove a stage. */
    public AppliedChange(String kind, String summary, String why, Location at) {
        this(kind, summary, why, at, null, null, null);
    }
}
