package org.pacesim.report.charts;

/**
 * Thrown by a chart that has nothing to show, with the reason a reader is told instead (the cohort is empty, the
 * scenario sets no aims, ...). A chart checks its own data, so that no empty series ever reaches XChart, which
 * refuses one; {@link Charts} lists the chart as not drawn and goes on with the others.
 */
final class NotDrawn extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason why there is nothing to draw, in words for the reader */
    NotDrawn(String reason) {
        super(reason, null, false, false);
    }

    /**
     * Refuses a chart of the cohort (the children who entered during the run) when no scenario has one: a
     * caseload-only scenario follows only the children already in the system.
     */
    static void unlessACohort(Runs runs) {
        boolean any = runs.ranked().stream().anyMatch(r -> r.replications().stream().anyMatch(x -> x.cohort() > 0));
        if (!any) {
            throw new NotDrawn("no child entered during the observation window (the scenario has no arrivals),"
                    + " so there is no cohort to draw; the caseload's own figures are in caseload.csv");
        }
    }
}
