package org.pacesim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that cannot be used, with every problem found. The command line prints {@link #problems()} and exits
 * with code 2; no stack trace reaches the user.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /** Wraps a non-empty list of problems. */
    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    /** A single problem. */
    public InvalidInputException(Location at, String path, String what, String fix) {
        this(List.of(new Problem(at, path, what, fix)));
    }

    /** Every problem, in the order found. */
    public List<Problem> problems() {
        return problems;
    }
}
