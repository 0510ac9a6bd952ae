package org.pacesim.stats;

/**
 * The history of a level that changes at instants (the number of children waiting at a stage), kept as its time
 * average over each step of a fixed grid from time 0: memory is one number per step, whatever the number of
 * changes. Changes must come in time order; those at or after the end of the grid are not kept.
 */
public final class LevelHistory {
    private final double step;
    private final double[] area;   // level x days, per step
    private final double end;      // where the grid ends
    private double last;
    private int level;

    /**
     * A history over {@code steps} steps of {@code step} days.
     *
     * @param step  days per step
     * @param steps number of steps
     */
    public LevelHistory(double step, int steps) {
        this.step = step;
        this.area = new double[steps];
        this.end = step * steps;
    }

    /** The level changes by {@code delta} at time {@code now} (days). */
    public void change(double now, int delta) {
        advance(now);
        level += delta;
    }

    private void advance(double now) {
        if (level == 0) { // nothing to add: the common case of a queue that empties as fast as it fills
            last = Math.max(last, now);
            return;
        }
        double t = last;
        double until = Math.min(now, end);
        while (t < until) {
            int j = (int) (t / step); // the floor, as times are never negative
            double stepEnd = Math.min(until, (j + 1) * step);
            area[j] += level * (stepEnd - t);
            t = stepEnd;
        }
        last = Math.max(last, now);
    }

    /** The time-average level of each step, the level being held from the last change to the end of the grid. */
    public double[] averages() {
        advance(end);
        double[] out = new double[area.length];
        for (int j = 0; j < out.length; j++) out[j] = area[j] / step;
        return out;
    }
}
