package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files as spreadsheets save them are read alike, and every cell remembers its line and column. */
class CsvTableTest {
    private final Problems problems = new Problems();

    @TempDir
    Path dir;

    private CsvTable parse(String text) {
        return CsvTable.parse(text, "r.csv", problems, "records");
    }

    private String messages() {
        return problems.list().stream().map(Problem::format).collect(Collectors.joining("\n"));
    }

    private static List<List<String>> cells(CsvTable t) {
        return t.rows().stream().map(CsvTable.Row::cells).toList();
    }

    @Test
    void aPlainFileGivesTheHeaderAndRowsWithTheirLines() {
        CsvTable t = parse("child,arrival\nC1,2024-03-07\nC2,\n");
        assertEquals(List.of("child", "arrival"), t.header());
        assertEquals(List.of(List.of("C1", "2024-03-07"), List.of("C2", "")), cells(t));
        assertEquals(List.of(2, 3), t.rows().stream().map(CsvTable.Row::line).toList());
        assertEquals(new Location("r.csv", 3, 4), t.rows().get(1).at(1));
        assertTrue(problems.isEmpty());
    }

    @Test
    void excelsUtf8BomSemicolonsCrlfAndTrailingBlankRowsReadTheSame() throws Exception {
        String excel = "\uFEFFchild;arrival;age_band\r\nC1;07/03/2024;under1\r\nC2;;older\r\n;;\r\n;;\r\n";
        Path f = dir.resolve("excel.csv");
        Files.write(f, excel.getBytes(StandardCharsets.UTF_8));
        CsvTable t = CsvTable.read(f, "excel.csv", problems, "records");
        assertEquals(';', t.separator());
        assertEquals(List.of("child", "arrival", "age_band"), t.header());
        assertEquals(List.of(List.of("C1", "07/03/2024", "under1"), List.of("C2", "", "older")), cells(t));
        assertEquals(new Location("excel.csv", 3, 5), t.rows().get(1).at(2));
        assertTrue(problems.isEmpty(), messages());
    }

    @Test
    void excelsSepLineNamesTheSeparator() {
        CsvTable t = parse("sep=;\nchild;note\nC1;a, b\n");
        assertEquals(';', t.separator());
        assertEquals(List.of(List.of("C1", "a, b")), cells(t));
        assertEquals(3, t.rows().get(0).line());
    }

    @Test
    void quotedCellsKeepTheirSeparatorsQuotesAndLineBreaks() {
        CsvTable t = parse("child,note,arrival\n\"C1\",\"in care, then home\",2024-01-01\n"
                + "C2,\"said \"\"no\"\"\nthen yes\",2024-01-02\nC3,,2024-01-03\n");
        assertEquals(List.of(List.of("C1", "in care, then home", "2024-01-01"),
                List.of("C2", "said \"no\"\nthen yes", "2024-01-02"), List.of("C3", "", "2024-01-03")), cells(t));
        assertEquals(new Location("r.csv", 4, 11), t.rows().get(1).at(2));
        assertEquals(5, t.rows().get(2).line());
    }

    @Test
    void headerNamesAndCellsAreTrimmedAndCommentsAndBlankLinesSkipped() {
        CsvTable t = parse("# SYNTHETIC example\n\n child , arrival \n\n# a note\nC1 , 2024-03-07\n");
        assertEquals(List.of("child", "arrival"), t.header());
        assertEquals(List.of(List.of("C1", "2024-03-07")), cells(t));
        assertEquals(6, t.rows().get(0).line());
    }

    @Test
    void blankCellsPastTheLastColumnAreIgnored() {
        CsvTable t = parse("child;arrival\nC1;2024-03-07;;\n");
        assertEquals(List.of(List.of("C1", "2024-03-07")), cells(t));
        assertTrue(problems.isEmpty(), messages());
    }

    @Test
    void aRowOfTheWrongWidthIsReportedWithItsLine() {
        parse("child,arrival,exit\nC1,2024-03-07\nC2,2024-03-07,2024-04-01,x\n");
        assertTrue(messages().contains("r.csv:2:1: records: the row has 2 cells but the header has 3"), messages());
        assertTrue(messages().contains("r.csv:3:1: records: the row has 4 cells but the header has 3"), messages());
    }

    @Test
    void aRowWithTheOtherSeparatorIsNamedAsSuch() {
        parse("child;arrival\nC1,2024-03-07\n");
        assertTrue(messages().contains("r.csv:2:1: records: this row's cells are separated by ',' but the header's "
                + "by ';'"), messages());
    }

    @Test
    void anUnclosedQuoteIsPlaced() {
        parse("child,note\nC1,\"never closed\nC2,x\n");
        assertTrue(messages().contains("r.csv:2:4: records: a quote (\") opened here is never closed"), messages());
    }

    @Test
    void anEmptyFileHasNoHeader() {
        parse("\n# only a comment\n");
        assertTrue(messages().contains("r.csv: records: the file has no header row"), messages());
    }

    @Test
    void columnsAreCheckedWithDidYouMeanAndRepeatsAndMissingOnes() {
        CsvTable t = parse("child,arival,child,colour\nC1,x,y,z\n");
        Map<String, Integer> cols = t.columns(problems, "records", List.of("child", "arrival"),
                List.of("child", "arrival", "source"), "child,arrival");
        assertNull(cols);
        String m = messages();
        assertTrue(m.contains("r.csv:1:7: records: unknown column 'arival'"), m);
        assertTrue(m.contains("did you mean 'arrival'?"), m);
        assertTrue(m.contains("r.csv:1:14: records: column 'child' appears twice"), m);
        assertTrue(m.contains("unknown column 'colour'"), m);
        assertTrue(m.contains("use one of the columns: child, arrival, source"), m);
        assertTrue(m.contains("the header has no column 'arrival'"), m);
    }

    @Test
    void aHeaderInTheOtherSeparatorIsNamedAsTheProblem() {
        // a comma-separated file whose header was typed with semicolons: one long column name
        CsvTable t = parse("child;arrival,x\nC1,y\n");
        t.columns(problems, "records", List.of("child"), List.of("child", "arrival"), "child,arrival");
        assertTrue(messages().contains("separate the header's names with ','"), messages());
    }

    @Test
    void knownColumnsGiveTheirIndex() {
        CsvTable t = parse("arrival,child\nx,C1\n");
        assertEquals(Map.of("arrival", 0, "child", 1), t.columns(problems, "records", List.of("child"),
                List.of("child", "arrival"), "child,arrival"));
    }

    @Test
    void aFileThatIsNotUtf8OrMissingIsUnreadable() throws Exception {
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, "child\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CsvTable.Unreadable e = assertThrows(CsvTable.Unreadable.class,
                () -> CsvTable.read(latin, "latin.csv", problems, "records"));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertThrows(CsvTable.Unreadable.class, () -> CsvTable.read(dir.resolve("none.csv"), "none.csv", problems, "r"));
        assertThrows(CsvTable.Unreadable.class, () -> CsvTable.read(dir, "dir", problems, "r"));
    }
}
