package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text value over the JSON parser's 20,000,000-character limit gets llmeval's own one-line message. */
class HugeFieldTest {

    private static final String HUGE = "x".repeat(20_000_001);

    @TempDir
    Path dir;

    @Test
    void should_name_the_line_and_the_limit_when_a_jsonl_value_is_too_long() {
        Path file = Fixtures.write(dir, "gold.jsonl", "{\"user_input\": \"q\", \"response\": \"ok\"}\n"
                + "{\"user_input\": \"q\", \"response\": \"" + HUGE + "\"}\n");

        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        assertThat(message).isEqualTo(file + ":2: a text value is longer than 20,000,000 characters, the most"
                + " llmeval reads in one field; shorten it or split the sample");
    }

    @Test
    void should_name_the_line_and_the_limit_when_a_json_document_value_is_too_long() {
        Path file = Fixtures.write(dir, "gold.json", "[\n{\"user_input\": \"q\",\n \"response\": \"" + HUGE + "\"}\n]\n");

        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        assertThat(message).startsWith(file + ":3: a text value is longer than 20,000,000 characters");
    }

    @Test
    void should_name_the_row_and_the_limit_when_a_csv_list_cell_is_too_long() {
        Path file = Fixtures.write(dir, "gold.csv", "user_input,retrieved_contexts\nq,\"[\"\"" + HUGE + "\"\"]\"\n");

        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        assertThat(message).isEqualTo(file + ":2 (row 1): field 'retrieved_contexts': a text value is longer than"
                + " 20,000,000 characters, the most llmeval reads in one field; shorten it or split the sample");
    }
}
