package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.SampleField;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineMetricsTest {

    private static final AllMiniLmL6V2EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel();

    @Test
    void should_create_every_supported_metric_with_the_llm_requirements() {
        // when
        List<Metric> metrics = OfflineMetrics.create(MODEL, OfflineMetrics.supportedIds());

        // then
        assertThat(metrics).extracting(Metric::id).containsExactly("faithfulness",
                "answer_relevancy", "context_precision", "context_utilization", "context_recall", "context_relevance",
                "context_entity_recall");
        assertThat(metrics.get(0).requires()).containsExactlyInAnyOrder(
                SampleField.QUESTION, SampleField.ANSWER, SampleField.CONTEXTS);
        assertThat(metrics.get(1).requires()).containsExactlyInAnyOrder(
                SampleField.QUESTION, SampleField.ANSWER);
        assertThat(metrics.get(2).requires()).containsExactlyInAnyOrder(
                SampleField.QUESTION, SampleField.CONTEXTS, SampleField.REFERENCE);
        assertThat(metrics.get(3).requires()).containsExactlyInAnyOrder(
                SampleField.QUESTION, SampleField.CONTEXTS, SampleField.ANSWER);
        assertThat(metrics.get(4).requires()).containsExactlyInAnyOrder(
                SampleField.QUESTION, SampleField.CONTEXTS, SampleField.REFERENCE);
        assertThat(metrics.get(5).requires()).containsExactlyInAnyOrder(SampleField.QUESTION, SampleField.CONTEXTS);
        assertThat(metrics.get(6).requires()).containsExactlyInAnyOrder(SampleField.CONTEXTS, SampleField.REFERENCE);
        assertThat(OfflineMetrics.method()).startsWith("offline-v1");
    }

    @Test
    void should_reject_an_unknown_metric_id() {
        assertThatThrownBy(() -> OfflineMetrics.create(MODEL, List.of("noise_sensitivity")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise_sensitivity");
    }
}
