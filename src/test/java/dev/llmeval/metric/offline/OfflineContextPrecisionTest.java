package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineContextPrecisionTest {

    private static final Embedder EMBEDDER = new Embedder(new AllMiniLmL6V2EmbeddingModel());
    private static final OfflineContextPrecision PRECISION = new OfflineContextPrecision(EMBEDDER, true);
    private static final OfflineContextPrecision UTILIZATION = new OfflineContextPrecision(EMBEDDER, false);
    private static final OfflineContextRecall RECALL = new OfflineContextRecall(EMBEDDER);

    private static final String USEFUL =
            "Mount Brown is a mountain in Liberty County, Montana, with an elevation of 6,958 feet.";
    private static final String NOISE = "The Tour de France is an annual bicycle race held in July.";
    private static final String REFERENCE =
            "Mount Brown is in Liberty County, Montana. Its elevation is 6,958 feet.";

    private static EvaluatedSample sample(List<String> contexts) {
        return new EvaluatedSample("s", "Where is Mount Brown and how high is it?", REFERENCE,
                contexts, REFERENCE);
    }

    @Test
    void should_score_higher_when_the_useful_chunk_ranks_first() {
        // when
        MetricResult first = PRECISION.score(sample(List.of(USEFUL, NOISE)));
        MetricResult second = PRECISION.score(sample(List.of(NOISE, USEFUL)));

        // then
        assertThat(first.score()).isEqualTo(1.0);
        assertThat(second.score()).isEqualTo(0.5);
        assertThat(second.reason()).isEqualTo("1 of 2 chunks support the reference (useful at ranks [2])");
    }

    @Test
    void should_use_the_response_when_measuring_utilization() {
        // when
        MetricResult result = UTILIZATION.score(sample(List.of(NOISE, USEFUL)));

        // then
        assertThat(UTILIZATION.id()).isEqualTo("context_utilization");
        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.reason()).contains("support the response");
    }

    @Test
    void should_be_not_applicable_when_there_are_no_contexts() {
        assertThat(PRECISION.score(sample(List.of())).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void should_recall_only_the_reference_sentences_found_in_the_contexts() {
        // when
        MetricResult all = RECALL.score(sample(List.of(NOISE, USEFUL)));
        MetricResult none = RECALL.score(sample(List.of(NOISE)));

        // then
        assertThat(all.score()).isEqualTo(1.0);
        assertThat(none.score()).isEqualTo(0.0);
        assertThat(none.reason()).startsWith("2 of 2 reference sentences not found in the contexts");
    }
}
