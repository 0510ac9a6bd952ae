package org.pacesim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pacesim.scenario.AssumedTag;

/**
 * The assumptions written into scenario files: every line whose comment is tagged {@code A} (assumed), as in
 * {@code capacity: 5   # A: child cases per sitting}, or a comment line that starts with the tag. Read from the
 * files' text, since YAML parsers drop comments; the report lists each with its file and line, so a reader can
 * see what the results rest on and where to change it.
 */
public final class Assumptions {
    private Assumptions() {}

    /**
     * One assumption.
     *
     * @param file      the file as named in the run
     * @param line      1-based line number
     * @param where     the keys leading to the line, e.g. {@code stages.panel.capacity} (empty when not known)
     * @param parameter the YAML on the line (empty for a comment line)
     * @param comment   the comment, from the tag on
     */
    public record Assumption(String file, int line, String where, String parameter, String comment) {}

    /** A mapping key at the start of a line (after any list dash), and its indentation. */
    private static final Pattern KEY = Pattern.compile("^(\\s*)(?:-\\s+)?([A-Za-z0-9_]+)\\s*:");

    /** The assumptions of every file, each file once, in the order given. */
    public static List<Assumption> of(List<String> files) {
        List<Assumption> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String f : files) {
            Path p = Path.of(f).toAbsolutePath().normalize();
            if (!seen.add(p.toString())) continue;
            List<String> lines;
            try {
                lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue; // provenance records the file as unreadable; nothing to list here
            }
            // the keys enclosing each line, from indentation (scenario files are block-style YAML)
            List<int[]> indents = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int hash = AssumedTag.commentStart(line);
                String content = hash < 0 ? line : line.substring(0, hash);
                if (!content.isBlank()) {
                    int indent = content.length() - content.stripLeading().length();
                    while (!indents.isEmpty() && indents.get(indents.size() - 1)[0] >= indent) {
                        indents.remove(indents.size() - 1);
                        keys.remove(keys.size() - 1);
                    }
                    Matcher k = KEY.matcher(content);
                    if (k.find()) {
                        // a key after a list dash sits at its own column, so that its siblings in the item replace it
                        indents.add(new int[] {k.start(2)});
                        keys.add(k.group(2));
                    }
                }
                Assumption a = parse(f, i + 1, line);
                if (a != null) out.add(new Assumption(a.file(), a.line(), String.join(".", keys), a.parameter(), a.comment()));
            }
        }
        return out;
    }

    /** The assumption on one line, or null. */
    static Assumption parse(String file, int number, String line) {
        int hash = AssumedTag.commentStart(line);
        if (hash < 0) return null;
        String content = line.substring(0, hash).strip();
        String comment = line.substring(hash);
        Matcher m = AssumedTag.in(comment);
        // on a comment line the tag must come first (a legend of tags, "# S: ... # A: assumed", is not one)
        if (content.isEmpty() ? !(m.find() && m.start() == 0) : !m.find()) return null;
        int from = content.isEmpty() ? 0 : m.start() + (comment.charAt(m.start()) == '#' ? 0 : 1);
        return new Assumption(file, number, "", content, comment.substring(from).strip().replaceFirst("^#\\s*", ""));
    }
}
