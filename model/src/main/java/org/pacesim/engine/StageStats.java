package org.pacesim.engine;

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
}
