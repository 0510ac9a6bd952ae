package org.pacesim.scenario;

/**
 * A change an intervention applied to its parent, kept for the report.
 *
 * @param kind    remove, scale, set, route or insert
 * @param summary what it did, in words, e.g. "removed stage ratifying_lar"
 * @param why     the source or rationale given in the file
 * @param at      where the change was written
 */
public record AppliedChange(String kind, String summary, String why, Location at) {}
