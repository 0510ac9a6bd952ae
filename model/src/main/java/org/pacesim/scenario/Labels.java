package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that turns a stage's or a measure's name into the words a person reads in findings, charts, the
 * terminal and the report: the {@code label:} the file gives it, or else a readable form of its id
 * ({@code form_e_part2} reads "Form E part 2", {@code aim4_po} "Aim 4 PO").
 *
 * @param stages   the {@code label:} of each stage that has one, by stage name
 * @param measures the {@code label:} of each measure that has one, by measure name
 */
public record Labels(Map<String, String> stages, Map<String, String> measures) {
    /** No labels given: every name reads as its readable id. */
    public static final Labels NONE = new Labels(Map.of(), Map.of());

    /** Abbreviations of the permanence system that are read as capitals. */
    private static final Set<String> ABBREVIATIONS = Set.of("lar", "lars", "po", "poa", "adm", "scra", "cso", "ppm",
            "la", "csr", "sw", "irm", "iro", "lac", "crn", "ich");

    /** Copies the maps. */
    public Labels {
        stages = Map.copyOf(stages);
        measures = Map.copyOf(measures);
    }

    /** A stage's label in a scenario: its {@code label:}, else its readable id (also for stages it lacks). */
    public static String stage(Scenario s, String name) {
        String label = s == null ? null : s.labels().stages().get(name);
        return label == null ? readable(name) : label;
    }

    /**
     * A measure's label in a scenario: its {@code label:}, else its readable id; today's caseload's copies of a
     * measure ({@code caseload.aim2}) read as the measure with "(today's caseload)".
     */
    public static String measure(Scenario s, String name) {
        if (name.equals(MeasureSpec.CLEARANCE)) return "Time until today's caseload has an outcome";
        if (name.equals(MeasureSpec.PERMANENCE_FROM_START)) return "Time from today to permanence (today's caseload)";
        if (name.startsWith(MeasureSpec.CASELOAD)) {
            return measure(s, name.substring(MeasureSpec.CASELOAD.length())) + " (today's caseload)";
        }
        String label = s == null ? null : s.labels().measures().get(name);
        return label == null ? readable(name) : label;
    }

    /**
     * An id in words: underscores become spaces, a word and a number written together are parted ("part2" reads
     * "part 2", "aim4" "Aim 4"), single letters and the system's abbreviations are capitals, and the first word
     * starts with a capital.
     */
    public static String readable(String id) {
        List<String> words = new ArrayList<>();
        for (String w : id.split("[_\\s]+")) {
            if (w.isEmpty()) continue;
            String lower = w.toLowerCase(Locale.ROOT);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z]+)(\\d+)").matcher(lower);
            if (m.matches() && !ABBREVIATIONS.contains(lower)) {
                words.add(word(m.group(1)));
                words.add(m.group(2));
            } else {
                words.add(word(w));
            }
        }
        if (words.isEmpty()) return id;
        String first = words.get(0);
        words.set(0, Character.toUpperCase(first.charAt(0)) + first.substring(1));
        return String.join(" ", words);
    }

    private static String word(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (lower.length() == 1 && Character.isLetter(lower.charAt(0))) return lower.toUpperCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) return lower.toUpperCase(Locale.ROOT).replace("LARS", "LARs");
        return w;
    }

    /**
     * A label as it reads inside a sentence: "Time to permanence" becomes "time to permanence", but a label whose
     * second word is a capital, a number or an abbreviation ("Form E part 2", "Aim 2", "Children's Hearing") or
     * whose first word is one ("LAR at two weeks") keeps its capitals.
     */
    public static String inSentence(String label) {
        String[] words = label.split(" ");
        if (words.length == 0 || words[0].isEmpty()) return label;
        boolean firstIsCapitals = words[0].length() > 1 && words[0].equals(words[0].toUpperCase(Locale.ROOT));
        boolean secondIsName = words.length > 1 && !words[1].isEmpty() && !Character.isLowerCase(words[1].charAt(0));
        if (firstIsCapitals || secondIsName) return label;
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
