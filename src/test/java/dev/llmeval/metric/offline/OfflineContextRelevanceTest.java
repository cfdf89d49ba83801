package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import dev.llmeval.testing.FixedEmbeddingModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineContextRelevanceTest {

    private static final String QUESTION = "When did the Sorrel Line open?";

    /** A unit vector whose cosine with the question's (1, 0) is {@code cos}. */
    private static float[] at(double cos) {
        return new float[] {(float) cos, (float) Math.sqrt(1 - cos * cos)};
    }

    private static final FixedEmbeddingModel MODEL = new FixedEmbeddingModel()
            .vector(QUESTION, 1f, 0f)
            .vector("The Sorrel Line is a tram route in Marden.", at(0.8))
            .vector("It opened on 4 June 2021.", at(0.5))
            .vector("The route has fourteen stops.", at(0.45))
            .vector("Marden also runs a night bus.", at(0.1))
            .vector("The Sorrel Line is painted green.", at(0.3));

    private final OfflineContextRelevance metric = new OfflineContextRelevance(new Embedder(MODEL));

    @Test
    void should_count_sentences_close_to_the_question_in_meaning_and_in_words() {
        // given: question words sorrel, line, open; sentence 3 is close but shares none, sentence 5 shares two but is far
        EvaluatedSample sample = new EvaluatedSample("c1", QUESTION, null, List.of(
                "The Sorrel Line is a tram route in Marden. It opened on 4 June 2021. The route has fourteen stops.",
                "Marden also runs a night bus.\nThe Sorrel Line is painted green."), null);

        // when
        MetricResult result = metric.score(sample);

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isEqualTo(2.0 / 5);
        assertThat(result.reason()).isEqualTo("2 of 5 context sentences are about the question"
                + " (MiniLM similarity to the question >= 0.4 and >= 30% of its content words)");
        assertThat(result.details()).containsEntry("context_sentences", 5);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> needed = (List<Map<String, Object>>) result.details().get("needed");
        assertThat(needed).extracting(r -> r.get("sentence")).containsExactly(1, 2);
        assertThat(needed).extracting(r -> r.get("question_words")).containsExactly(0.667, 0.333);
    }

    @Test
    void should_score_lower_when_the_same_context_is_padded_with_off_topic_sentences() {
        // given
        EvaluatedSample ideal = new EvaluatedSample("c2", QUESTION, null,
                List.of("The Sorrel Line is a tram route in Marden. It opened on 4 June 2021."), null);
        EvaluatedSample padded = new EvaluatedSample("c3", QUESTION, null,
                List.of("The Sorrel Line is a tram route in Marden. It opened on 4 June 2021.",
                        "Marden also runs a night bus."), null);

        // when / then
        assertThat(metric.score(ideal).score()).isEqualTo(1.0);
        assertThat(metric.score(padded).score()).isEqualTo(2.0 / 3);
    }

    @Test
    void should_be_not_applicable_when_the_contexts_have_no_sentences() {
        // when
        MetricResult result = metric.score(new EvaluatedSample("c4", QUESTION, null, List.of(" "), null));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).isEqualTo("the retrieved contexts have no sentences");
    }
}
