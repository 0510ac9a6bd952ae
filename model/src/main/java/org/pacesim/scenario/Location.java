package org.pacesim.scenario;

/**
 * A place in an input file, for messages: the file as the user named it, 1-based line and column.
 *
 * @param file   the file as it should appear in a message (usually the path the user typed)
 * @param line   1-based line, or 0 when the whole file is meant
 * @param column 1-based column, or 0 when the whole line is meant
 */
public record Location(String file, int line, int column) {

    /** The whole of {@code file}, for problems that have no better place (an empty file, say). */
    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) return file;
        if (column <= 0) return file + ":" + line;
        return file + ":" + line + ":" + column;
    }
}
