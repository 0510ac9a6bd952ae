package org.pacesim.stats;

/**
 * The cumulative incidence of one outcome (reaching permanence) in a cohort where children can also leave by
 * competing exits (going home, ceasing to be looked after with no order) or be censored at the end of follow-up,
 * on a grid of equal steps (months). The estimator is Aalen-Johansen with times grouped by step:
 *
 * <pre>
 *   F(t_k) = sum over j &lt; k of S_j * d_j / n_j,      S_{j+1} = S_j * (1 - (d_j + c_j) / n_j),   S_0 = 1
 * </pre>
 *
 * where, for step j, {@code n_j} is the number of children still in the system at its start, {@code d_j} the number
 * reaching the outcome during it and {@code c_j} the number leaving by a competing exit. Within a step, exits are
 * taken to come before censorings (a child censored during step j is at risk throughout it), the life-table
 * convention. With no censoring before t the estimate is exactly the share of the cohort that has reached the
 * outcome by t; with the usual 20 years of follow-up that is the case over the whole grid. Counting censored
 * children as "not yet" instead, or dropping them, would bias the curve down or up; this estimator does neither.
 *
 * <p>Memory is three counters per step, whatever the number of children.
 */
public final class IncidenceCurve {
    private final double step;
    private final long[] events;
    private final long[] competing;
    private final long[] censored;
    private long children;

    /**
     * A curve over {@code steps} steps of {@code step} days (points at 0, step, ..., steps * step).
     *
     * @param step  days per step (a month: 30.4375)
     * @param steps number of steps
     */
    public IncidenceCurve(double step, int steps) {
        this.step = step;
        this.events = new long[steps];
        this.competing = new long[steps];
        this.censored = new long[steps];
    }

    /** A child reached the outcome {@code time} days after entering the cohort. */
    public void event(double time) {
        add(events, time);
    }

    /** A child left by another exit after {@code time} days. */
    public void competing(double time) {
        add(competing, time);
    }

    /** A child was still in the system when follow-up ended, {@code time} days after entering. */
    public void censored(double time) {
        add(censored, time);
    }

    private void add(long[] counts, double time) {
        children++;
        int j = (int) Math.floor(time / step);
        if (j >= 0 && j < counts.length) counts[j]++;
        // a time beyond the grid only counts in the number at risk, which is all the grid needs of it
    }

    /** Children counted so far. */
    public long children() {
        return children;
    }

    /** The estimate at each grid point, from F(0) = 0; NaN everywhere when no child was counted. */
    public double[] curve() {
        double[] f = new double[events.length + 1];
        if (children == 0) {
            java.util.Arrays.fill(f, Double.NaN);
            return f;
        }
        long atRisk = children;
        double survival = 1;
        for (int j = 0; j < events.length; j++) {
            double cumulative = f[j];
            if (atRisk > 0) {
                cumulative += survival * events[j] / atRisk;
                survival *= 1 - (double) (events[j] + competing[j]) / atRisk;
            }
            f[j + 1] = cumulative;
            atRisk -= events[j] + competing[j] + censored[j];
        }
        return f;
    }
}
