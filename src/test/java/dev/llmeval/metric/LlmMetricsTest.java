package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.FixedEmbeddingModel;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmMetricsTest {

    @Test
    void should_create_every_llm_metric_in_id_order() {
        // given
        ChatModelJudge judge = new ChatModelJudge(new ScriptedChatModel(), PromptLibrary.builtIn(), JudgeSettings.defaults());

        // when
        List<Metric> metrics = LlmMetrics.create(judge, new FixedEmbeddingModel(), false, MetricOptions::none);

        // then
        assertThat(metrics).extracting(Metric::id).containsExactlyElementsOf(LlmMetrics.IDS)
                .containsExactly("faithfulness", "answer_relevancy", "context_precision", "context_utilization",
                        "context_recall", "context_entity_recall", "noise_sensitivity_relevant",
                        "noise_sensitivity_irrelevant", "answer_correctness", "factual_correctness", "context_relevance");
    }

    @Test
    void should_list_prompt_ids_once_when_metrics_share_a_prompt() {
        // when
        List<String> batched = LlmMetrics.promptIds(
                List.of("faithfulness", "context_precision", "context_utilization", "exact_match"));
        List<String> perChunk = LlmMetrics.promptIds(List.of("context_precision", "context_recall"), true);

        // then
        assertThat(batched).containsExactly(
                "faithfulness/statements", "faithfulness/verdicts", "context_precision/chunks");
        assertThat(perChunk).containsExactly("context_precision/chunk", "context_recall/attribution");
        assertThat(LlmMetrics.promptIds(List.of("faithfulness", "noise_sensitivity_relevant",
                "noise_sensitivity_irrelevant", "context_entity_recall", "context_relevance"))).containsExactly(
                "faithfulness/statements", "faithfulness/verdicts", "noise_sensitivity/chunk-support",
                "context_entity_recall/entities", "context_relevance/sentences");
    }

    @Test
    void should_ship_a_prompt_for_every_prompt_id() {
        // given
        PromptLibrary prompts = PromptLibrary.builtIn();
        List<String> all = LlmMetrics.promptIds(LlmMetrics.IDS, false);
        List<String> allPerChunk = LlmMetrics.promptIds(LlmMetrics.IDS, true);

        // when / then
        assertThat(prompts.hashes(all)).hasSize(10);
        assertThat(prompts.hashes(allPerChunk)).hasSize(10);
    }
}
