package org.pacesim.fit;

/**
 * One child's time in a stage (or between two milestones), in days, as the records show it.
 *
 * <p>Records are kept in whole days, so a spell that ends on the day observation of it began (an exit on the day
 * of entry) would have no length and could not be at risk of anything. Such a spell is taken to end half a day
 * after it was first seen ({@link #time()}); every estimator in this package uses {@link #time()}, never
 * {@link #duration()} directly, so the rule is the same for Kaplan-Meier, the parametric fits and the competing
 * risks.
 *
 * @param duration time from entering the stage to its end if {@code ended}, else to the end of follow-up
 *                 (censoring); days, finite, at least {@code entered}
 * @param ended    whether the stage was seen to end (an event) rather than still open when follow-up stopped
 * @param entered  left truncation: time already spent in the stage when observation began (for example a child
 *                 already in the stage on the first day of the records), 0 when seen from the start; the spell
 *                 counts as at risk only after this time
 */
public record Spell(double duration, boolean ended, double entered) {
    /** Where a spell that ends on its first observed day is taken to end, after that day began. */
    public static final double SAME_DAY = 0.5;

    /** Checks the values: finite, not negative, entered no later than the duration. */
    public Spell {
        if (!Double.isFinite(duration) || duration < 0) {
            throw new IllegalArgumentException("duration must be a finite number of days >= 0, got " + duration);
        }
        if (!Double.isFinite(entered) || entered < 0) {
            throw new IllegalArgumentException("entered must be a finite number of days >= 0, got " + entered);
        }
        if (entered > duration) {
            throw new IllegalArgumentException("entered (" + entered + ") is after the end of the spell (" + duration
                    + "): a spell cannot be observed from after it ended");
        }
    }

    /** A spell observed from its start that ended after {@code days}. */
    public static Spell ended(double days) {
        return new Spell(days, true, 0);
    }

    /** A spell observed from its start that was still open after {@code days} (right-censored). */
    public static Spell open(double days) {
        return new Spell(days, false, 0);
    }

    /** The time used by the estimators: the duration, or half a day after entry for a same-day end. */
    public double time() {
        return ended && duration == entered ? entered + SAME_DAY : duration;
    }

    /** Whether observation began after the spell started (left truncation). */
    public boolean truncated() {
        return entered > 0;
    }
}
