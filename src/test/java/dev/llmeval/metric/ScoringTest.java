package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScoringTest {

    static Stream<Arguments> shares() {
        return Stream.of(
                Arguments.of(List.of(true, false, true), OptionalDouble.of(2.0 / 3)),
                Arguments.of(List.of(true, true), OptionalDouble.of(1.0)),
                Arguments.of(List.of(false), OptionalDouble.of(0.0)),
                Arguments.of(List.of(), OptionalDouble.empty()));
    }

    @ParameterizedTest(name = "share {0} = {1}")
    @MethodSource("shares")
    void should_compute_share_of_true_verdicts(List<Boolean> verdicts, OptionalDouble expected) {
        assertThat(Scoring.share(verdicts)).isEqualTo(expected);
    }

    static Stream<Arguments> averagePrecisions() {
        return Stream.of(
                // P@1 = 1, P@3 = 2/3, two useful chunks
                Arguments.of(List.of(true, false, true), OptionalDouble.of((1.0 + 2.0 / 3) / 2)),
                // only rank 2 useful: P@2 = 1/2
                Arguments.of(List.of(false, true), OptionalDouble.of(0.5)),
                // ranks 2 and 3: (1/2 + 2/3) / 2
                Arguments.of(List.of(false, true, true), OptionalDouble.of((0.5 + 2.0 / 3) / 2)),
                Arguments.of(List.of(true, true, true), OptionalDouble.of(1.0)),
                Arguments.of(List.of(false, false, false), OptionalDouble.of(0.0)),
                Arguments.of(List.of(), OptionalDouble.empty()));
    }

    @ParameterizedTest(name = "AP {0} = {1}")
    @MethodSource("averagePrecisions")
    void should_compute_rank_aware_average_precision(List<Boolean> useful, OptionalDouble expected) {
        OptionalDouble actual = Scoring.averagePrecision(useful);
        assertThat(actual.isPresent()).isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            assertThat(actual.getAsDouble()).isCloseTo(expected.getAsDouble(), within(1e-12));
        }
    }

    static Stream<Arguments> relevancies() {
        return Stream.of(
                Arguments.of(List.of(0.9, 0.6, 0.9), List.of(false, false, false), OptionalDouble.of(0.8)),
                // negative cosine clipped at 0: (0.9 + 0 + 0.6) / 3
                Arguments.of(List.of(0.9, -0.4, 0.6), List.of(false, false, false), OptionalDouble.of(0.5)),
                // one noncommittal flag does not zero the score
                Arguments.of(List.of(0.6, 0.6), List.of(true, false), OptionalDouble.of(0.6)),
                // all noncommittal: 0 whatever the similarity
                Arguments.of(List.of(0.95, 0.9), List.of(true, true), OptionalDouble.of(0.0)),
                Arguments.of(List.of(), List.of(), OptionalDouble.empty()));
    }

    @ParameterizedTest(name = "relevancy {0} {1} = {2}")
    @MethodSource("relevancies")
    void should_compute_relevancy_from_similarities_and_flags(
            List<Double> cosines, List<Boolean> noncommittal, OptionalDouble expected) {
        OptionalDouble actual = Scoring.relevancy(cosines, noncommittal);
        assertThat(actual.isPresent()).isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            assertThat(actual.getAsDouble()).isCloseTo(expected.getAsDouble(), within(1e-12));
        }
    }

    @Test
    void should_compute_cosine_of_vectors() {
        assertThat(Scoring.cosine(new float[] {1, 0}, new float[] {0, 1})).isCloseTo(0.0, within(1e-12));
        assertThat(Scoring.cosine(new float[] {3, 4}, new float[] {6, 8})).isCloseTo(1.0, within(1e-9));
        assertThat(Scoring.cosine(new float[] {1, 0}, new float[] {-1, 0})).isCloseTo(-1.0, within(1e-12));
        // (1*1 + 1*0) / (sqrt 2 * 1)
        assertThat(Scoring.cosine(new float[] {1, 1}, new float[] {1, 0})).isCloseTo(1 / Math.sqrt(2), within(1e-9));
        assertThat(Scoring.cosine(new float[] {0, 0}, new float[] {1, 0})).isEqualTo(0.0);
    }
}
