package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

    private static String normalised(String json) {
        return json.replaceAll("\"(started|finished)\": \"[^\"]*\"", "\"$1\": \"<time>\"")
                .replace("\r\n", "\n");
    }

    private static String golden() throws IOException {
        try (InputStream in = JsonReportTest.class.getResourceAsStream("/report/golden-report.json")) {
            assertThat(in).as("golden file").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void should_match_the_golden_file_when_timestamps_are_normalised() throws IOException {
        // given
        RunReport report = SampleRuns.failingReport();

        // when
        String json = JsonReport.toJson(report);

        // then
        assertThat(normalised(json)).isEqualTo(normalised(golden()));
    }

    @Test
    void should_write_snake_case_keys_in_report_order_when_serialised() throws IOException {
        // when
        JsonNode root = new ObjectMapper().readTree(JsonReport.toJson(SampleRuns.failingReport()));

        // then
        assertThat(fieldNames(root)).containsExactly("tool", "run", "metrics", "samples", "gate");
        assertThat(fieldNames(root.get("run"))).containsExactly(
                "started", "finished", "duration_ms", "judge", "embeddings", "dataset",
                "metrics_requested", "prompts", "usage", "stopped", "accounting");
        assertThat(fieldNames(root.get("run").get("judge")))
                .containsExactly("kind", "model", "method", "base_url");
        assertThat(fieldNames(root.get("run").get("usage")))
                .containsExactly("calls", "input_tokens", "output_tokens");
        assertThat(fieldNames(root.get("metrics")))
                .containsExactly("faithfulness", "answer_relevancy", "context_recall");
        assertThat(fieldNames(root.get("metrics").get("faithfulness"))).containsExactly(
                "mean", "scored", "not_applicable", "skipped", "errors", "threshold", "passed",
                "usage", "cost_usd");
        assertThat(fieldNames(root.get("samples").get(0))).containsExactly(
                "id", "line", "user_input", "retrieved_contexts", "response", "reference",
                "metadata", "scores");
        assertThat(fieldNames(root.get("samples").get(0).get("scores").get("faithfulness")))
                .containsExactly("score", "outcome", "reason", "details", "usage");
        assertThat(fieldNames(root.get("gate").get("failures").get(0)))
                .containsExactly("metric", "threshold", "actual", "message");
    }

    @Test
    void should_write_lower_case_outcome_labels_and_null_scores_when_not_scored()
            throws IOException {
        // when
        JsonNode samples =
                new ObjectMapper().readTree(JsonReport.toJson(SampleRuns.failingReport())).get("samples");

        // then
        List<String> outcomes = new ArrayList<>();
        samples.forEach(s -> s.get("scores").forEach(r -> outcomes.add(r.get("outcome").asText())));
        assertThat(outcomes).containsExactly(
                "scored", "scored", "scored",
                "scored", "not_applicable", "scored",
                "error", "scored", "skipped");
        JsonNode skipped = samples.get(2).get("scores").get("context_recall");
        assertThat(skipped.get("score").isNull()).isTrue();
        assertThat(samples.get(2).get("reference").isNull()).isTrue();
        assertThat(samples.get(2).get("retrieved_contexts").isNull()).isTrue();
    }

    @Test
    void should_write_null_threshold_and_passed_when_metric_is_not_gated() throws IOException {
        // when
        JsonNode metrics =
                new ObjectMapper().readTree(JsonReport.toJson(SampleRuns.failingReport())).get("metrics");

        // then
        JsonNode relevancy = metrics.get("answer_relevancy");
        assertThat(relevancy.get("threshold").isNull()).isTrue();
        assertThat(relevancy.get("passed").isNull()).isTrue();
        assertThat(relevancy.get("mean").isDouble()).isTrue();
        assertThat(metrics.get("context_recall").get("passed").asBoolean()).isFalse();
        assertThat(metrics.get("faithfulness").get("passed").asBoolean()).isTrue();
    }

    @Test
    void should_write_utf8_file_with_parent_folders_when_folder_is_missing(@TempDir Path dir)
            throws IOException {
        // given
        Path file = dir.resolve("out/nested/report.json");

        // when
        JsonReport.write(SampleRuns.failingReport(), file);

        // then
        assertThat(file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(JsonReport.toJson(SampleRuns.failingReport()));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
