package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineFaithfulnessTest {

    private static final Metric FAITHFULNESS =
            new OfflineFaithfulness(new Embedder(new AllMiniLmL6V2EmbeddingModel()));

    private static final List<String> CONTEXTS = List.of(
            "The Basic plan costs $10 per month. The Pro plan costs $25 per month and includes"
                    + " priority support.",
            "Refunds are available within 30 days of purchase.");

    private static EvaluatedSample answer(String answer) {
        return new EvaluatedSample("s", "How much do the plans cost?", answer, CONTEXTS, null);
    }

    @Test
    void should_score_one_when_every_statement_is_in_the_contexts() {
        // when
        MetricResult result = FAITHFULNESS.score(answer(
                "The Basic plan costs $10 per month. The Pro plan costs $25 per month."));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.usage()).isEqualTo(JudgeUsage.NONE);
        assertThat(result.reason()).contains("all 2 statements supported");
    }

    @Test
    void should_reject_a_statement_when_its_number_is_invented() {
        // when
        MetricResult result = FAITHFULNESS.score(answer(
                "The Basic plan costs $10 per month. The Pro plan costs $40 per month."));

        // then
        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.reason())
                .startsWith("1 of 2 statements not supported by the contexts: 'The Pro plan costs $40")
                .contains("40");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> statements = (List<Map<String, Object>>) result.details().get("statements");
        assertThat(statements.get(1)).containsEntry("verdict", 0)
                .containsEntry("missingNumbers", List.of("40"));
    }

    @Test
    void should_reject_a_statement_when_its_negation_contradicts_the_context() {
        // when
        MetricResult result = FAITHFULNESS.score(answer("Refunds are not available within 30 days of purchase."));

        // then
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).contains("negation");
    }

    @Test
    void should_reject_a_statement_when_it_names_something_absent() {
        // when
        MetricResult result = FAITHFULNESS.score(answer("The Pro plan includes support from Acme Labs."));

        // then
        assertThat(result.score()).isEqualTo(0.0);
        assertThat(result.reason()).contains("names not found: Acme Labs");
    }

    @Test
    void should_be_not_applicable_when_the_answer_is_empty() {
        // when
        MetricResult result = FAITHFULNESS.score(answer(""));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.score()).isNull();
    }
}
