package dev.llmeval.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.judge.EstimatingJudge;
import dev.llmeval.judge.Judge;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.NeedsLlmJudge;
import dev.llmeval.metric.Outcome;
import dev.llmeval.testing.FixedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeSetupTextMetricsTest {

    private static final EvaluatedSample SAMPLE = new EvaluatedSample("s1", "Capital?", "Paris", List.of("Paris."), "Paris");

    @Test
    void should_score_text_metrics_under_the_offline_judge_instead_of_skipping_them() {
        // when
        List<Metric> metrics = JudgeSetup.offlineMetrics(List.of("exact_match", "noise_sensitivity_relevant", "bleu"),
                new FixedEmbeddingModel(), MetricOptions::none, List.of());

        // then
        assertThat(metrics).extracting(Metric::id).containsExactly("exact_match", "noise_sensitivity_relevant", "bleu");
        assertThat(metrics.get(0).score(SAMPLE).outcome()).isEqualTo(Outcome.SCORED);
        assertThat(metrics.get(1)).isInstanceOf(NeedsLlmJudge.class);
        assertThat(metrics.get(2).score(SAMPLE).score()).isEqualTo(1.0);
    }

    @Test
    void should_add_the_requested_text_metrics_to_the_judged_ones() {
        // given
        List<String> ids = List.of("rouge_l", "faithfulness", "string_presence");
        Judge judge = new EstimatingJudge(PromptLibrary.builtIn(), "gpt-4o-mini");

        // when
        List<Metric> metrics = JudgeSetup.judgedMetrics(judge, new FixedEmbeddingModel(), false, MetricOptions::none,
                List.of(), ids);

        // then
        assertThat(metrics).extracting(Metric::id).containsExactly("rouge_l", "faithfulness", "string_presence");
        assertThat(metrics.get(0).score(SAMPLE).score()).isEqualTo(1.0);
        assertThat(metrics.get(2).score(SAMPLE).score()).isEqualTo(1.0);
    }
}
