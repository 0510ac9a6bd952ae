package org.pacesim.fit;

/**
 * Statistical disclosure control for outputs about children: a count below {@link #MIN} is shown as {@code <5}, as
 * Scottish children's statistics require, unless suppression is turned off ({@code --no-suppression}, for synthetic
 * data or work inside the authority).
 *
 * @param suppress whether small counts are hidden
 */
public record Disclosure(boolean suppress) {
    /** Counts below this are shown as "&lt;5". */
    public static final int MIN = 5;

    /** The count as it may be shown. */
    public String count(long n) {
        return suppress && n > 0 && n < MIN ? "<" + MIN : Long.toString(n);
    }
}
