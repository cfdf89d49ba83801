package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import dev.llmeval.testing.FixedEmbeddingModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemanticSimilarityTest {

    private final FixedEmbeddingModel embeddings = new FixedEmbeddingModel()
            .vector("It is Paris.", 2, 0)
            .vector("Paris.", 3, 4)
            .vector("Berlin.", -1, 0)
            .vector("café", 0, 1);

    private final SemanticSimilarity graded = SemanticSimilarity.from(embeddings, MetricOptions.none(SemanticSimilarity.ID));

    @Test
    void should_score_the_cosine_of_the_normalised_vectors_in_one_batch() {
        // when: (2,0)·(3,4) / (2 · 5) = 0.6
        MetricResult result = graded.score(Samples.answer("It is Paris.", "Paris."));

        // then
        assertThat(result.score()).isCloseTo(0.6, within(1e-9));
        assertThat(result.reason()).isEqualTo("cosine similarity of response and reference embeddings: 0.600");
        assertThat(embeddings.batches()).containsExactly(List.of("It is Paris.", "Paris."));
    }

    @Test
    void should_clip_a_negative_cosine_to_0_and_keep_it_in_the_details() {
        // when: (−1,0)·(2,0) = −1
        MetricResult result = graded.score(Samples.answer("Berlin.", "It is Paris."));

        // then
        assertThat(result.score()).isZero();
        assertThat((Double) result.details().get("cosine")).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void should_give_1_or_0_against_the_threshold_when_one_is_set() {
        // given
        SemanticSimilarity at06 = SemanticSimilarity.from(embeddings,
                MetricOptions.of(SemanticSimilarity.ID, "", Map.of("threshold", 0.6)));
        SemanticSimilarity at07 = SemanticSimilarity.from(embeddings,
                MetricOptions.of(SemanticSimilarity.ID, "", Map.of("threshold", 0.7)));

        // when: the cosine is 6 / (2 · 5), exactly the double 0.6
        MetricResult equal = at06.score(Samples.answer("It is Paris.", "Paris."));
        MetricResult below = at07.score(Samples.answer("It is Paris.", "Paris."));

        // then: a cosine equal to the threshold counts (>=)
        assertThat(equal.score()).isEqualTo(1.0);
        assertThat(equal.details()).containsEntry("threshold", 0.6).containsEntry("cosine", 0.6);
        assertThat(below.score()).isZero();
        assertThat(below.reason()).endsWith("< threshold 0.7");
    }

    @Test
    void should_embed_nfc_text() {
        // when: the decomposed spelling is embedded as the composed one, so the scripted vector is found
        MetricResult result = graded.score(Samples.answer("cafe\u0301", "café"));

        // then
        assertThat(result.score()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void should_score_0_for_an_empty_response_without_embedding_it() {
        // when
        MetricResult result = graded.score(Samples.answer(" ", "Paris."));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isZero();
        assertThat(result.reason()).isEqualTo("the response is empty");
        assertThat(embeddings.batches()).isEmpty();
    }

    @Test
    void should_report_an_error_when_the_embedding_model_fails() {
        // given
        EmbeddingModel failing = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                throw new IllegalStateException("connection refused");
            }
        };

        // when
        MetricResult result = SemanticSimilarity.from(failing, MetricOptions.none(SemanticSimilarity.ID))
                .score(Samples.answer("a", "b"));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).isEqualTo("embedding failed: connection refused");
    }
}
