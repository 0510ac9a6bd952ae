package org.pacesim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag that marks a value as assumed in a scenario file: a comment {@code # A}, as in
 * {@code capacity: 5   # A: child cases per sitting}. YAML parsers drop comments, so the tag is read from the
 * file's text; the report lists the tagged lines, and an uncertainty analysis can vary their values
 * ({@code from_tags}).
 */
public final class AssumedTag {
    /**
     * "# A" followed by a colon, a semicolon, a comma, a bracket or the end of the line (not by a word: "# A
     * mid-sized authority" is prose).
     */
    private static final Pattern TAG = Pattern.compile("(?:^|\\s)#\\s*A(?=\\s*(?:$|[:;(,]))");

    private AssumedTag() {}

    /** The tag in a comment (from its '#'), to be found with {@code find()}. */
    public static Matcher in(String comment) {
        return TAG.matcher(comment);
    }

    /** Whether a line holds a value (not only a comment) tagged as assumed. */
    public static boolean tagsValue(String line) {
        int hash = commentStart(line);
        return hash > 0 && !line.substring(0, hash).isBlank() && in(line.substring(hash)).find();
    }

    /**
     * Whether a line holds a value tagged as assumed and calibrated: its comment carries the tag and says
     * "calibrated" after it, as in {@code p: 0.30   # A (calibrated: the fastest cases, T2)}. These are the values
     * {@code pace calibrate --fit} searches by default.
     */
    public static boolean tagsCalibrated(String line) {
        if (!tagsValue(line)) return false;
        String comment = line.substring(commentStart(line));
        Matcher m = in(comment);
        return m.find() && comment.substring(m.end()).toLowerCase(java.util.Locale.ROOT).contains("calibrated");
    }

    /** Where a YAML comment starts: a '#' at the start or after a space, outside quotes; -1 for none. */
    public static int commentStart(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) single = !single;
            else if (c == '"' && !single) dbl = !dbl;
            else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return i;
        }
        return -1;
    }
}
