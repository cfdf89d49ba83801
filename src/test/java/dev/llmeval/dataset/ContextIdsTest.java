package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextIdsTest {

    @TempDir
    Path dir;

    @Test
    void should_read_context_ids_as_strings_when_given_as_strings_or_integers() {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl",
                "{\"user_input\": \"Q\", \"retrieved_context_ids\": [\"doc-1\", 7], \"reference_context_ids\": [7]}\n");

        // when
        GoldenSample sample = Fixtures.read(file).samples().get(0);

        // then
        assertThat(sample.retrievedContextIds()).containsExactly("doc-1", "7");
        assertThat(sample.referenceContextIds()).containsExactly("7");
    }

    @Test
    void should_read_context_ids_from_a_csv_cell_holding_a_json_list() {
        // given
        Path file = Fixtures.write(dir, "gold.csv", "user_input,retrieved_context_ids\nQ,\"[1, 2]\"\n");

        // when
        GoldenSample sample = Fixtures.read(file).samples().get(0);

        // then
        assertThat(sample.retrievedContextIds()).isEqualTo(List.of("1", "2"));
        assertThat(sample.referenceContextIds()).isNull();
    }

    @Test
    void should_name_file_line_field_and_index_when_an_id_is_not_a_string_or_integer() {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl", "{\"user_input\": \"Q\", \"reference_context_ids\": [\"a\", 1.5]}\n");

        // then
        assertThatThrownBy(() -> Fixtures.read(file))
                .hasMessage(file + ":1: field 'reference_context_ids'[1]: expected a string or an integer id, got a number");
    }
}
