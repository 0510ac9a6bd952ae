package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads conditions on attributes: {@code age_band == "under1"}, {@code age_band != under1},
 * {@code age_band in [under1, age1to4]}, {@code age_band not in [age12plus]}, and the child's age in years at the
 * moment the condition is judged ({@code age < 5}, {@code age >= 16}), joined with {@code and}.
 */
final class ConditionParser {
    private static final Pattern CLAUSE = Pattern.compile(
            "^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(==|!=|=|not\\s+in|in)\\s*(.+?)\\s*$");
    private static final Pattern AGE = Pattern.compile("^\\s*age\\s*(<=|<|>=|>)\\s*(\\S+)\\s*$");
    private static final String HELP = "write e.g. age_band == \"under1\", age_band in [under1, age1to4], age < 5,"
            + " or clauses joined with 'and'";
    private static final String AGE_HELP = "compare the age with a number of years, e.g. age < 5 or age >= 16"
            + " (or a duration: age < 18mo)";

    private ConditionParser() {}

    /** The condition, or null after reporting. */
    static Condition parse(YamlNode node, String path, Map<String, Attribute> attributes, Problems problems) {
        if (!(node instanceof YamlNode.Scalar s) || s.text() == null || s.text().isBlank()) {
            problems.add(node.at(), path, "expected a condition, found " + node.describe(), HELP);
            return null;
        }
        List<Condition.Clause> clauses = new ArrayList<>();
        double from = Double.NEGATIVE_INFINITY;
        double to = Double.POSITIVE_INFINITY;
        boolean onAge = false;
        for (String part : s.text().split("\\s+and\\s+")) {
            Matcher age = AGE.matcher(part);
            if (age.matches() && !attributes.containsKey("age")) {
                double years = years(age.group(2));
                if (attributes.values().stream().noneMatch(Attribute::isAgeBand)) {
                    problems.add(node.at(), path, "'" + part.trim() + "' needs the children's age in years, and the"
                            + " scenario gives none", "give the age band its ages (attributes: {age_band: {categorical:"
                            + " {...}, age: {under1: {uniform: [0y, 1y]}, ...}}}), or use age_band here");
                    return null;
                }
                if (Double.isNaN(years)) {
                    problems.add(node.at(), path, "cannot read the age in '" + part.trim() + "'", AGE_HELP);
                    return null;
                }
                onAge = true;
                String op = age.group(1);
                if (op.startsWith("<")) to = Math.min(to, years);
                else from = Math.max(from, years);
                continue;
            }
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
        if (onAge && from >= to) {
            problems.add(node.at(), path, "no age meets '" + s.text().trim() + "'", "check the limits: e.g."
                    + " age >= 5 and age < 12");
            return null;
        }
        return new Condition(s.text().trim(), List.copyOf(clauses), onAge ? new Condition.AgeRange(from, to) : null);
    }

    /** An age written as years ({@code 5}, {@code 1.5}) or a duration ({@code 18mo}), in days; NaN if unreadable. */
    private static double years(String text) {
        try {
            double y = Double.parseDouble(text);
            return y >= 0 && y < 100 ? y * Durations.YEAR : Double.NaN;
        } catch (NumberFormatException e) {
            double d = Durations.parseDuration(text);
            return d >= 0 ? d : Double.NaN;
        }
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
