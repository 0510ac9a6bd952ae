package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads conditions on attributes: {@code age_band == "under1"}, {@code age_band != under1},
 * {@code age_band in [under1, age1to4]}, {@code age_band not in [age12plus]}, joined with {@code and}.
 */
final class ConditionParser {
    private static final Pattern CLAUSE = Pattern.compile(
            "^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(==|!=|=|not\\s+in|in)\\s*(.+?)\\s*$");
    private static final String HELP = "write e.g. age_band == \"under1\", age_band in [under1, age1to4],"
            + " or clauses joined with 'and'";

    private ConditionParser() {}

    /** The condition, or null after reporting. */
    static Condition parse(YamlNode node, String path, Map<String, Attribute> attributes, Problems problems) {
        if (!(node instanceof YamlNode.Scalar s) || s.text() == null || s.text().isBlank()) {
            problems.add(node.at(), path, "expected a condition, found " + node.describe(), HELP);
            return null;
        }
        List<Condition.Clause> clauses = new ArrayList<>();
        for (String part : s.text().split("\\s+and\\s+")) {
            Matcher m = CLAUSE.matcher(part);
            if (!m.matches()) {
                problems.add(node.at(), path, "cannot read the condition '" + part.trim() + "'", HELP);
                return null;
            }
            String attr = m.group(1);
            Attribute a = attributes.get(attr);
            if (a == null) {
                AttributeLevels.Mistake unknown = AttributeLevels.check(attributes, attr, null);
                problems.add(node.at(), path, unknown.what() + " in condition", unknown.fix());
                return null;
            }
            String op = m.group(2).replaceAll("\\s+", " ");
            List<String> values = values(m.group(3), op.endsWith("in"));
            if (values == null) {
                problems.add(node.at(), path, "cannot read the value(s) in '" + part.trim() + "'",
                        op.endsWith("in") ? "write a list: [level1, level2]" : "write one level, e.g. \"under1\"");
                return null;
            }
            for (String v : values) {
                AttributeLevels.Mistake wrong = AttributeLevels.check(attributes, attr, v);
                if (wrong != null) {
                    problems.add(node.at(), path, wrong.what(), wrong.fix());
                    return null;
                }
            }
            TreeSet<String> allowed = new TreeSet<>();
            boolean negate = op.equals("!=") || op.equals("not in");
            for (String level : a.levels()) {
                if (values.contains(level) != negate) allowed.add(level);
            }
            clauses.add(new Condition.Clause(attr, List.copyOf(allowed)));
        }
        clauses.sort((x, y) -> x.attribute().compareTo(y.attribute()));
        return new Condition(s.text().trim(), List.copyOf(clauses));
    }

    private static List<String> values(String text, boolean list) {
        String t = text.trim();
        List<String> out = new ArrayList<>();
        if (list) {
            if (!t.startsWith("[") || !t.endsWith("]")) return null;
            for (String v : t.substring(1, t.length() - 1).split(",")) {
                String u = unquote(v.trim());
                if (u == null || u.isEmpty()) return null;
                out.add(u);
            }
        } else {
            String u = unquote(t);
            if (u == null || u.isEmpty()) return null;
            out.add(u);
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v.matches("[A-Za-z0-9_.+-]+") ? v : null;
    }
}
