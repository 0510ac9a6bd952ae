package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem found in one pass over the input, so that a user sees all of them at once
 * rather than one per run. Loading code reports and carries on; the caller throws at the end.
 */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    /** Records a problem. */
    public void add(Location at, String path, String what, String fix) {
        list.add(new Problem(at, path, what, fix));
    }

    /** Records a problem that is already built. */
    public void add(Problem p) {
        list.add(p);
    }

    /** Whether nothing was reported. */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** The number of problems reported so far. */
    public int size() {
        return list.size();
    }

    /** The problems in the order they were found. */
    public List<Problem> list() {
        return Collections.unmodifiableList(list);
    }

    /** Throws {@link InvalidInputException} if anything was reported, listing problems in file order. */
    public void throwIfAny() {
        if (list.isEmpty()) return;
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing((Problem p) -> p.at().file()).thenComparingInt(p -> p.at().line())
                .thenComparingInt(p -> p.at().column()));
        throw new InvalidInputException(sorted);
    }
}
