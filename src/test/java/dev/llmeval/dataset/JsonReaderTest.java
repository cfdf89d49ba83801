package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReaderTest {

    @TempDir
    Path dir;

    @Test
    void should_read_top_level_array_with_line_of_each_opening_brace() {
        // given
        Path file = Fixtures.write(dir, "gold.json", """
                [
                  {"id": "a", "user_input": "Q1"},
                  {
                    "id": "b",
                    "user_input": "Q2",
                    "retrieved_contexts": ["c1", "c2"]
                  }
                ]
                """);

        // when
        Dataset dataset = Fixtures.read(file);

        // then
        assertThat(dataset.format()).isEqualTo(DatasetFormat.JSON);
        assertThat(dataset.samples()).extracting(GoldenSample::id).containsExactly("a", "b");
        assertThat(dataset.samples()).extracting(GoldenSample::line).containsExactly(2, 3);
        assertThat(dataset.samples().get(1).retrievedContexts()).containsExactly("c1", "c2");
        assertThat(dataset.location(dataset.samples().get(1))).isEqualTo(file + ":3 (sample 2)");
    }

    @Test
    void should_read_samples_array_when_top_level_is_an_object() {
        // given
        Path file = Fixtures.write(dir, "gold.json", """
                {
                  "name": "demo",
                  "extra": {"nested": [1, 2]},
                  "samples": [
                    {"question": "Q1", "answer": "A1"}
                  ]
                }
                """);

        // when
        Dataset dataset = Fixtures.read(file);

        // then
        assertThat(dataset.samples()).hasSize(1);
        GoldenSample sample = dataset.samples().get(0);
        assertThat(sample.userInput()).isEqualTo("Q1");
        assertThat(sample.response()).isEqualTo("A1");
        assertThat(sample.line()).isEqualTo(5);
        assertThat(sample.id()).isEqualTo("1");
    }

    @Test
    void should_report_shape_when_top_level_is_neither_array_nor_samples_object() {
        // given
        Path file = Fixtures.write(dir, "gold.json", "{\"items\": []}\n");

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        // then
        assertThat(message).isEqualTo(file + ":1: expected a JSON array of samples or an object with a"
                + " 'samples' array, got an object without 'samples'");
    }

    @Test
    void should_report_a_non_object_element_with_its_sample_number() {
        // given
        Path file = Fixtures.write(dir, "gold.json", "[\n  {\"user_input\": \"Q\"},\n  \"oops\"\n]\n");

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        // then
        assertThat(message).isEqualTo(file + ":3 (sample 2): expected a JSON object, got a string");
    }

    @Test
    void should_report_jacksons_line_when_json_is_malformed() {
        // given
        Path file = Fixtures.write(dir, "gold.json", "[\n  {\"user_input\": \"Q\"},\n  {\"user_input\": }\n]\n");

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        // then
        assertThat(message).startsWith(file + ":3: not valid JSON: Unexpected character").doesNotContain("Source");
    }

    @Test
    void should_report_samples_field_when_it_is_not_an_array() {
        // given
        Path file = Fixtures.write(dir, "gold.json", "{\"samples\": {}}");

        // when
        String message = Fixtures.invalidInputMessage(() -> Fixtures.read(file));

        // then
        assertThat(message).isEqualTo(file + ":1: field 'samples': expected an array of sample objects, got an object");
    }
}
