package dev.llmeval.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricOptionsConfigTest {

    @TempDir
    Path dir;

    @Test
    void should_read_each_metrics_options_and_the_line_of_its_entry() throws IOException {
        // given
        Path file = dir.resolve("llmeval.yaml");
        Files.writeString(file, """
                metrics: [answer_correctness]
                metric-options:
                  answer_correctness:
                    weights: [0.5, 0.5]
                  string_similarity:
                    measure: jaro_winkler
                """);

        // when
        MetricOptionsConfig options = ConfigFile.load(null, dir).metricOptions();

        // then
        assertThat(options.values()).isEqualTo(Map.of(
                "answer_correctness", Map.of("weights", List.of(0.5, 0.5)),
                "string_similarity", Map.of("measure", "jaro_winkler")));
        assertThat(options.where()).containsEntry("answer_correctness", file + ":3")
                .containsEntry("answer_correctness.weights", file + ":4")
                .containsEntry("string_similarity", file + ":5")
                .containsEntry("string_similarity.measure", file + ":6");
    }

    @Test
    void should_have_no_options_when_the_file_has_no_section() throws IOException {
        // given
        Files.writeString(dir.resolve("llmeval.yaml"), "metrics: [faithfulness]\n");

        // then
        assertThat(ConfigFile.load(null, dir).metricOptions()).isEqualTo(MetricOptionsConfig.EMPTY);
    }
}
