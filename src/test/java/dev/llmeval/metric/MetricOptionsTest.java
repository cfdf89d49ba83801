package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricOptionsTest {

    private final MetricOptions options = MetricOptions.of("answer_correctness", "llmeval.yaml:3",
            Map.of("weights", List.of(0.5, 1), "beta", 2, "mode", "F1", "name", 7));

    @Test
    void should_read_typed_values_and_fall_back_to_defaults() {
        assertThat(options.numbers("weights", List.of())).containsExactly(0.5, 1.0);
        assertThat(options.number("beta", 1.0)).isEqualTo(2.0);
        assertThat(options.integer("beta", 1)).isEqualTo(2);
        assertThat(options.choice("mode", "f1", List.of("precision", "recall", "f1"))).isEqualTo("f1");
        assertThat(options.number("missing", 0.25)).isEqualTo(0.25);
        assertThat(MetricOptions.none("x").choice("mode", "f1", List.of("f1"))).isEqualTo("f1");
    }

    @Test
    void should_name_place_metric_and_option_when_a_value_has_the_wrong_type() {
        assertThatThrownBy(() -> options.number("mode", 1.0))
                .hasMessage("llmeval.yaml:3: metric-options.answer_correctness.mode: expected a number, got 'F1'");
        assertThatThrownBy(() -> options.choice("name", "a", List.of("a", "b")))
                .hasMessage("llmeval.yaml:3: metric-options.answer_correctness.name: expected one of a, b, got 7");
        assertThatThrownBy(() -> options.numbers("beta", List.of()))
                .hasMessageEndingWith("beta: expected a list of numbers, got 2");
    }

    @Test
    void should_reject_an_unknown_option_naming_the_known_ones() {
        assertThatThrownBy(() -> options.allowOnly(Set.of("weights", "beta", "mode")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("llmeval.yaml:3: metric-options.answer_correctness.name: unknown option for "
                        + "answer_correctness (known: beta, mode, weights)");
    }
}
