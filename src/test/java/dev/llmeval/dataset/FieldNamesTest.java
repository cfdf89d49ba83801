package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldNamesTest {

    @ParameterizedTest
    @CsvSource({
        "refrence, reference",
        "respones, response",
        "contexs, retrieved_contexts",
        "retreived_contexts, retrieved_contexts",
        "userInput, user_input",
        "User Input, user_input",
        "Question, user_input",
        "ground_truths, reference",
        "groundtruth, reference",
        "expected_output, reference",
        "context, retrieved_contexts",
        "retrieval_context, retrieved_contexts",
        "answers, response",
        "meta_data, metadata",
        "ID, id",
        "context_ids, retrieved_context_ids"
    })
    void should_suggest_the_field_when_a_key_is_close_to_one(String key, String field) {
        assertThat(FieldNames.suggestion(key, SampleMapper.LEGACY)).hasValueSatisfying(
                suggestion -> assertThat(suggestion.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"topic", "kind", "chunks", "score", "source", "difficulty", "ids", "lang", "notes",
        "difference", "reason", "rubrics", "multi_responses"})
    void should_suggest_nothing_when_a_key_is_only_metadata(String key) {
        assertThat(FieldNames.suggestion(key, SampleMapper.LEGACY)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"respones, response, 1", "refrence, reference, 1", "contexs, contexts, 1", "abc, abc, 0",
        "kitten, sitting, 3"})
    void should_count_a_swap_of_neighbours_as_one_edit(String a, String b, int distance) {
        assertThat(dev.llmeval.EditDistance.of(a, b)).isEqualTo(distance);
    }
}
