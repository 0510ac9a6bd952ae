package org.pacesim.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML file into a {@link YamlNode} tree, safely. SnakeYAML is used only to <em>compose</em> nodes, never to
 * construct objects, so a file cannot instantiate classes. Alias bombs, deep nesting and huge files are refused with
 * a message rather than exhausting memory, and the usual slips (tabs, duplicate keys, a file that is not UTF-8) get
 * a precise location.
 */
public final class YamlLoader {
    /** Files larger than this are not scenario files. */
    public static final long MAX_BYTES = 4L << 20;
    /** Nesting deeper than this is refused (real files nest fewer than ten levels). */
    public static final int MAX_DEPTH = 64;
    /** More nodes than this (after expanding aliases) is refused: it is an alias bomb or not a scenario. */
    public static final int MAX_NODES = 200_000;
    private static final int MAX_ALIASES = 100;
    private static final int PARSER_DEPTH = 4 * MAX_DEPTH;

    private YamlLoader() {}

    /**
     * Reads and composes one YAML document.
     *
     * @param file  the file to read
     * @param shown how the file is named in messages
     * @return the root node
     * @throws InvalidInputException with the location of the problem if the file cannot be read as YAML
     */
    public static YamlNode load(Path file, String shown) {
        Location whole = Location.of(shown);
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(whole, "", "this is a directory, not a file",
                    "name a .yaml file inside it");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(whole, "", "the file is larger than " + (MAX_BYTES >> 20)
                        + " MiB; scenario files are a few kilobytes", "check that this is the file you meant");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            String near = Names.file(shown, file);
            throw new InvalidInputException(whole, "", "no such file", near != null ? near
                    : "check the path and the spelling");
        } catch (IOException e) {
            throw new InvalidInputException(whole, "", "cannot read the file (" + e.getMessage() + ")",
                    "check that it exists and that you may read it");
        }
        return parse(decode(bytes, shown), shown);
    }

    /** Composes YAML text already in memory (used for tests and for files already read). */
    public static YamlNode parse(String text, String shown) {
        Location whole = Location.of(shown);
        if (text.isBlank() || text.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
            throw new InvalidInputException(whole, "", "the file is empty", "write a scenario in it, or name another file");
        }
        checkTabs(text, shown);
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        // SnakeYAML's own limit only guards the stack and has no location; the converter's, lower, says where.
        options.setNestingDepthLimit(PARSER_DEPTH);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // duplicates are reported below, with both places
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Node> documents = new ArrayList<>();
        try {
            for (Node n : yaml.composeAll(new StringReader(text))) documents.add(n);
        } catch (MarkedYAMLException e) {
            throw new InvalidInputException(at(shown, e.getProblemMark()), "", yamlProblem(e), yamlFix(e));
        } catch (YAMLException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.contains("aliases")) {
                throw new InvalidInputException(whole, "", "the file uses more than " + MAX_ALIASES
                        + " aliases (*name) of lists or maps (an alias bomb, or not a scenario file)",
                        "use fewer anchors and aliases (&name / *name); a scenario needs few if any");
            }
            if (m.contains("Nesting Depth")) {
                throw new InvalidInputException(whole, "", "the document nests more than " + PARSER_DEPTH
                        + " levels deep", "flatten the structure; real scenarios nest fewer than ten levels");
            }
            throw new InvalidInputException(whole, "", "not valid YAML: " + oneLine(m),
                    "check the file's indentation and punctuation");
        } catch (StackOverflowError e) {
            throw new InvalidInputException(whole, "", "the document nests too deeply", "flatten the structure");
        }
        if (documents.isEmpty()) {
            throw new InvalidInputException(whole, "", "the file is empty", "write a scenario in it, or name another file");
        }
        if (documents.size() > 1) {
            throw new InvalidInputException(at(shown, documents.get(1).getStartMark()), "",
                    "the file holds more than one YAML document (a second '---')",
                    "keep one scenario per file");
        }
        Problems problems = new Problems();
        YamlNode root = new Converter(shown, problems).convert(documents.get(0), 0);
        problems.throwIfAny();
        return root;
    }

    private static String decode(byte[] bytes, String shown) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String s = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int line = 1;
            int col = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    col = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    col++;
                }
            }
            throw new InvalidInputException(new Location(shown, line, col), "",
                    String.format("the file is not UTF-8 text (byte 0x%02X at offset %d)", bytes[bad] & 0xFF, bad),
                    "save the file as UTF-8 (most editors: 'Save with encoding' -> UTF-8)");
        }
    }

    /**
     * The offset of the first byte that breaks UTF-8, as the decoder itself sees it (so that overlong forms and
     * encoded surrogates, which a lead-byte check lets through, are placed where they are).
     */
    private static int firstInvalidUtf8(byte[] b) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CoderResult r = decoder.decode(in, CharBuffer.allocate(b.length + 1), true);
        return r.isError() ? in.position() : Math.max(0, b.length - 1);
    }

    /** YAML forbids tabs in indentation; SnakeYAML's own message for them is cryptic, so catch them first. */
    private static void checkTabs(String text, String shown) {
        Problems problems = new Problems();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            for (int c = 0; c < l.length() && (l.charAt(c) == ' ' || l.charAt(c) == '\t'); c++) {
                if (l.charAt(c) == '\t') {
                    problems.add(new Location(shown, i + 1, c + 1), "", "a tab is used for indentation",
                            "indent with spaces only (YAML does not allow tabs there)");
                    break;
                }
            }
        }
        problems.throwIfAny();
    }

    private static Location at(String shown, Mark mark) {
        return mark == null ? Location.of(shown) : new Location(shown, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String yamlProblem(MarkedYAMLException e) {
        String p = e.getProblem() == null ? "" : e.getProblem();
        String ctx = e.getContext() == null ? "" : " " + e.getContext();
        if (p.contains("mapping values are not allowed")) {
            return "a ':' where YAML does not expect one (often a missing space after ':' earlier, or a value that"
                    + " needs quotes)";
        }
        if (p.contains("could not find expected ':'")) return "a key without ':' after it";
        if (p.contains("found undefined alias")) return "an alias (*name) with no anchor (&name) before it";
        return "not valid YAML: " + oneLine(p + ctx).trim();
    }

    private static String yamlFix(MarkedYAMLException e) {
        String p = e.getProblem() == null ? "" : e.getProblem();
        if (p.contains("aliases")) return "use fewer anchors and aliases (&name / *name)";
        if (p.contains("nesting")) return "flatten the structure";
        if (p.contains("found undefined alias")) return "define the anchor first, or write the value out";
        return "check the indentation and punctuation at this place (quote text that contains ':' or '#')";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }

    /** Turns SnakeYAML nodes into {@link YamlNode}s, counting nodes and depth to stop alias bombs and cycles. */
    private static final class Converter {
        private final String shown;
        private final Problems problems;
        private int nodes;

        Converter(String shown, Problems problems) {
            this.shown = shown;
            this.problems = problems;
        }

        YamlNode convert(Node n, int depth) {
            if (++nodes > MAX_NODES) {
                throw new InvalidInputException(at(shown, n.getStartMark()), "", "the document expands to more than "
                        + MAX_NODES + " values (an alias bomb, or not a scenario file)",
                        "write the scenario out plainly, without nested aliases");
            }
            if (depth > MAX_DEPTH) {
                throw new InvalidInputException(at(shown, n.getStartMark()), "", "the document nests more than "
                        + MAX_DEPTH + " levels deep here (or refers to itself)",
                        "flatten the structure; real scenarios nest fewer than ten levels");
            }
            Location at = at(shown, n.getStartMark());
            if (n instanceof ScalarNode s) {
                boolean isNull = s.getTag().equals(Tag.NULL);
                return new YamlNode.Scalar(isNull ? null : s.getValue(), !s.isPlain(), at);
            }
            if (n instanceof SequenceNode q) {
                List<YamlNode> items = new ArrayList<>(q.getValue().size());
                for (Node item : q.getValue()) items.add(convert(item, depth + 1));
                return new YamlNode.Seq(items, at);
            }
            MappingNode m = (MappingNode) n;
            YamlNode.Map map = new YamlNode.Map(at);
            java.util.Map<String, Location> seen = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                Node k = t.getKeyNode();
                Location keyAt = at(shown, k.getStartMark());
                if (!(k instanceof ScalarNode ks) || ks.getTag().equals(Tag.NULL)) {
                    problems.add(keyAt, "", "a key must be a plain name", "write the key as a word, e.g. 'capacity:'");
                    continue;
                }
                String key = ks.getValue();
                if (key.equals("<<")) {
                    problems.add(keyAt, "", "YAML merge keys ('<<') are not supported",
                            "write the fields out, or use 'extends' to build on another scenario");
                    continue;
                }
                Location first = seen.putIfAbsent(key, keyAt);
                if (first != null) {
                    problems.add(keyAt, "", "the key '" + key + "' appears twice in the same map (first at line "
                            + first.line() + ")", "keep one of them");
                    continue;
                }
                map.put(key, keyAt, convert(t.getValueNode(), depth + 1));
            }
            return map;
        }
    }
}
