package org.pacesim.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates are read as ISO or day first, as UK spreadsheets save them, and nothing is guessed. */
class DatesTest {
    @ParameterizedTest
    @ValueSource(strings = {"2024-03-07", "2024-3-7", "07/03/2024", "7/3/2024", "07.03.2024", "07-03-2024",
        " 07/03/2024 ", "07/03/2024 00:00", "2024-03-07T00:00:00", "2024-03-07 13:45:10"})
    void everyAcceptedFormIsSeventhOfMarch(String text) {
        assertEquals(LocalDate.of(2024, 3, 7), Dates.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "07/03/24|two-digit year",
        "03/13/2024|month-first",
        "31/02/2024|February 2024 has no day 31",
        "29/02/2023|February 2023 has no day 29",
        "2024-13-01|no month 13",
        "45358|spreadsheet's number for a date",
        "March 7 2024|not a date",
        "2024/03/07|not a date",
        "soon|not a date"})
    void ambiguousOrInvalidDatesAreRefusedSayingWhy(String text, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dates.parse(text));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"29/02/2024", "2024-02-29"})
    void aLeapDayIsADate(String text) {
        assertEquals(LocalDate.of(2024, 2, 29), Dates.parse(text));
    }
}
