package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NonLlmContextRecallTest {

    private static final String CHUNK = "Paris is the capital of France!";
    /** Levenshtein similarity to CHUNK: 1 − 1/31. */
    private static final String FOUND = "Paris is the capital of France.";
    /** Levenshtein similarity to CHUNK: 1 − 23/41 = 0.44 (distance checked with rapidfuzz). */
    private static final String MISSED = "The Loire is the longest river in France.";

    private final NonLlmContextRecall recall = NonLlmContextRecall.from(MetricOptions.none(NonLlmContextRecall.ID));

    @Test
    void should_score_the_share_of_reference_contexts_that_a_chunk_matches() {
        // when
        MetricResult result = recall.score(Samples.contexts(List.of(CHUNK), List.of(FOUND, MISSED)));

        // then
        assertThat(result.score()).isEqualTo(0.5);
        assertThat(result.reason()).isEqualTo("1 of 2 reference contexts matches a retrieved chunk (levenshtein similarity >= 0.5)");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result.details().get("reference_contexts");
        assertThat(rows.get(0)).containsEntry("reference_context", 1).containsEntry("rank", 1).containsEntry("matched", true);
        assertThat(rows.get(1)).containsEntry("matched", false);
    }

    @Test
    void should_count_a_similarity_equal_to_the_threshold_as_a_match_like_precision() {
        // given: Levenshtein similarity of "bcda" and "abcd" is exactly 0.5 (RAGAS's recall uses > and would not count it)
        MetricResult result = recall.score(Samples.contexts(List.of("bcda"), List.of("abcd")));

        // then
        assertThat(result.score()).isEqualTo(1.0);
    }

    @Test
    void should_score_0_when_nothing_was_retrieved() {
        // when
        MetricResult result = recall.score(Samples.contexts(List.of(), List.of(FOUND, MISSED)));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isZero();
        assertThat(result.reason()).isEqualTo("no context was retrieved, so none of the 2 reference contexts is found");
    }

    @Test
    void should_be_not_applicable_without_reference_contexts() {
        // when
        MetricResult result = recall.score(Samples.contexts(List.of(CHUNK), List.of()));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).isEqualTo("the sample has no reference contexts");
    }

    @Test
    void should_match_japanese_contexts_character_by_character() {
        // given: one character differs out of 7: similarity 6/7
        MetricResult result = recall.score(Samples.contexts(List.of("東京は日本の首都"), List.of("東京は日本の首府")));

        // then
        assertThat(result.score()).isEqualTo(1.0);
    }
}
