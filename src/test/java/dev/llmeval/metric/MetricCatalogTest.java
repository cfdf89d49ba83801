package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.metric.text.TextMetrics;
import dev.llmeval.testing.FixedEmbeddingModel;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {

    @Test
    void should_describe_each_llm_metric_with_the_fields_the_metric_itself_requires() {
        // given
        List<Metric> metrics = LlmMetrics.create(
                new ChatModelJudge(new ScriptedChatModel(), PromptLibrary.builtIn(), JudgeSettings.defaults()),
                new FixedEmbeddingModel(), false, MetricOptions::none);

        // then
        for (Metric metric : metrics) {
            MetricInfo info = MetricCatalog.find(metric.id()).orElseThrow();
            assertThat(info.requires()).as(metric.id()).isEqualTo(metric.requires());
            assertThat(info.needsLlm()).as(metric.id()).isTrue();
        }
    }

    @Test
    void should_describe_each_text_metric_with_the_fields_it_requires_and_no_llm() {
        // given
        List<Metric> metrics = TextMetrics.create(new FixedEmbeddingModel(), MetricOptions::none, TextMetrics.supportedIds());

        // then
        for (Metric metric : metrics) {
            MetricInfo info = MetricCatalog.find(metric.id()).orElseThrow();
            assertThat(info.requires()).as(metric.id()).isEqualTo(metric.requires());
            assertThat(info.needsLlm()).as(metric.id()).isFalse();
            assertThat(info.callsPerSample()).as(metric.id()).isEqualTo("0");
        }
    }

    @Test
    void should_list_unique_ids() {
        assertThat(MetricCatalog.ids()).doesNotHaveDuplicates();
    }

    @Test
    void should_skip_every_sample_with_the_reason_when_a_metric_needs_an_llm_judge() {
        // given
        MetricInfo info = MetricCatalog.find(Faithfulness.ID).orElseThrow();
        Metric metric = new NeedsLlmJudge(info);

        // when
        MetricResult result = metric.score(new EvaluatedSample("1", "Q", "A", List.of("c"), null));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.reason()).startsWith("needs an LLM judge");
        assertThat(metric.requires()).isEqualTo(info.requires());
    }
}
