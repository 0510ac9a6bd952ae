package org.pacesim.scenario;

import java.util.Collection;
import java.util.List;
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

    /**
     * The file most likely meant by a path that does not exist: the closest name among the files of the same
     * extension in its folder, written as the path was (the folder part kept).
     *
     * @param written the path as the user wrote it
     * @param missing where it was looked for
     * @return "did you mean 'x'?", or null when nothing is close
     */
    public static String file(String written, java.nio.file.Path missing) {
        java.nio.file.Path dir = missing.toAbsolutePath().getParent();
        String name = missing.getFileName() == null ? "" : missing.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot);
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) return null;
        try (var list = java.nio.file.Files.list(dir)) {
            List<String> names = list.filter(java.nio.file.Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(extension)).toList();
            String c = closest(name, names);
            int slash = Math.max(written.lastIndexOf('/'), written.lastIndexOf('\\'));
            return c == null ? null : "did you mean '" + written.substring(0, slash + 1) + c + "'?";
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null;
        }
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
