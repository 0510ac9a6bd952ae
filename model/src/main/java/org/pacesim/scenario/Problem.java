package org.pacesim.scenario;

/**
 * One thing wrong with an input file: where, which field, what is wrong, and what would fix it.
 *
 * @param at   where in which file
 * @param path the dotted field path, e.g. {@code stages.panel.capacity}; empty for file-level problems
 * @param what what is wrong, as a sentence without a final full stop
 * @param fix  what would fix it, as an instruction; may be empty when the message says it all
 */
public record Problem(Location at, String path, String what, String fix) {

    /** The message as printed: {@code file:line:col: path: what} and, indented below, the fix. */
    public String format() {
        StringBuilder s = new StringBuilder().append(at).append(": ");
        if (!path.isEmpty()) s.append(path).append(": ");
        s.append(what);
        if (!fix.isEmpty()) s.append(System.lineSeparator()).append("    fix: ").append(fix);
        return s.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
