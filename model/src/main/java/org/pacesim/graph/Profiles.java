package org.pacesim.graph;

import java.util.ArrayList;
import java.util.List;

import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.Attribute;
import org.pacesim.scenario.Condition;
import org.pacesim.scenario.InvalidInputException;

/**
 * Every combination of attribute levels (a "profile"), numbered in mixed radix. Routing conditions only ever look
 * at attributes, so a child's profile number is all the engine needs to pick a route group, and checks can
 * enumerate profiles to prove that every child has a route out of every stage.
 */
public final class Profiles {
    /** More combinations than this are refused (they would make routing tables large for no modelling gain). */
    public static final int MAX_PROFILES = 4096;

    private final List<Attribute> attributes;
    private final int[] radix;
    private final int count;

    /** The profiles of a scenario's attributes. */
    public Profiles(List<Attribute> attributes, String file) {
        this.attributes = List.copyOf(attributes);
        this.radix = new int[attributes.size()];
        long n = 1;
        for (int i = 0; i < radix.length; i++) {
            radix[i] = attributes.get(i).levels().size();
            n *= radix[i];
            if (n > MAX_PROFILES) {
                throw new InvalidInputException(attributes.get(i).at(), "attributes", "the attributes have more than "
                        + MAX_PROFILES + " combinations of levels", "use fewer attributes or fewer levels");
            }
        }
        this.count = (int) n;
    }

    /** The number of profiles (1 when there are no attributes). */
    public int count() {
        return count;
    }

    /** The attributes, in order. */
    public List<Attribute> attributes() {
        return attributes;
    }

    /** The profile of a child with these level indices (one per attribute). */
    public int of(int[] levels) {
        int p = 0;
        for (int i = 0; i < radix.length; i++) p = p * radix[i] + levels[i];
        return p;
    }

    /** The level index of attribute {@code a} in profile {@code p}. */
    public int level(int p, int a) {
        int rest = p;
        for (int i = radix.length - 1; i > a; i--) rest /= radix[i];
        return rest % radix[a];
    }

    /** The profile {@code p} with attribute {@code a} set to level {@code level}. */
    public int with(int p, int a, int level) {
        int[] levels = new int[radix.length];
        for (int i = 0; i < levels.length; i++) levels[i] = level(p, i);
        levels[a] = level;
        return of(levels);
    }

    /** The profile a child of profile {@code p} has after following a route that sets attributes. */
    public int after(int p, java.util.Map<String, String> set) {
        int q = p;
        for (java.util.Map.Entry<String, String> e : set.entrySet()) {
            int a = indexOf(e.getKey());
            q = with(q, a, attributes.get(a).indexOf(e.getValue()));
        }
        return q;
    }

    /** Whether a condition holds for every child of profile {@code p}. */
    public boolean holds(Condition c, int p) {
        for (Condition.Clause clause : c.clauses()) {
            int a = indexOf(clause.attribute());
            String level = attributes.get(a).levels().get(level(p, a));
            if (!clause.levels().contains(level)) return false;
        }
        return true;
    }

    /** The probability that a child from {@code source} has profile {@code p}. */
    public double probability(ArrivalSource source, int p) {
        double prob = 1;
        for (int a = 0; a < attributes.size(); a++) {
            Attribute attr = attributes.get(a);
            int l = level(p, a);
            String fixed = source.fixed().get(attr.name());
            prob *= fixed == null ? attr.probabilities()[l] : fixed.equals(attr.levels().get(l)) ? 1 : 0;
        }
        return prob;
    }

    /** Describes a profile for messages, e.g. {@code age_band = under1}. */
    public String describe(int p) {
        if (attributes.isEmpty()) return "all children";
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < attributes.size(); a++) {
            parts.add(attributes.get(a).name() + " = " + levelName(p, a));
        }
        return "children with " + String.join(", ", parts);
    }

    /** The name of profile {@code p}'s level of attribute {@code a}, e.g. {@code under1}. */
    public String levelName(int p, int a) {
        return attributes.get(a).levels().get(level(p, a));
    }

    /** The index of the attribute of this name, or -1 when the scenario has none (outputs that use it if present). */
    public int find(String attribute) {
        for (int i = 0; i < attributes.size(); i++) if (attributes.get(i).name().equals(attribute)) return i;
        return -1;
    }

    int indexOf(String attribute) {
        int i = find(attribute);
        if (i < 0) throw new IllegalArgumentException(attribute);
        return i;
    }
}
