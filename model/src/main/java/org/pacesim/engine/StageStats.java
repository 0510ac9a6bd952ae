package org.pacesim.engine;

import umontreal.ssj.simevents.Accumulate;
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
    final Accumulate inStageLevel;
    final Accumulate waitingLevel;
    double inStageMean = Double.NaN;
    double waitingMean = Double.NaN;

    StageStats(Simulator sim, String name) {
        inStageLevel = new Accumulate(sim, name + " in stage");   // bound to this replication's clock
        waitingLevel = new Accumulate(sim, name + " waiting");
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
        inStageLevel.init(inStage);
        waitingLevel.init(waiting);
    }

    /** Closes the window: time averages are read now. */
    void closeWindow() {
        inStageMean = inStageLevel.average();
        waitingMean = waitingLevel.average();
    }
}
