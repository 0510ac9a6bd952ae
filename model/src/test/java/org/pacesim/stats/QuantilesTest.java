package org.pacesim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.apache.commons.math3.exception.OutOfRangeException;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

/** Quantiles gives Commons Math's R-7 percentiles to the bit, without the library's cache of pivots. */
class QuantilesTest {
    private static final double[] QS = {1, 2.5, 5, 10, 25, 33.3, 50, 66.7, 75, 90, 95, 97.5, 99, 100};

    @Test
    void theSameBitsAsPercentileOnDataOfEverySizeAndKind() {
        Random r = new Random(20130101);
        Quantiles q = new Quantiles();
        for (int trial = 0; trial < 3_000; trial++) {
            int n = trial < 40 ? trial : 1 + r.nextInt(trial % 7 == 0 ? 2_000 : 60);
            double[] v = new double[n + 3]; // longer than n: only the first n count
            for (int i = 0; i < v.length; i++) v[i] = value(r, trial);
            q.of(v, n);
            Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            p.setData(v, 0, n);
            for (double at : QS) {
                assertEquals(Double.doubleToRawLongBits(p.evaluate(at)), Double.doubleToRawLongBits(q.at(at)),
                        () -> "n = " + n + ", q = " + at);
            }
        }
    }

    @Test
    void anOutOfRangePercentileIsRefusedAsPercentileRefusesIt() {
        Quantiles q = new Quantiles().of(new double[] {1, 2, 3}, 3);
        assertThrows(OutOfRangeException.class, () -> q.at(0));
        assertThrows(OutOfRangeException.class, () -> q.at(100.5));
    }

    /** Durations with many ties and some infinities (a censored clearance), NaN in some trials only. */
    private static double value(Random r, int trial) {
        return switch (r.nextInt(10)) {
            case 0 -> Math.floor(r.nextDouble() * 5);                          // ties
            case 1 -> trial % 5 == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
            case 2 -> 0.0;
            default -> r.nextDouble() * Math.pow(10, r.nextInt(6) - 1);
        };
    }
}
