package org.pacesim.experiment;

import java.util.List;
import java.util.function.Consumer;

import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Problem;
import org.pacesim.scenario.UncertaintySpec;

/**
 * The check an analysis makes before it runs anything over ranges of values (an uncertainty design, a fit): the
 * scenarios build with every value at the bottom of its range, (for a design, at the middle,) and at the top, all
 * together. A problem is reported where it was found, saying which end of the ranges broke it.
 */
final class RangeEnds {
    private RangeEnds() {}

    /**
     * Builds the scenarios at each end of the ranges.
     *
     * @param varied the values and their ranges
     * @param middle whether the middle of every range is tried too
     * @param build  builds the scenarios with the given values, throwing what it finds
     */
    static void check(List<UncertaintySpec.Varied> varied, boolean middle,
                      Consumer<List<UncertaintySpec.Setting>> build) {
        double[] places = middle ? new double[] {0, 0.5, 1} : new double[] {0, 1};
        for (double u : places) {
            List<UncertaintySpec.Setting> at = varied.stream()
                    .map(v -> new UncertaintySpec.Setting(v, v.range().quantile(u))).toList();
            try {
                build.accept(at);
            } catch (InvalidInputException e) {
                String said = "; with every value at the " + (u == 0 ? "bottom" : u == 1 ? "top" : "middle")
                        + " of its range";
                throw new InvalidInputException(e.problems().stream()
                        .map(p -> new Problem(p.at(), p.path(), p.what() + said, p.fix())).toList());
            }
        }
    }
}
