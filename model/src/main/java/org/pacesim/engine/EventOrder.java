package org.pacesim.engine;

/**
 * Tie-breaking between events at the same instant. SSJ runs events in increasing (time, priority), FIFO within
 * equal priority. The rules, each pinned by a test:
 * <ul>
 *   <li>a child arriving at a meeting at the instant of a sitting is considered at that sitting (if its papers are
 *       due by then): children move before sittings;</li>
 *   <li>the observation window opens and closes before anything else at that instant, so a child entering at
 *       exactly {@code warmup} is inside the window and one entering at exactly {@code horizon} is not.</li>
 * </ul>
 * Within a service, a freed server goes to the head of the queue before the departing child moves on, so a child
 * that loops straight back to the same resource queues behind those already waiting.
 */
final class EventOrder {
    /** Window boundaries (warm-up end, horizon, end of follow-up). */
    static final double WINDOW = 0.5;
    /** Placing today's caseload at the start: after the window opens, before anyone arrives or a meeting sits. */
    static final double CASELOAD = 0.75;
    /**
     * Dated changes taking effect: after the caseload is placed, before capacity changes, children and sittings at
     * the same instant, so that everything at the date already runs by the new rules.
     */
    static final double CHANGE_OF_RULES = 0.8;
    /** A resource's capacity changing: before children at the same instant, so they see the new capacity. */
    static final double CAPACITY = 0.9;
    /** Children: arrivals, ends of delays and services, decisions. SSJ's default. */
    static final double CHILD = 1.0;
    /** Meeting sittings. */
    static final double SITTING = 2.0;

    private EventOrder() {}
}
