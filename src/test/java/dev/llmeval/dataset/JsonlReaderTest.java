package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReaderTest {

    @TempDir
    Path dir;

    @Test
    void should_read_ragas_fields_and_lines_when_blank_lines_separate_samples() {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl", """
                {"id": "q1", "user_input": "How?", "retrieved_contexts": ["a", "b"], "response": "So.", "reference": "So.", "reference_contexts": ["a"]}

                {"user_input": "Why?", "metadata": {"topic": "sso"}}
                """);

        // when
        Dataset dataset = Fixtures.read(file);

        // then
        assertThat(dataset.format()).isEqualTo(DatasetFormat.JSONL);
        assertThat(dataset.path()).isEqualTo(file);
        assertThat(dataset.samples()).hasSize(2);
        GoldenSample first = dataset.samples().get(0);
        assertThat(first).isEqualTo(new GoldenSample(
                "q1", 1, "How?", List.of("a", "b"), "So.", "So.", List.of("a"), null, null, Map.of()));
        GoldenSample second = dataset.samples().get(1);
        assertThat(second.id()).isEqualTo("2");
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.retrievedContexts()).isNull();
        assertThat(second.response()).isNull();
        assertThat(second.metadata()).isEqualTo(Map.of("topic", "sso"));
        assertThat(dataset.location(second)).isEqualTo(file + ":3");
    }

    @Test
    void should_read_legacy_names_when_sample_uses_question_contexts_answer_ground_truth() {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl",
                "{\"question\": \"Q\", \"contexts\": [\"c\"], \"answer\": \"A\", \"ground_truth\": \"R\"}\n");

        // when
        GoldenSample sample = Fixtures.read(file).samples().get(0);

        // then
        assertThat(sample.userInput()).isEqualTo("Q");
        assertThat(sample.retrievedContexts()).containsExactly("c");
        assertThat(sample.response()).isEqualTo("A");
        assertThat(sample.reference()).isEqualTo("R");
        assertThat(sample.metadata()).isEmpty();
    }

    @Test
    void should_treat_explicit_null_as_absent_and_integer_id_as_string() {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl",
                "{\"id\": 7, \"user_input\": \"Q\", \"response\": null, \"retrieved_contexts\": null}\n");

        // when
        GoldenSample sample = Fixtures.read(file).samples().get(0);

        // then
        assertThat(sample.id()).isEqualTo("7");
        assertThat(sample.response()).isNull();
        assertThat(sample.retrievedContexts()).isNull();
    }

    @Test
    void should_keep_unknown_fields_in_metadata_without_overwriting_explicit_keys() {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl", "{\"user_input\": \"Q\", \"topic\": \"outer\","
                + " \"metadata\": {\"topic\": \"inner\"}, \"chunks\": [\"d1\", \"d2\"], \"score\": 3}\n");

        // when
        GoldenSample sample = Fixtures.read(file).samples().get(0);

        // then
        assertThat(sample.metadata())
                .containsEntry("topic", "inner")
                .containsEntry("chunks", List.of("d1", "d2"))
                .containsEntry("score", 3)
                .hasSize(3);
    }

    @Test
    void should_return_immutable_lists_and_metadata() {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl", "{\"user_input\": \"Q\", \"retrieved_contexts\": [\"c\"]}\n");

        // when
        GoldenSample sample = Fixtures.read(file).samples().get(0);

        // then
        assertThatThrownBy(() -> sample.retrievedContexts().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> sample.metadata().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void should_strip_bom_and_compute_sha256_of_raw_bytes() throws NoSuchAlgorithmException {
        // given
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "{\"user_input\": \"Q\"}\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        Path file = Fixtures.write(dir, "gold.ndjson", bytes);

        // when
        Dataset dataset = Fixtures.read(file);

        // then
        assertThat(dataset.samples().get(0).userInput()).isEqualTo("Q");
        assertThat(dataset.sha256()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).hasSize(64);
    }

    @Test
    void should_apply_the_column_map_before_legacy_names() {
        // given
        Path file = Fixtures.write(dir, "gold.jsonl",
                "{\"query\": \"Q\", \"answer\": \"the reference\", \"chunks\": [\"c\"]}\n");
        Map<String, String> columnMap = ColumnMaps.parse(
                List.of("user_input=query", "reference=answer", "retrieved_contexts=chunks"));

        // when
        GoldenSample sample = DatasetReader.read(file, null, columnMap).samples().get(0);

        // then
        assertThat(sample.userInput()).isEqualTo("Q");
        assertThat(sample.reference()).isEqualTo("the reference");
        assertThat(sample.response()).isNull();
        assertThat(sample.retrievedContexts()).containsExactly("c");
    }

    @Test
    void should_read_a_jsonl_file_with_any_extension_when_format_is_given() {
        // given
        Path file = Fixtures.write(dir, "gold.txt", "{\"user_input\": \"Q\"}\n");

        // when
        Dataset dataset = DatasetReader.read(file, DatasetFormat.JSONL, Map.of());

        // then
        assertThat(dataset.samples()).extracting(GoldenSample::userInput).containsExactly("Q");
    }
}
