package org.pacesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
