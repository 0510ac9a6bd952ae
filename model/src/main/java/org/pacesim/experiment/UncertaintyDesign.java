package org.pacesim.experiment;

import java.util.ArrayList;
import java.util.List;

import org.pacesim.random.StreamBank;
import org.pacesim.random.StreamKey;
import org.pacesim.scenario.UncertaintySpec;

import umontreal.ssj.hups.LatinHypercube;

/**
 * The design points of an uncertainty analysis: a Latin hypercube (SSJ's {@link LatinHypercube}) of as many
 * dimensions as values that vary, randomised with the design's own stream, so that each value's range is cut into
 * as many equally likely strata as there are points and each stratum is drawn exactly once. A value's coordinate
 * in (0, 1) becomes the value through its range's inverse distribution function.
 *
 * @param varied what varies, in order
 * @param unit   the coordinates in (0, 1), [point][value]
 * @param points the settings of each point, [point][value]
 */
public record UncertaintyDesign(List<UncertaintySpec.Varied> varied, double[][] unit,
                                List<List<UncertaintySpec.Setting>> points) {
    public UncertaintyDesign {
        varied = List.copyOf(varied);
        unit = copy(unit);
        points = points.stream().map(List::copyOf).toList();
    }

    /** A design of {@code n} points over {@code varied}, the same for the same seed. */
    public static UncertaintyDesign of(List<UncertaintySpec.Varied> varied, int n, long seed) {
        LatinHypercube cube = new LatinHypercube(n, varied.size());
        cube.randomize(new StreamBank(seed).stream(StreamKey.design(), 0));
        double[][] unit = new double[n][varied.size()];
        List<List<UncertaintySpec.Setting>> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<UncertaintySpec.Setting> settings = new ArrayList<>();
            for (int j = 0; j < varied.size(); j++) {
                unit[i][j] = cube.getCoordinate(i, j);
                settings.add(new UncertaintySpec.Setting(varied.get(j), varied.get(j).range().quantile(unit[i][j])));
            }
            points.add(settings);
        }
        return new UncertaintyDesign(varied, unit, points);
    }

    /** The values of the design, [point][value] (multipliers where the range is one). */
    public double[][] values() {
        double[][] v = new double[points.size()][varied.size()];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < varied.size(); j++) v[i][j] = points.get(i).get(j).value();
        }
        return v;
    }

    @Override
    public double[][] unit() {
        return copy(unit);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
