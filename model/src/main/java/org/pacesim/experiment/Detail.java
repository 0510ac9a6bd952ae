package org.pacesim.experiment;

/**
 * What each replication records beyond its summary figures, as much as the command's outputs need: the run-chart
 * points of every calendar month are most of a replication's detail (about 70% of a shard's replications, and of a
 * merge's memory), and only an experiment with run charts reads them.
 */
public enum Detail {
    /** The figures alone. */
    NONE,
    /** The detail the charts need ({@link org.pacesim.stats.ReplicationDetail}), without each month's points. */
    CHARTS,
    /** The charts' detail and each calendar month's run-chart points ({@link org.pacesim.stats.MonthlyPoints}). */
    RUN_CHARTS;

    /** Whether any detail is gathered. */
    public boolean any() {
        return this != NONE;
    }
}
