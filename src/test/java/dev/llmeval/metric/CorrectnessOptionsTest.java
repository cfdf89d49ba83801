package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.testing.FixedEmbeddingModel;
import dev.llmeval.testing.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code metric-options:} of answer_correctness and factual_correctness: defaults, values, and errors naming place and option. */
class CorrectnessOptionsTest {

    private static final EvaluatedSample SAMPLE = new EvaluatedSample("s1", "Q?", "An answer.", null, "A reference.");

    private final ScriptedChatModel model = new ScriptedChatModel();
    private final ChatModelJudge judge = new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults());

    private static MetricOptions options(String metricId, Map<String, Object> values) {
        return MetricOptions.of(metricId, "llmeval.yaml:4", values);
    }

    @Test
    void should_use_default_weights_and_beta_for_answer_correctness() {
        // given neither text states a fact (F = 1) and identical vectors (S = 1)
        model.reply("{\"statements\": []}").reply("{\"statements\": []}");
        FixedEmbeddingModel embeddings = new FixedEmbeddingModel().vector("An answer.", 1, 0).vector("A reference.", 1, 0);

        // when
        MetricResult result = AnswerCorrectness.of(judge, embeddings, MetricOptions.none("answer_correctness"))
                .score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.details()).containsEntry("weights", List.of(0.75, 0.25)).containsEntry("beta", 1.0);
    }

    @Test
    void should_read_weights_and_beta_for_answer_correctness() {
        // given F = 1 (no statements either side), S = 0 (orthogonal vectors), weights [1, 3]: (1·1 + 3·0) / 4
        model.reply("{\"statements\": []}").reply("{\"statements\": []}");
        FixedEmbeddingModel embeddings = new FixedEmbeddingModel().vector("An answer.", 1, 0).vector("A reference.", 0, 1);

        // when
        MetricResult result = AnswerCorrectness.of(judge, embeddings,
                options("answer_correctness", Map.of("weights", List.of(1, 3), "beta", 0.5))).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(0.25);
        assertThat(result.details()).containsEntry("weights", List.of(1.0, 3.0)).containsEntry("beta", 0.5);
    }

    @Test
    void should_read_mode_beta_and_levels_for_factual_correctness() {
        // given claims of one response claim, supported: precision = 1/1
        model.reply("{\"claims\": [\"c\"]}")
                .reply("{\"verdicts\": [{\"statement\": \"c\", \"reason\": \"r\", \"verdict\": 1}]}");

        // when
        MetricResult result = FactualCorrectness.of(judge, options("factual_correctness",
                Map.of("mode", "Precision", "atomicity", "high", "coverage", "low"))).score(SAMPLE);

        // then
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.details()).containsEntry("mode", "precision")
                .containsEntry("atomicity", "high").containsEntry("coverage", "low");
        assertThat(model.requests()).hasSize(2);
        assertThat(model.userText(0)).contains("exactly one fact").contains("leave out minor details");
    }

    static Stream<Arguments> badAnswerCorrectnessOptions() {
        String at = "llmeval.yaml:4: metric-options.answer_correctness.";
        return Stream.of(
                Arguments.of(Map.of("weights", List.of(1)),
                        at + "weights: expected two numbers [factuality, similarity], got 1"),
                Arguments.of(Map.of("weights", List.of(0.5, 0.3, 0.2)),
                        at + "weights: expected two numbers [factuality, similarity], got 3"),
                Arguments.of(Map.of("weights", List.of(-0.5, 1)),
                        at + "weights: expected two finite numbers >= 0, not both 0, got [-0.5, 1.0]"),
                Arguments.of(Map.of("weights", List.of(0, 0)),
                        at + "weights: expected two finite numbers >= 0, not both 0, got [0.0, 0.0]"),
                Arguments.of(Map.of("weights", "0.75, 0.25"),
                        at + "weights: expected a list of numbers, got '0.75, 0.25'"),
                Arguments.of(Map.of("beta", 0), at + "beta: must be greater than 0, got 0.0"),
                Arguments.of(Map.of("beta", -1.5), at + "beta: must be greater than 0, got -1.5"),
                Arguments.of(Map.of("beta", "1"), at + "beta: expected a number, got '1'"),
                Arguments.of(Map.of("mode", "f1"),
                        at + "mode: unknown option for answer_correctness (known: beta, weights)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswerCorrectnessOptions")
    void should_reject_a_bad_answer_correctness_option_naming_place_and_option(Map<String, Object> values,
            String message) {
        assertThatThrownBy(() -> AnswerCorrectness.of(judge, new FixedEmbeddingModel(),
                options("answer_correctness", values)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    static Stream<Arguments> badFactualCorrectnessOptions() {
        String at = "llmeval.yaml:4: metric-options.factual_correctness.";
        return Stream.of(
                Arguments.of(Map.of("mode", "f2"), at + "mode: expected one of precision, recall, f1, got 'f2'"),
                Arguments.of(Map.of("mode", 1), at + "mode: expected one of precision, recall, f1, got 1"),
                Arguments.of(Map.of("beta", 0.0), at + "beta: must be greater than 0, got 0.0"),
                Arguments.of(Map.of("atomicity", "medium"), at + "atomicity: expected one of low, high, got 'medium'"),
                Arguments.of(Map.of("coverage", true), at + "coverage: expected one of low, high, got true"),
                Arguments.of(Map.of("weights", List.of(1, 0)),
                        at + "weights: unknown option for factual_correctness (known: atomicity, beta, coverage, mode)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFactualCorrectnessOptions")
    void should_reject_a_bad_factual_correctness_option_naming_place_and_option(Map<String, Object> values,
            String message) {
        assertThatThrownBy(() -> FactualCorrectness.of(judge, options("factual_correctness", values)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void should_reject_bad_values_when_constructed_directly() {
        FixedEmbeddingModel embeddings = new FixedEmbeddingModel();
        assertThatThrownBy(() -> new AnswerCorrectness(judge, embeddings, Double.NaN, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnswerCorrectness(judge, embeddings, 1, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FactualCorrectness(judge, FactualCorrectness.Mode.F1, 1, "LOW", "low"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
