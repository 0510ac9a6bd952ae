package org.pacesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** How numbers are written in every CSV file. */
class CsvTest {
    @Test
    void aNumberTooSmallToShowIsZeroWithoutASign() {
        assertEquals("0", Csv.number(-1e-9));
        assertEquals("0", Csv.number(-0.0));
        assertEquals("-0.000001", Csv.number(-1e-6));
        assertEquals("-2.5", Csv.number(-2.5));
        assertEquals("", Csv.number(Double.NaN));
    }

    @Test
    void decimalsAreWrittenWithoutTrailingZerosAndWithTheirLeadingOnes() {
        assertEquals("0.05", Csv.number(0.05));
        assertEquals("12.000123", Csv.number(12.000123));
        assertEquals("0.000001", Csv.number(0.000001));
        assertEquals("-3.1", Csv.number(-3.1));
        assertEquals("3", Csv.number(2.9999999));
        assertEquals("Inf", Csv.number(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", Csv.number(Double.NEGATIVE_INFINITY));
    }

    /**
     * The fast formatter writes exactly what String.format did, for doubles of every kind: random bits (NaN,
     * infinities, subnormals, huge), every order of magnitude with either sign, whole numbers, and numbers at or
     * next to a half of the sixth decimal, where rounding is decided.
     */
    @Test
    void theFastFormatterWritesWhatStringFormatWrote() {
        SplittableRandom random = new SplittableRandom(20260101L);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 8) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 20)) * (random.nextBoolean() ? 1 : -1);
                case 2 -> random.nextDouble() * 10_000;
                case 3 -> (random.nextLong(-2_000_000_000L, 2_000_000_000L) + 0.5) / 1e6;   // a tie, as written
                case 4 -> Math.nextAfter((random.nextLong(-2_000_000_000L, 2_000_000_000L) + 0.5) / 1e6,
                        random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                case 5 -> random.nextLong(-100_000_000L, 100_000_000L) / 1e6;               // six decimals or fewer
                case 6 -> Math.rint(random.nextDouble() * 1e16) * (random.nextBoolean() ? 1 : -1);
                default -> random.nextDouble() * 2e-6 - 1e-6;                                  // tiny, either sign
            };
            String expected = stringFormat(v);
            assertEquals(expected, Csv.number(v), () -> "for " + v + " (bits " + Double.doubleToRawLongBits(v) + ")");
            sb.setLength(0);
            assertEquals(expected, Csv.number(sb.append('x'), v).substring(1), () -> "appended, for " + v);
        }
        for (double v : new double[] {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
                -Double.MAX_VALUE, 999_999.9999995, 999_999.9999994, 1e6 - 1e-7, 0.0000005, -0.0000005, 0.0000015,
                1.0000005, 2.675, 1.005, 0.125, 1e15 - 0.5, 1e15, 1e15 + 2}) {
            assertEquals(stringFormat(v), Csv.number(v), () -> "for " + v);
        }
    }

    /** How Csv.number wrote every number before it had a fast path: the reference it must keep to. */
    private static String stringFormat(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "Inf" : "-Inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        String s = String.format(Locale.ROOT, "%.6f", v);
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        s = s.substring(0, end);
        return s.equals("-0") ? "0" : s;
    }
}
