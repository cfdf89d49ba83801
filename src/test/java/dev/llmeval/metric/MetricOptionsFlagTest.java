package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricOptionsFlagTest {

    @Test
    void should_read_a_boolean_and_fall_back_when_absent() {
        // given
        MetricOptions options = MetricOptions.of("exact_match", "llmeval.yaml:2", Map.of("ignore-case", true));

        // then
        assertThat(options.flag("ignore-case", false)).isTrue();
        assertThat(options.flag("ignore-whitespace", false)).isFalse();
        assertThat(MetricOptions.none("exact_match").flag("ignore-case", true)).isTrue();
    }

    @Test
    void should_name_place_and_option_when_the_value_is_not_a_boolean() {
        assertThatThrownBy(() -> MetricOptions.of("exact_match", "llmeval.yaml:2", Map.of("ignore-case", 1))
                .flag("ignore-case", false))
                .hasMessage("llmeval.yaml:2: metric-options.exact_match.ignore-case: expected true or false, got 1");
    }
}
