package org.pacesim.engine;

import org.pacesim.stats.StageStat;

import umontreal.ssj.simevents.Simulator;

/**
 * Per-stage collectors of one replication. Per-entry figures count entries made in [warmup, horizon) (recorded
 * when the entry ends, which may be after the horizon); time averages cover [warmup, horizon).
 */
final class StageStats {
    long entries;
    double sumTime;
    long timed;
    double sumWait;
    long waited;
    int inStage;
    int waiting;
    private final TimeAverage inStageLevel;
    private final TimeAverage waitingLevel;
    double inStageMean = Double.NaN;
    double waitingMean = Double.NaN;

    StageStats(Simulator sim) {
        inStageLevel = new TimeAverage(sim);   // bound to this replication's clock
        waitingLevel = new TimeAverage(sim);
    }

    void enter() {
        inStageLevel.update(++inStage);
    }

    void leave() {
        inStageLevel.update(--inStage);
    }

    void startWaiting() {
        waitingLevel.update(++waiting);
    }

    void stopWaiting() {
        waitingLevel.update(--waiting);
    }

    /** Opens the window: time averages restart from the current levels. */
    void openWindow() {
        inStageLevel.restart(inStage);
        waitingLevel.restart(waiting);
    }

    /** Closes the window: time averages are read now. */
    void closeWindow() {
        inStageMean = inStageLevel.average();
        waitingMean = waitingLevel.average();
    }

    /**
     * The stage's statistics, one per {@link StageStat}.
     *
     * @param utilisation its servers' utilisation (NaN for a stage without servers)
     * @param years       the length of the observation window in years
     */
    double[] row(double utilisation, double years) {
        double[] row = new double[StageStat.values().length];
        row[StageStat.WAIT_MEAN.ordinal()] = waited == 0 ? (timed == 0 ? Double.NaN : 0) : sumWait / waited;
        row[StageStat.TIME_IN_STAGE_MEAN.ordinal()] = timed == 0 ? Double.NaN : sumTime / timed;
        row[StageStat.QUEUE_LENGTH_MEAN.ordinal()] = waitingMean;
        row[StageStat.IN_STAGE_MEAN.ordinal()] = inStageMean;
        row[StageStat.UTILISATION.ordinal()] = utilisation;
        row[StageStat.ENTRIES_PER_YEAR.ordinal()] = entries / years;
        return row;
    }
}
