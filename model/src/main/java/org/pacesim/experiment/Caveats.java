package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pacesim.stats.ReplicationResult;

/**
 * Why a scenario's figures are not findings: an overloaded system (a queue that grows without bound, or one run at
 * saturation) has figures that only say how long the run was, and a heavily censored cohort has medians and means
 * that leave out the children who waited longest. Every place that quotes a scenario's figure (findings, the
 * terminal, sensitivity, charts, run.json) asks here and flags the figure, so no such number reads as a result.
 */
public final class Caveats {
    /**
     * The share of the cohort still in the system at the end of follow-up above which a run is heavily censored.
     * A censored child's time is only known to exceed the follow-up, so a summary over the others is biased low;
     * at 5% the 90th percentile itself may be among the unknown times.
     */
    public static final double HEAVY_CENSORING = 0.05;

    private Caveats() {}

    /** What kind of caveat. */
    public enum Kind {
        /** A queue that grows without bound, or runs at saturation. */
        OVERLOADED,
        /** Too many children still waiting at the end of follow-up. */
        HEAVILY_CENSORED;

        /** The word beside a flagged figure. */
        public String word() {
            return this == OVERLOADED ? "overloaded" : "heavily censored";
        }
    }

    /**
     * One reason a run's figures are not findings.
     *
     * @param kind what kind
     * @param text what, in words
     */
    public record Caveat(Kind kind, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** The caveats of a run: its overload warnings and heavy censoring; empty when its figures stand. */
    public static List<Caveat> of(ScenarioResults r) {
        List<Caveat> out = new ArrayList<>();
        for (String w : r.warnings()) out.add(new Caveat(Kind.OVERLOADED, w));
        double share = censoredShare(r);
        if (share > HEAVY_CENSORING) {
            out.add(new Caveat(Kind.HEAVILY_CENSORED, String.format(Locale.ROOT, "%.0f%% of the cohort is still in"
                    + " the system at the end of follow-up (censored); its times are unknown, so medians and means"
                    + " understate the waits", share * 100)));
        }
        return List.copyOf(out);
    }

    /** Whether a run's figures are not findings (overloaded or heavily censored). */
    public static boolean flagged(ScenarioResults r) {
        return !of(r).isEmpty();
    }

    /** The word for the flag beside a run's figure: "overloaded", "heavily censored", both, or empty. */
    public static String flag(ScenarioResults r) {
        return flag(of(r));
    }

    /** The word for the flag beside a figure with these caveats, or empty. */
    public static String flag(List<Caveat> caveats) {
        return String.join(", ", caveats.stream().map(c -> c.kind().word()).distinct().toList());
    }

    /** The share of the cohort censored, over all replications. */
    static double censoredShare(ScenarioResults r) {
        long cohort = r.replications().stream().mapToLong(ReplicationResult::cohort).sum();
        long censored = r.replications().stream().mapToLong(ReplicationResult::censored).sum();
        return cohort == 0 ? 0 : (double) censored / cohort;
    }
}
