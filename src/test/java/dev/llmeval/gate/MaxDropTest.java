package dev.llmeval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaxDropTest {

    @Test
    void should_parse_absolute_and_relative_drops_sorted_by_id() {
        // when
        List<MaxDrop> drops = MaxDrop.parse(
                List.of("faithfulness=0.05", " answer_relevancy = 5% ", "context_recall=.1"),
                ExitStatus.USAGE);

        // then
        assertThat(drops).containsExactly(
                new MaxDrop("answer_relevancy", 0.05, true),
                new MaxDrop("context_recall", 0.1, false),
                new MaxDrop("faithfulness", 0.05, false));
    }

    @Test
    void should_allow_the_amount_or_a_share_of_the_baseline_mean() {
        assertThat(new MaxDrop("f", 0.05, false).allowed(0.9)).isEqualTo(0.05);
        assertThat(new MaxDrop("f", 0.05, true).allowed(0.9)).isCloseTo(0.045, within(1e-12));
    }

    @Test
    void should_accept_the_bounds() {
        assertThat(MaxDrop.parse(List.of("a=0", "b=1", "c=0%", "d=100%"), ExitStatus.USAGE))
                .extracting(MaxDrop::amount)
                .containsExactly(0.0, 1.0, 0.0, 1.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            faithfulness          | expected metric=drop, e.g. faithfulness=0.05 or faithfulness=5%
            Faith=0.1             | 'Faith' is not a metric id (lower_snake_case)
            faithfulness=abc      | 'abc' is not a number between 0 and 1 or a percentage
            faithfulness=-0.1     | '-0.1' is not a number between 0 and 1 or a percentage
            faithfulness=1.5      | the drop must be between 0 and 1 (or a percentage such as 5%)
            faithfulness=150%     | a percentage must be between 0% and 100%
            """)
    void should_fail_with_one_line_when_a_spec_is_bad(String spec, String problem) {
        assertThatThrownBy(() -> MaxDrop.parse(List.of(spec), ExitStatus.USAGE))
                .isInstanceOfSatisfying(LlmevalException.class,
                        e -> assertThat(e.status()).isEqualTo(ExitStatus.USAGE))
                .hasMessage("--max-drop '" + spec + "': " + problem);
    }

    @Test
    void should_fail_with_the_given_status_when_a_metric_is_named_twice() {
        assertThatThrownBy(() -> MaxDrop.parse(
                        List.of("faithfulness=0.05", "faithfulness=5%"), ExitStatus.INVALID_INPUT))
                .isInstanceOfSatisfying(LlmevalException.class,
                        e -> assertThat(e.status()).isEqualTo(ExitStatus.INVALID_INPUT))
                .hasMessage("--max-drop 'faithfulness=5%': a max drop for faithfulness is already set");
    }

    @Test
    void should_reject_an_amount_outside_the_unit_interval_when_built_in_code() {
        assertThatThrownBy(() -> new MaxDrop("f", 1.5, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MaxDrop("f", Double.NaN, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
