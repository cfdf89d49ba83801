package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The arithmetic of noise sensitivity and context relevance in {@link Scoring}. */
class NoiseScoringTest {

    /** Relevant chunk: 1. Statements: correct from 1; incorrect from 1; incorrect from 1 and 2; incorrect from 2; incorrect from none. */
    private static final List<Boolean> INCORRECT = List.of(false, true, true, true, true);
    private static final List<Set<Integer>> CHUNKS = List.of(Set.of(1), Set.of(1), Set.of(1, 2), Set.of(2), Set.of());

    @Test
    void should_count_incorrect_statements_with_a_relevant_chunk_in_relevant_mode() {
        assertThat(Scoring.noiseSensitivity(INCORRECT, CHUNKS, Set.of(1), true)).isEqualTo(OptionalDouble.of(2.0 / 5));
    }

    @Test
    void should_count_incorrect_statements_with_only_irrelevant_chunks_in_irrelevant_mode() {
        assertThat(Scoring.noiseSensitivity(INCORRECT, CHUNKS, Set.of(1), false)).isEqualTo(OptionalDouble.of(1.0 / 5));
    }

    @Test
    void should_treat_every_chunk_as_irrelevant_when_none_supports_the_reference() {
        assertThat(Scoring.noiseSensitivity(INCORRECT, CHUNKS, Set.of(), true)).isEqualTo(OptionalDouble.of(0.0));
        assertThat(Scoring.noiseSensitivity(INCORRECT, CHUNKS, Set.of(), false)).isEqualTo(OptionalDouble.of(3.0 / 5));
    }

    @Test
    void should_have_no_score_without_statements_and_reject_mismatched_lists() {
        assertThat(Scoring.noiseSensitivity(List.of(), List.of(), Set.of(1), true)).isEmpty();
        assertThatThrownBy(() -> Scoring.noiseSensitivity(List.of(true), List.of(), Set.of(), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 correctness flags but 0 chunk sets");
    }

    @Test
    void should_clip_the_sentence_share_and_have_no_score_without_sentences() {
        assertThat(Scoring.sentenceShare(2, 8)).isEqualTo(OptionalDouble.of(0.25));
        assertThat(Scoring.sentenceShare(9, 8)).isEqualTo(OptionalDouble.of(1.0));
        assertThat(Scoring.sentenceShare(0, 3)).isEqualTo(OptionalDouble.of(0.0));
        assertThat(Scoring.sentenceShare(0, 0)).isEmpty();
    }
}
