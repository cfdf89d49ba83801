package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The arithmetic of answer_correctness and factual_correctness: precision, recall, F-beta, the weighted blend. */
class CorrectnessScoringTest {

    static Stream<Arguments> fBetas() {
        return Stream.of(
                // P = 2/3, R = 2/4: F1 = 2PR/(P+R) = (2/3)/(7/6) = 4/7 = 2·2/(2·2 + 2 + 1)
                Arguments.of(2, 1, 2, 1.0, 4.0 / 7),
                // β = 2 weighs recall: 5·2 / (5·2 + 4·2 + 1) = 10/19
                Arguments.of(2, 1, 2, 2.0, 10.0 / 19),
                // β = 0.5 weighs precision: 1.25·2 / (1.25·2 + 0.25·2 + 1) = 2.5/4
                Arguments.of(2, 1, 2, 0.5, 0.625),
                // TP = 1, FP = 2, FN = 2: 2/(2 + 2 + 2) = 1/3
                Arguments.of(1, 2, 2, 1.0, 1.0 / 3),
                Arguments.of(3, 0, 0, 1.0, 1.0),
                Arguments.of(3, 0, 0, 0.3, 1.0),
                // no TP: 0 whatever the other counts (RAGAS: P = R = 0 gives 0)
                Arguments.of(0, 2, 0, 1.0, 0.0),
                Arguments.of(0, 0, 3, 1.0, 0.0),
                Arguments.of(0, 1, 1, 2.0, 0.0));
    }

    @ParameterizedTest(name = "TP {0} FP {1} FN {2} beta {3} = {4}")
    @MethodSource("fBetas")
    void should_compute_f_beta_from_counts(int tp, int fp, int fn, double beta, double expected) {
        assertThat(Scoring.fBeta(tp, fp, fn, beta).orElseThrow()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void should_match_the_precision_recall_form_of_f_beta() {
        // given TP 3, FP 2, FN 4: P = 3/5, R = 3/7, β = 1.5
        double p = 3.0 / 5;
        double r = 3.0 / 7;
        double b2 = 1.5 * 1.5;

        // when
        double f = Scoring.fBeta(3, 2, 4, 1.5).orElseThrow();

        // then
        assertThat(f).isCloseTo((1 + b2) * p * r / (b2 * p + r), within(1e-12));
    }

    @Test
    void should_have_no_f_beta_precision_or_recall_when_nothing_was_counted() {
        assertThat(Scoring.fBeta(0, 0, 0, 1.0)).isEmpty();
        assertThat(Scoring.precision(0, 0)).isEmpty();
        assertThat(Scoring.recall(0, 0)).isEmpty();
    }

    @Test
    void should_compute_exact_unrounded_precision_and_recall() {
        assertThat(Scoring.precision(2, 1)).isEqualTo(OptionalDouble.of(2.0 / 3));
        assertThat(Scoring.precision(0, 4)).isEqualTo(OptionalDouble.of(0.0));
        assertThat(Scoring.recall(2, 2)).isEqualTo(OptionalDouble.of(0.5));
        assertThat(Scoring.recall(1, 0)).isEqualTo(OptionalDouble.of(1.0));
    }

    @Test
    void should_reject_a_beta_that_is_not_positive_and_negative_counts() {
        assertThatThrownBy(() -> Scoring.fBeta(1, 0, 0, 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scoring.fBeta(1, 0, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scoring.fBeta(-1, 0, 0, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> blends() {
        return Stream.of(
                // (0.75 · 1/3 + 0.25 · 0.96) / 1 = 0.25 + 0.24
                Arguments.of(1.0 / 3, 0.96, 0.75, 0.25, 0.49),
                // weights need not sum to 1: (2 · 0.5 + 2 · 1) / 4
                Arguments.of(0.5, 1.0, 2.0, 2.0, 0.75),
                // similarity weight 0: factuality alone
                Arguments.of(0.4, 0.0, 1.0, 0.0, 0.4),
                Arguments.of(0.4, 0.9, 0.0, 3.0, 0.9),
                Arguments.of(1.0, 1.0, 0.75, 0.25, 1.0));
    }

    @ParameterizedTest(name = "({2}·{0} + {3}·{1}) / ({2}+{3}) = {4}")
    @MethodSource("blends")
    void should_blend_factuality_and_similarity_by_weight(double f, double s, double w0, double w1, double expected) {
        assertThat(Scoring.weighted(f, s, w0, w1)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void should_reject_weights_that_are_both_zero_or_negative() {
        assertThatThrownBy(() -> Scoring.weighted(1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scoring.weighted(1, 1, -1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scoring.weighted(1.5, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
