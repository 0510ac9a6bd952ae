package org.pacesim.scenario;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.pacesim.scenario.Inputs.assertProblem;
import static org.pacesim.scenario.Inputs.loadFails;
import static org.pacesim.scenario.Inputs.only;
import static org.pacesim.scenario.Inputs.resource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files that cannot be read as one YAML map: each is refused with one problem that says where (file, line, column;
 * line 0 for the whole file) and what to do, before any field is looked at.
 */
class YamlProblemsTest {
    /**
     * The bound on refusing a hostile file. It guards against the blow-up these files are built to cause (an alias
     * bomb or a quadratic check runs for hours), not against slowness: the files are refused in well under a second
     * on an idle machine, and a bound near that would fail on a busy one. Speed is measured by benchmarks.
     */
    static final Duration NO_BLOW_UP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # file under invalid/yaml | line | col | what is wrong (fragment)                          | fix (fragment)
            syntax-error.yaml         | 3    | 19  | a ':' where YAML does not expect one                 | quote text that contains ':'
            tab-indentation.yaml      | 5    | 1   | a tab is used for indentation                        | indent with spaces only
            duplicate-key.yaml        | 6    | 1   | the key 'run' appears twice in the same map (first at line 3) | keep one of them
            empty.yaml                | 0    | 0   | the file is empty                                    | write a scenario in it
            only-comments.yaml        | 0    | 0   | the file is empty                                    | write a scenario in it
            list-not-map.yaml         | 2    | 1   | a scenario file is a map of sections (name:, run:, stages: ...), found a list | start the file with 'name: ...'
            two-documents.yaml        | 5    | 1   | more than one YAML document (a second '---')         | keep one scenario per file
            deep-nesting.yaml         | 2    | 71  | nests more than 64 levels deep here                  | flatten the structure
            too-many-aliases.yaml     | 0    | 0   | uses more than 100 aliases (*name) of lists or maps  | use fewer anchors and aliases
            """)
    void fileThatIsNotOneYamlMapIsRefusedAtThePlaceOfTheMistake(String name, int line, int col, String what,
                                                                 String fix) {
        Path file = resource("invalid/yaml/" + name);
        assertProblem(only(loadFails(file)), file, line, col, "", what, fix);
    }

    @Test
    void billionLaughsIsRefusedWithinSecondsAtTheAnchorBeingExpanded() {
        Path file = resource("invalid/yaml/alias-bomb.yaml");
        InvalidInputException e = assertTimeoutPreemptively(NO_BLOW_UP, () -> loadFails(file));
        assertProblem(only(e), file, 2, 64, "", "expands to more than 200000 values (an alias bomb",
                "without nested aliases");
    }

    @Test
    void nestingBeyondTheParsersOwnLimitIsRefusedInPlainWords() throws Exception {
        Path file = Files.writeString(dir.resolve("very-deep.yaml"), "name: " + "[".repeat(1000) + "x"
                + "]".repeat(1000) + "\n");
        InvalidInputException e = assertTimeoutPreemptively(NO_BLOW_UP, () -> loadFails(file));
        assertProblem(only(e), file, 0, 0, "", "the document nests more than 256 levels deep", "flatten the structure");
    }

    @Test
    void directoryInsteadOfAFileIsRefused() {
        assertProblem(only(loadFails(dir)), dir, 0, 0, "", "this is a directory, not a file",
                "name a .yaml file inside it");
    }

    @Test
    void missingFileIsRefused() {
        Path file = dir.resolve("baseline-la.yaml");
        assertProblem(only(loadFails(file)), file, 0, 0, "", "no such file", "check the path and the spelling");
    }

    @Test
    void fileSavedAsUtf16IsRefusedAtItsFirstByte() throws Exception {
        byte[] utf16 = "\uFEFFname: Saved as Unicode\n".getBytes(StandardCharsets.UTF_16LE);
        Path file = Files.write(dir.resolve("utf16.yaml"), utf16);
        assertProblem(only(loadFails(file)), file, 1, 1, "", "the file is not UTF-8 text (byte 0xFF at offset 0)",
                "save the file as UTF-8");
    }

    @Test
    void latin1ByteIsPlacedByCharactersNotBytes() throws Exception {
        // "Über" is valid UTF-8 (Ü takes two bytes, one column); the 0xE9 of a Latin-1 "é" is not.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("# Latin-1 slipped into a UTF-8 file\nname: Über Caf".getBytes(StandardCharsets.UTF_8));
        b.write(0xE9);
        b.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("latin1.yaml"), b.toByteArray());
        assertProblem(only(loadFails(file)), file, 2, 15, "", "not UTF-8 text (byte 0xE9 at offset 51)",
                "save the file as UTF-8");
    }

    @Test
    void encodedSurrogateIsPlacedWhereItIsNotAtTheStartOfTheFile() throws Exception {
        // ED A0 80 has a valid lead byte and continuation bytes, but encodes a UTF-16 surrogate, which UTF-8 forbids.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("name: x\nrun: ".getBytes(StandardCharsets.UTF_8));
        b.write(0xED);
        b.write(0xA0);
        b.write(0x80);
        b.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("surrogate.yaml"), b.toByteArray());
        assertProblem(only(loadFails(file)), file, 2, 6, "", "not UTF-8 text (byte 0xED at offset 13)",
                "save the file as UTF-8");
    }
}
