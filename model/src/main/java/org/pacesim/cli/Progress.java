package org.pacesim.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.pacesim.experiment.Experiment;

/**
 * A one-line progress bar on the terminal (replications done, elapsed, estimated time left), redrawn at most ten
 * times a second. Silent when output is not a terminal or when asked to be quiet, so logs and pipes stay clean.
 */
final class Progress implements Experiment.ProgressListener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.enabled = !quiet && System.console() != null;
    }

    @Override
    public synchronized void update(int done, int planned) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (done < planned && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        double elapsed = (now - start) / 1e9;
        int filled = planned == 0 ? WIDTH : (int) Math.round(WIDTH * (double) done / planned);
        String eta = done == 0 ? "?" : String.format(Locale.ROOT, "%.0fs", elapsed / done * (planned - done));
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d replications, %.0fs elapsed, %s left ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), done, planned, elapsed, eta));
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line, if one was drawn. */
    synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
