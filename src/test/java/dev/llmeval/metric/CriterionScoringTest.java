package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriterionScoringTest {

    @ParameterizedTest
    @CsvSource({"1, 0.0", "2, 0.25", "3, 0.5", "4, 0.75", "5, 1.0"})
    void should_normalise_a_rubric_grade_as_s_minus_one_over_four(int grade, double expected) {
        assertThat(CriterionScoring.rubric(grade)).isEqualTo(expected);
    }

    @Test
    void should_reject_a_grade_outside_one_to_five() {
        assertThatThrownBy(() -> CriterionScoring.rubric(6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_take_the_majority_of_an_odd_number_of_votes() {
        assertThat(CriterionScoring.majority(List.of(true))).isTrue();
        assertThat(CriterionScoring.majority(List.of(true, false, false))).isFalse();
        assertThat(CriterionScoring.majority(List.of(false, true, true))).isTrue();
        assertThat(CriterionScoring.majority(List.of(true, true, false, false, false))).isFalse();
    }

    @Test
    void should_refuse_an_even_number_of_votes() {
        assertThatThrownBy(() -> CriterionScoring.majority(List.of(true, false)))
                .hasMessageContaining("odd number of votes");
    }
}
