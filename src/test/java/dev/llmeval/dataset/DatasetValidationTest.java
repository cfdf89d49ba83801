package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetValidationTest {

    @TempDir
    Path dir;

    private String errorReading(String name, String content) {
        Path file = Fixtures.write(dir, name, content);
        return Fixtures.invalidInputMessage(() -> Fixtures.read(file)).replace(dir + "/", "");
    }

    @Test
    void should_report_no_such_file_when_file_is_missing() {
        // given
        Path missing = dir.resolve("nope.jsonl");

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(missing));

        // then
        assertThat(message).isEqualTo(missing + ": no such file");
    }

    @Test
    void should_report_a_directory_when_path_is_a_directory() throws Exception {
        // given
        Path folder = Files.createDirectory(dir.resolve("set.jsonl"));

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(folder));

        // then
        assertThat(message).isEqualTo(folder + ": is a directory, not a file");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gold.jsonl|''", "gold.jsonl|'\n  \n\n'", "gold.json|'[]'", "gold.json|'{\"samples\": []}'",
        "gold.csv|'user_input,response\n'", "gold.csv|''"
    })
    void should_report_no_samples_when_file_has_none(String name, String content) {
        assertThat(errorReading(name, content)).isEqualTo(name + ": no samples");
    }

    @Test
    void should_report_line_and_column_when_utf8_is_invalid() {
        // given
        byte[] bytes = "{\"user_input\": \"ok\"}\n{\"user_input\": \"caf\u00e9 \u00ff\"}\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path file = Fixtures.write(dir, "gold.jsonl", bytes);

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        // then
        assertThat(message).isEqualTo(file + ":2: not valid UTF-8 (byte 0xE9 at column 20)");
    }

    @Test
    void should_report_jackson_message_without_location_when_a_jsonl_line_is_not_json() {
        // when
        String message = errorReading("gold.jsonl", "{\"user_input\": \"a\"}\n\n{\"user_input\": \"b\",}\n");

        // then
        assertThat(message).startsWith("gold.jsonl:3: not valid JSON: ").doesNotContain("Source").doesNotContain("line:");
    }

    @Test
    void should_report_got_an_array_when_a_jsonl_line_is_not_an_object() {
        assertThat(errorReading("gold.jsonl", "[\"a\"]\n")).isEqualTo("gold.jsonl:1: expected a JSON object, got an array");
    }

    @Test
    void should_report_trailing_content_when_a_jsonl_line_holds_two_objects() {
        assertThat(errorReading("gold.jsonl", "{\"user_input\": \"a\"} {\"user_input\": \"b\"}\n"))
                .startsWith("gold.jsonl:1: not valid JSON: ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"user_input\": 42}|gold.jsonl:1: field 'user_input': expected a string, got a number",
        "{\"response\": [\"a\"]}|gold.jsonl:1: field 'response': expected a string, got an array",
        "{\"reference\": true}|gold.jsonl:1: field 'reference': expected a string, got a boolean",
        "{\"retrieved_contexts\": \"one chunk\"}|gold.jsonl:1: field 'retrieved_contexts': expected a list of strings, got a string",
        "{\"retrieved_contexts\": [\"a\", \"b\", 3]}|gold.jsonl:1: field 'retrieved_contexts'[2]: expected a string, got a number",
        "{\"reference_contexts\": [null]}|gold.jsonl:1: field 'reference_contexts'[0]: expected a string, got null",
        "{\"contexts\": {\"a\": 1}}|gold.jsonl:1: field 'contexts' (read as retrieved_contexts): expected a list of strings, got an object",
        "{\"metadata\": [1]}|gold.jsonl:1: field 'metadata': expected an object, got an array",
        "{\"id\": 1.5}|gold.jsonl:1: field 'id': expected a string or an integer, got a number",
        "{\"id\": \" \"}|gold.jsonl:1: field 'id': must not be empty"
    })
    void should_name_file_line_and_field_when_a_field_has_the_wrong_type(String line, String expected) {
        assertThat(errorReading("gold.jsonl", line + "\n")).isEqualTo(expected);
    }

    @Test
    void should_report_conflict_when_ragas_name_and_legacy_twin_are_both_present() {
        assertThat(errorReading("gold.jsonl", "{\"user_input\": \"a\", \"question\": \"b\"}\n"))
                .isEqualTo("gold.jsonl:1: fields 'user_input' and 'question' are both read as user_input; keep one");
    }

    @Test
    void should_report_conflict_when_mapped_column_and_ragas_name_are_both_present() {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl", "{\"query\": \"a\", \"user_input\": \"b\"}\n");
        Map<String, String> columnMap = ColumnMaps.parse(List.of("user_input=query"));

        // when
        String message = Fixtures.invalidInputMessage(() -> DatasetReader.read(file, null, columnMap));

        // then
        assertThat(message).isEqualTo(file + ":1: fields 'query' and 'user_input' are both read as user_input; keep one");
    }

    @Test
    void should_report_duplicate_id_with_first_line() {
        assertThat(errorReading("gold.jsonl", "{\"id\": \"q7\"}\n\n{\"id\": \"q1\"}\n{\"id\": \"q7\"}\n"))
                .isEqualTo("gold.jsonl:4: duplicate id 'q7' (first used at line 1)");
    }

    @Test
    void should_report_duplicate_id_with_row_when_csv() {
        assertThat(errorReading("gold.csv", "id,user_input\nq1,a\nq1,b\n"))
                .isEqualTo("gold.csv:3 (row 2): duplicate id 'q1' (first used at line 2, row 1)");
    }

    @Test
    void should_name_the_first_sample_of_a_duplicate_id_when_the_json_array_is_on_one_line() {
        // given: a JSON array written on one line, as json.dump does, so every sample is at line 1
        String oneLine = "[{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"b\"}]";

        // when / then: the line alone would not tell which sample came first
        assertThat(errorReading("gold.json", oneLine))
                .isEqualTo("gold.json:1 (sample 3): duplicate id 'b' (first used at line 1, sample 2)");
    }

    @Test
    void should_report_duplicate_field_when_a_key_repeats_in_one_object() {
        assertThat(errorReading("gold.jsonl", "{\"user_input\": \"a\", \"user_input\": \"b\"}\n"))
                .startsWith("gold.jsonl:1: not valid JSON: Duplicate field 'user_input'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"just a string\"", "42", "null"})
    void should_report_shape_when_json_top_level_is_a_scalar(String content) {
        assertThat(errorReading("gold.json", content))
                .startsWith("gold.json:1: expected a JSON array of samples or an object with a 'samples' array, got ");
    }

    @Test
    void should_report_metadata_cell_when_csv_metadata_is_not_an_object() {
        assertThat(errorReading("gold.csv", "user_input,metadata\na,[1]\n"))
                .isEqualTo("gold.csv:2 (row 1): field 'metadata': expected a JSON object in the cell,"
                        + " e.g. {\"topic\": \"billing\"}, or a Python dict");
    }

    @Test
    void should_report_item_index_when_csv_list_cell_holds_a_non_string() {
        assertThat(errorReading("gold.csv", "user_input,retrieved_contexts\na,\"[\"\"x\"\", 2]\"\n"))
                .isEqualTo("gold.csv:2 (row 1): field 'retrieved_contexts'[1]: expected a string, got a number");
    }
}
