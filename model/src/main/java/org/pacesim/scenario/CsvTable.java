package org.pacesim.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as a spreadsheet saves it, read into a header and rows that remember where each cell was: the one reader
 * of the project's CSV inputs (caseloads, records), on Apache Commons CSV.
 *
 * <p>It takes what Excel and other spreadsheets write: a UTF-8 byte order mark, {@code ;} instead of {@code ,} between
 * cells (sniffed from the header line, or named by an Excel {@code sep=;} first line), CRLF line ends, quoted cells
 * holding separators, quotes or line breaks, blank rows anywhere (Excel leaves {@code ;;;} rows at the end) and
 * empty cells past the last column. Cells and header names are trimmed. A line whose first cell starts with
 * {@code #} is a comment.
 *
 * <p>Problems with the file's shape (no header, a row with too few or too many cells, an unclosed quote) are reported
 * to {@link Problems} under the caller's subject, with file:line:column; the caller checks the columns it knows
 * ({@link #columns}) and the cells' meaning, so that every problem in the file is listed at once.
 */
public final class CsvTable {
    /** Shape problems reported before the rest are summed up in one line. */
    private static final int MAX_REPORTED = 20;
    private static final char QUOTE = '"';

    private final String file;
    private final char separator;
    private final List<String> header;
    private final Row headerRow;
    private final List<Row> rows;

    private CsvTable(String file, char separator, Row headerRow, List<Row> rows) {
        this.file = file;
        this.separator = separator;
        this.headerRow = headerRow;
        this.header = headerRow == null ? List.of() : headerRow.cells;
        this.rows = rows;
    }

    /** A file that cannot be read at all: what is wrong and what would fix it, for the caller to place. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String fix;

        Unreadable(String what, String fix) {
            super(what);
            this.fix = fix;
        }

        /** What would fix it, as an instruction. */
        public String fix() {
            return fix;
        }
    }

    /**
     * Reads a CSV file.
     *
     * @param path     the file
     * @param shownAs  the file as messages name it (the path the user typed)
     * @param problems where shape problems go
     * @param subject  the field path problems are reported under, e.g. {@code caseload.file} or {@code records}
     * @throws Unreadable when the file is missing, a directory, or not UTF-8 text
     */
    public static CsvTable read(Path path, String shownAs, Problems problems, String subject) throws Unreadable {
        if (Files.isDirectory(path)) throw new Unreadable("'" + shownAs + "' is a directory", "name a CSV file");
        String text;
        try {
            text = Files.readString(path);
        } catch (CharacterCodingException e) {
            throw new Unreadable("'" + shownAs + "' is not UTF-8 text", "save it as 'CSV UTF-8' (Excel: File > Save As)");
        } catch (IOException | UncheckedIOException e) {
            throw new Unreadable("cannot read '" + shownAs + "' (" + (Files.exists(path) ? "unreadable" : "no such file")
                    + ")", "name an existing CSV file");
        }
        return parse(text, shownAs, problems, subject);
    }

    /** Reads CSV text, as {@link #read} does a file's. */
    public static CsvTable parse(String text, String shownAs, Problems problems, String subject) {
        return new Reader(text.startsWith("\uFEFF") ? text.substring(1) : text, shownAs, problems, subject).read();
    }

    /** The file as messages name it. */
    public String file() {
        return file;
    }

    /** The separator between cells: {@code ,} or {@code ;}. */
    public char separator() {
        return separator;
    }

    /** The header names, trimmed, in file order; empty when the file has no header. */
    public List<String> header() {
        return header;
    }

    /** Where the header's column {@code k} starts; the whole file when there is no header. */
    public Location headerAt(int k) {
        return headerRow == null ? Location.of(file) : headerRow.at(k);
    }

    /** The data rows (blank and comment rows left out), each with as many cells as the header has. */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Checks the header against the columns a caller knows and reports missing, unknown ("did you mean") and
     * repeated columns.
     *
     * @param problems where problems go
     * @param subject  the field path problems are reported under
     * @param required columns that must be there
     * @param known    every column allowed (including the required ones)
     * @param expected how the header should start, for the fix of a missing column, e.g. "child,arrival,..."
     * @return the column index of each name in the header, or null when anything was reported
     */
    public Map<String, Integer> columns(Problems problems, String subject, List<String> required,
                                        Collection<String> known, String expected) {
        if (headerRow == null) return null;
        Map<String, Integer> index = new LinkedHashMap<>();
        boolean ok = true;
        for (int k = 0; k < header.size(); k++) {
            String h = header.get(k);
            if (index.containsKey(h)) {
                problems.add(headerAt(k), subject, "column '" + h + "' appears twice", "keep one of them");
                ok = false;
            } else if (!known.contains(h)) {
                problems.add(headerAt(k), subject, "unknown column '" + h + "'", otherSeparator(h) != 0
                        ? "separate the header's names with '" + separator + "' as its first line does, or with '"
                        + otherSeparator(h) + "' throughout" : Names.hint(h, known, "column"));
                ok = false;
            }
            index.putIfAbsent(h, k);
        }
        for (String r : required) {
            if (!index.containsKey(r)) {
                problems.add(headerAt(0), subject, "the header has no column '" + r + "'", "the header starts: "
                        + expected);
                ok = false;
            }
        }
        return ok ? index : null;
    }

    private char otherSeparator(String cell) {
        char other = separator == ',' ? ';' : ',';
        return cell.indexOf(other) >= 0 ? other : 0;
    }

    /** One row of the file: its cells, trimmed, and where each starts. */
    public static final class Row {
        private final String file;
        private final int line;
        private final List<String> cells;
        private final int[] lines;
        private final int[] columns;

        Row(String file, List<String> cells, int[] lines, int[] columns) {
            this.file = file;
            this.line = lines.length == 0 ? 0 : lines[0];
            this.cells = cells;
            this.lines = lines;
            this.columns = columns;
        }

        /** The 1-based line of the file where the row starts. */
        public int line() {
            return line;
        }

        /** The cell in column {@code k}, trimmed; empty when blank. */
        public String cell(int k) {
            return k < cells.size() ? cells.get(k) : "";
        }

        /** The row's cells. */
        public List<String> cells() {
            return cells;
        }

        /** Where the cell in column {@code k} starts: file:line:column. */
        public Location at(int k) {
            if (k >= columns.length) return new Location(file, line, 0);
            return new Location(file, lines[k], columns[k]);
        }

        /** Where the row starts. */
        public Location at() {
            return new Location(file, line, 1);
        }
    }

    /** One pass over the text: separator, records, and where each cell starts. */
    private static final class Reader {
        private final String text;
        private final String file;
        private final Problems problems;
        private final String subject;
        private final int[] lineStarts;
        private int reported;

        Reader(String text, String file, Problems problems, String subject) {
            this.text = text;
            this.file = file;
            this.problems = problems;
            this.subject = subject;
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) starts.add(i + 1);
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        CsvTable read() {
            int skip = 0;
            char separator = 0;
            String first = lineAt(0).strip();
            // Excel writes "sep=;" as a first line when asked to name the separator
            if (first.length() == 5 && first.startsWith("sep=") && (first.charAt(4) == ',' || first.charAt(4) == ';')) {
                separator = first.charAt(4);
                skip = lineStarts.length > 1 ? lineStarts[1] : text.length();
            }
            if (separator == 0) separator = sniff(skip);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setQuote(QUOTE)
                    .setIgnoreEmptyLines(false).setTrim(true).setIgnoreSurroundingSpaces(true).get();
            Row header = null;
            List<Row> rows = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(text.substring(skip), format)) {
                for (CSVRecord r : parser) {
                    Row row = row(r, skip + (int) r.getCharacterPosition(), separator);
                    if (row.cells.stream().allMatch(String::isEmpty) || row.cell(0).startsWith("#")) continue;
                    if (header == null) {
                        header = row;
                    } else {
                        Row fitted = fit(row, header, separator);
                        if (fitted != null) rows.add(fitted);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                bad(unclosedQuote(skip), "a quote (\") opened here is never closed",
                        "close the quoted cell with \", or write a quote inside a quoted cell as \"\"");
            }
            if (header == null) {
                problems.add(Location.of(file), subject, "the file has no header row", "start with a row of column names");
            }
            if (reported > MAX_REPORTED) {
                problems.add(Location.of(file), subject, (reported - MAX_REPORTED) + " more rows of the wrong shape",
                        "fix the rows above and run again");
            }
            return new CsvTable(file, separator, header, List.copyOf(rows));
        }

        /** ';' when the header line has more of them than commas outside quotes: how Excel saves in much of Europe. */
        private char sniff(int from) {
            for (int i = lineOf(from) - 1; i < lineStarts.length; i++) {
                String line = lineAt(i).strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int commas = 0;
                int semicolons = 0;
                boolean quoted = false;
                for (char c : line.toCharArray()) {
                    if (c == QUOTE) quoted = !quoted;
                    else if (!quoted && c == ',') commas++;
                    else if (!quoted && c == ';') semicolons++;
                }
                return semicolons > commas ? ';' : ',';
            }
            return ',';
        }

        /** A record's trimmed cells, and the line and column where each starts. */
        private Row row(CSVRecord r, int start, char separator) {
            List<String> cells = new ArrayList<>(r.size());
            for (String c : r) cells.add(c);
            int[] lines = new int[cells.size()];
            int[] columns = new int[cells.size()];
            int at = start;
            boolean quoted = false;
            for (int k = 0; k < cells.size(); k++) {
                while (at < text.length() && text.charAt(at) == ' ') at++;
                lines[k] = lineOf(at);
                columns[k] = at - lineStarts[lines[k] - 1] + 1;
                // step over the cell to the separator after it, minding quotes
                for (; at < text.length(); at++) {
                    char c = text.charAt(at);
                    if (c == QUOTE) quoted = !quoted;
                    else if (!quoted && c == separator) break;
                    else if (!quoted && (c == '\n' || c == '\r')) break;
                }
                at++;
            }
            return new Row(file, List.copyOf(cells), lines, columns);
        }

        /** The row cut or refused to the header's width; blank cells past the last column are Excel's, not data. */
        private Row fit(Row row, Row header, char separator) {
            int want = header.cells.size();
            int have = row.cells.size();
            if (have == want) return row;
            if (have > want && row.cells.subList(want, have).stream().allMatch(String::isEmpty)) {
                return new Row(file, row.cells.subList(0, want), Arrays.copyOf(row.lines, want),
                        Arrays.copyOf(row.columns, want));
            }
            char other = separator == ',' ? ';' : ',';
            if (have == 1 && want > 1 && row.cell(0).indexOf(other) >= 0) {
                bad(row.at(), "this row's cells are separated by '" + other + "' but the header's by '" + separator
                        + "'", "use one separator throughout the file");
            } else {
                bad(row.at(), "the row has " + have + " cell" + (have == 1 ? "" : "s") + " but the header has " + want,
                        "give one cell per column, separated by '" + separator + "' (leave a cell empty for 'not "
                        + "known'); put a cell holding '" + separator + "' in double quotes");
            }
            return null;
        }

        private void bad(Location at, String what, String fix) {
            if (reported++ < MAX_REPORTED) problems.add(at, subject, what, fix);
        }

        /** Where the quote that is never closed opens. */
        private Location unclosedQuote(int from) {
            int opened = from;
            boolean quoted = false;
            for (int i = from; i < text.length(); i++) {
                if (text.charAt(i) != QUOTE) continue;
                if (!quoted) opened = i;
                quoted = !quoted;
            }
            int line = lineOf(opened);
            return new Location(file, line, opened - lineStarts[line - 1] + 1);
        }

        private String lineAt(int index) {
            int end = index + 1 < lineStarts.length ? lineStarts[index + 1] : text.length();
            return text.substring(lineStarts[index], end);
        }

        /** The 1-based line holding character {@code offset}. */
        private int lineOf(int offset) {
            int i = Arrays.binarySearch(lineStarts, offset);
            return (i >= 0 ? i : -i - 2) + 1;
        }
    }
}
