package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NonLlmContextPrecisionTest {

    /** Levenshtein similarity to REFERENCE: 1 − 1/31 (one character differs). */
    private static final String NEAR = "Paris is the capital of France!";
    /** Levenshtein similarity to REFERENCE: 1 − 24/31 = 0.23 (distance checked with rapidfuzz). */
    private static final String FAR = "Bananas are rich in potassium.";
    private static final String REFERENCE = "Paris is the capital of France.";

    private final NonLlmContextPrecision precision = NonLlmContextPrecision.from(MetricOptions.none(NonLlmContextPrecision.ID));

    @Test
    void should_score_the_average_precision_of_the_chunks_that_match_a_reference_context() {
        // when: the matching chunk at rank 2 gives P@2 = 1/2
        MetricResult second = precision.score(Samples.contexts(List.of(FAR, NEAR), List.of(REFERENCE)));
        MetricResult first = precision.score(Samples.contexts(List.of(NEAR, FAR), List.of(REFERENCE)));

        // then
        assertThat(second.score()).isEqualTo(0.5);
        assertThat(first.score()).isEqualTo(1.0);
        assertThat(second.reason()).isEqualTo("1 of 2 chunks matches a reference context (levenshtein similarity >= 0.5) at ranks [2]");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> chunks = (List<Map<String, Object>>) second.details().get("chunks");
        assertThat(chunks.get(1)).containsEntry("rank", 2).containsEntry("reference_context", 1)
                .containsEntry("matched", true);
        assertThat((Double) chunks.get(1).get("similarity")).isCloseTo(30.0 / 31, within(1e-12));
        assertThat((Double) chunks.get(0).get("similarity")).isCloseTo(7.0 / 31, within(1e-12));
    }

    @Test
    void should_count_a_similarity_equal_to_the_threshold_as_a_match() {
        // given: "bcda" is two edits from "abcd": Levenshtein similarity exactly 0.5; Hamming 0
        List<String> retrieved = List.of("bcda");
        List<String> reference = List.of("abcd");
        NonLlmContextPrecision strict = NonLlmContextPrecision.from(
                MetricOptions.of(NonLlmContextPrecision.ID, "", Map.of("threshold", 0.6)));
        NonLlmContextPrecision hamming = NonLlmContextPrecision.from(
                MetricOptions.of(NonLlmContextPrecision.ID, "", Map.of("measure", "hamming")));

        // then
        assertThat(precision.score(Samples.contexts(retrieved, reference)).score()).isEqualTo(1.0);
        assertThat(strict.score(Samples.contexts(retrieved, reference)).score()).isZero();
        assertThat(hamming.score(Samples.contexts(retrieved, reference)).score()).isZero();
    }

    @Test
    void should_score_0_when_no_chunk_matches() {
        assertThat(precision.score(Samples.contexts(List.of(FAR), List.of(REFERENCE))).score()).isZero();
    }

    @Test
    void should_be_not_applicable_without_retrieved_chunks_or_without_reference_contexts() {
        // when
        MetricResult noChunks = precision.score(Samples.contexts(List.of(), List.of(REFERENCE)));
        MetricResult noReference = precision.score(Samples.contexts(List.of(NEAR), List.of()));

        // then
        assertThat(noChunks.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(noChunks.reason()).isEqualTo("no context was retrieved");
        assertThat(noReference.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(noReference.reason()).isEqualTo("the sample has no reference contexts");
    }

    @Test
    void should_skip_a_sample_without_reference_contexts_field() {
        assertThat(precision.score(Samples.contexts(List.of(NEAR), null)).outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void should_reject_a_threshold_outside_0_to_1() {
        assertThatThrownBy(() -> NonLlmContextPrecision.from(
                MetricOptions.of(NonLlmContextPrecision.ID, "llmeval.yaml:5", Map.of("threshold", 50))))
                .hasMessage("llmeval.yaml:5: metric-options.non_llm_context_precision.threshold: "
                        + "expected a number from 0 to 1, got 50.0");
    }
}
