package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;

import org.pacesim.engine.ChildObserver;
import org.pacesim.engine.Model;

/**
 * Runs a back-test's replications (replication r on substream r of the seed, whatever thread runs it, so that the
 * figures are the same for any number of threads) and counts each one's figures through {@link BacktestWindow}, as
 * the records' own are counted. Each replication's children are watched through the engine's observer hook: the
 * caseload's and the new arrivals' milestones, as days from day 0 (the back-test date).
 */
final class BacktestReplications {
    private BacktestReplications() {}

    /** The figures of replications 0..n-1 of a model whose day 0 is the window's date, in replication order. */
    static List<BacktestWindow.Tally> run(Model model, BacktestWindow window, int n, int threads) {
        int[] column = new int[window.milestones().size()]; // the model's milestone of each recorded one
        for (int m = 0; m < column.length; m++) column[m] = model.milestoneNames().indexOf(window.milestones().get(m));
        return ScenarioRun.runObserved(model, n, Math.max(1, threads), r -> new Watch(column),
                w -> window.tally(w.caseload, w.arrivals));
    }

    /** One replication's children, as days per recorded milestone. */
    private static final class Watch implements ChildObserver {
        private final int[] column;
        private final List<double[]> caseload = new ArrayList<>();
        private final List<double[]> arrivals = new ArrayList<>();

        Watch(int[] column) {
            this.column = column;
        }

        @Override
        public void child(long id, int profile, double[] milestones, boolean censored) {
            arrivals.add(days(milestones));
        }

        @Override
        public void caseloadChild(long id, int profile, double[] milestones, boolean censored) {
            caseload.add(days(milestones));
        }

        /** A child's recorded milestones as the day each falls in (NaN where not reached). */
        private double[] days(double[] milestones) {
            double[] d = new double[column.length];
            for (int m = 0; m < d.length; m++) d[m] = column[m] < 0 ? Double.NaN : Math.floor(milestones[column[m]]);
            return d;
        }
    }
}
