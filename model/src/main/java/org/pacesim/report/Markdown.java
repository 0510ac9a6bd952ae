package org.pacesim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The little markdown the project writes itself (findings.md, sensitivity.md) as HTML for the report: headings,
 * paragraphs, numbered and bulleted lists (one level of nesting), pipe tables, bold and code. It is not a general
 * markdown parser and needs not be: its input is our own output.
 */
final class Markdown {
    private Markdown() {}

    /** The HTML of {@code md}; headings are shifted down by {@code shift} levels (1: "#" becomes h2). */
    static String html(String md, int shift) {
        StringBuilder out = new StringBuilder();
        List<String> lines = List.of(md.split("\n", -1));
        Deque lists = new Deque();
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.strip();
            boolean item = t.matches("^(\\d+\\.|-)\\s.*");
            if (t.isEmpty() || t.startsWith("#") || item || t.startsWith("|")) flush(paragraph, out);
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#")) {
                lists.closeAll(out);
                int level = t.indexOf(' ');
                out.append("<h").append(level + shift).append('>').append(inline(t.substring(level + 1)))
                        .append("</h").append(level + shift).append(">\n");
            } else if (item) {
                int indent = line.length() - line.stripLeading().length();
                String tag = Character.isDigit(t.charAt(0)) ? "ol" : "ul";
                lists.open(indent, tag, out);
                out.append("<li>").append(inline(t.substring(t.indexOf(' ') + 1)));
                lists.itemOpen();
            } else if (t.startsWith("|")) {
                lists.closeAll(out);
                List<String> rows = new ArrayList<>();
                while (i < lines.size() && lines.get(i).strip().startsWith("|")) rows.add(lines.get(i++).strip());
                i--;
                table(rows, out);
            } else if (lists.depth() > 0 && line.startsWith(" ")) {
                out.append(' ').append(inline(t)); // continuation of a list item
            } else {
                lists.closeAll(out);
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(inline(t));
            }
        }
        flush(paragraph, out);
        lists.closeAll(out);
        return out.toString();
    }

    private static void flush(StringBuilder paragraph, StringBuilder out) {
        if (paragraph.length() == 0) return;
        out.append("<p>").append(paragraph).append("</p>\n");
        paragraph.setLength(0);
    }

    private static void table(List<String> rows, StringBuilder out) {
        out.append("<table>\n");
        boolean head = rows.size() > 1 && rows.get(1).matches("^\\|[\\s:|-]+\\|$");
        // A column ruled "---:" holds numbers: right-aligned, as in the tables the report writes itself.
        String[] rule = head ? cells(rows.get(1)) : new String[0];
        for (int r = 0; r < rows.size(); r++) {
            if (head && r == 1) continue;
            String cellTag = head && r == 0 ? "th" : "td";
            String[] cells = cells(rows.get(r));
            out.append("<tr>");
            for (int c = 0; c < cells.length; c++) {
                boolean number = c < rule.length && rule[c].strip().endsWith(":");
                out.append('<').append(cellTag).append(number ? " class=num>" : ">").append(inline(cells[c].strip()))
                        .append("</").append(cellTag).append('>');
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static String[] cells(String row) {
        return row.substring(1, row.length() - (row.endsWith("|") ? 1 : 0)).split("\\|", -1);
    }

    /** Escapes HTML, then turns **bold** and `code` into tags. */
    static String inline(String s) {
        String h = Html.escape(s);
        h = h.replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>");
        h = h.replaceAll("`([^`]+)`", "<code>$1</code>");
        return h;
    }

    /** The open lists, by indentation. */
    private static final class Deque {
        private final List<int[]> open = new ArrayList<>();    // {indent}
        private final List<String> tags = new ArrayList<>();
        private final List<Boolean> item = new ArrayList<>();

        int depth() {
            return open.size();
        }

        void open(int indent, String tag, StringBuilder out) {
            while (!open.isEmpty() && open.get(open.size() - 1)[0] > indent) close(out);
            if (!open.isEmpty() && open.get(open.size() - 1)[0] == indent) {
                if (item.get(item.size() - 1)) out.append("</li>\n");
                item.set(item.size() - 1, false);
                return;
            }
            open.add(new int[] {indent});
            tags.add(tag);
            item.add(false);
            out.append('<').append(tag).append(">\n");
        }

        void itemOpen() {
            item.set(item.size() - 1, true);
        }

        private void close(StringBuilder out) {
            int k = open.size() - 1;
            if (item.get(k)) out.append("</li>\n");
            out.append("</").append(tags.get(k)).append(">\n");
            open.remove(k);
            tags.remove(k);
            item.remove(k);
            if (!item.isEmpty()) {
                // the list just closed sat inside the enclosing item, which stays open for more
                item.set(item.size() - 1, true);
            }
        }

        void closeAll(StringBuilder out) {
            while (!open.isEmpty()) close(out);
        }
    }
}
