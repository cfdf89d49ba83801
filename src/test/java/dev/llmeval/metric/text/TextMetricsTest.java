package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricCatalog;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.testing.FixedEmbeddingModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextMetricsTest {

    @Test
    void should_build_the_requested_metrics_in_order() {
        // when
        List<Metric> metrics = TextMetrics.create(new FixedEmbeddingModel(), MetricOptions::none,
                List.of("rouge_l", "exact_match", "semantic_similarity"));

        // then
        assertThat(metrics).extracting(Metric::id).containsExactly("rouge_l", "exact_match", "semantic_similarity");
    }

    @Test
    void should_support_ten_catalogued_metrics_that_need_no_llm() {
        // then
        assertThat(TextMetrics.supportedIds()).hasSize(10);
        for (String id : TextMetrics.supportedIds()) {
            assertThat(MetricCatalog.find(id)).as(id).hasValueSatisfying(info -> assertThat(info.needsLlm()).isFalse());
        }
        assertThat(TextMetrics.create(new FixedEmbeddingModel(), MetricOptions::none, TextMetrics.supportedIds()))
                .extracting(Metric::id).containsExactlyElementsOf(TextMetrics.supportedIds());
    }

    @Test
    void should_reject_an_id_it_does_not_build() {
        assertThatThrownBy(() -> TextMetrics.create(new FixedEmbeddingModel(), MetricOptions::none, List.of("faithfulness")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'faithfulness' is not a text metric");
    }

    @Test
    void should_read_only_the_options_of_the_requested_metrics() {
        // given: a bad option for a metric that is not requested
        Map<String, MetricOptions> options = Map.of("bleu", MetricOptions.of("bleu", "", Map.of("smooth", "none")));

        // when
        List<Metric> metrics = TextMetrics.create(new FixedEmbeddingModel(),
                id -> options.getOrDefault(id, MetricOptions.none(id)), List.of("rouge_l"));

        // then
        assertThat(metrics).hasSize(1);
        assertThatThrownBy(() -> TextMetrics.create(new FixedEmbeddingModel(),
                id -> options.getOrDefault(id, MetricOptions.none(id)), List.of("bleu")))
                .hasMessage("metric-options.bleu.smooth: unknown option for bleu (it takes none)");
    }
}
