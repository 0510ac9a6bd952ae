package org.pacesim.engine;

import umontreal.ssj.simevents.Simulator;

/**
 * The time-average of a level that changes at events (children in a stage, children waiting, busy servers), bound
 * to its replication's clock. It does what SSJ's {@code Accumulate} did here, with the same arithmetic (area plus
 * level times the time since the last change, divided by the time since the restart), so the figures are
 * bit-identical; but it keeps no minimum, maximum or listeners, which made {@code Accumulate.update} about 8% of
 * the run time of the benchmark's reference pathway, called at every entry, exit and change of queue.
 */
final class TimeAverage {
    private final Simulator sim;
    private double level;
    private double area;
    private double since;
    private double lastChange;

    TimeAverage(Simulator sim) {
        this.sim = sim;
        restart(0);
    }

    /** The level changes to {@code x} now. */
    void update(double x) {
        double now = sim.time();
        area += level * (now - lastChange);
        level = x;
        lastChange = now;
    }

    /** Starts averaging afresh from now, at level {@code x} (the opening of the observation window). */
    void restart(double x) {
        since = lastChange = sim.time();
        area = 0;
        level = x;
    }

    /** The time-average since the restart, up to now (0 when no time has passed). */
    double average() {
        update(level);
        double period = lastChange - since;
        return period > 0.0 ? area / period : 0.0;
    }
}
