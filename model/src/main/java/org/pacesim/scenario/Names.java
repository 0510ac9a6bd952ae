package org.pacesim.scenario;

import java.util.Collection;
import java.util.Locale;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" suggestions for misspelt keys and names. */
public final class Names {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Names() {}

    /**
     * The closest known name to {@code wrong}, if it is close enough to be a likely typo.
     *
     * @return the suggestion, or null
     */
    public static String closest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = wrong.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = DISTANCE.apply(w, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int allowed = Math.max(2, wrong.length() / 3);
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** A fix hint: "did you mean 'x'?" when a close name exists, else the list of known names. */
    public static String hint(String wrong, Collection<String> known, String kind) {
        String c = closest(wrong, known);
        if (c != null) return "did you mean '" + c + "'?";
        if (known.isEmpty()) return "declare the " + kind + " first";
        return "use one of the " + kind + "s: " + String.join(", ", known.stream().limit(12).toList())
                + (known.size() > 12 ? ", ..." : "");
    }
}
