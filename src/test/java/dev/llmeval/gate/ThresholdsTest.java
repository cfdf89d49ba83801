package dev.llmeval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdsTest {

    @Test
    void should_parse_specs_sorted_by_id_when_well_formed() {
        // given
        List<String> specs = List.of("faithfulness=0.9", " context_recall = .5 ", "answer_relevancy=1");

        // when
        Thresholds thresholds = Thresholds.parse(specs, ExitStatus.USAGE);

        // then
        assertThat(thresholds.minimums())
                .containsExactly(
                        entry("answer_relevancy", 1.0),
                        entry("context_recall", 0.5),
                        entry("faithfulness", 0.9));
        assertThat(thresholds.minimum("faithfulness")).contains(0.9);
        assertThat(thresholds.minimum("context_precision")).isEmpty();
    }

    @Test
    void should_accept_the_bounds_when_zero_or_one() {
        // when
        Thresholds thresholds = Thresholds.parse(List.of("a=0", "b=1.0"), ExitStatus.USAGE);

        // then
        assertThat(thresholds.minimums()).containsExactly(entry("a", 0.0), entry("b", 1.0));
    }

    @Test
    void should_be_empty_when_no_specs() {
        // when
        Thresholds thresholds = Thresholds.parse(List.of(), ExitStatus.USAGE);

        // then
        assertThat(thresholds.isEmpty()).isTrue();
        assertThat(thresholds).isEqualTo(Thresholds.NONE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "faithfulness|--threshold 'faithfulness': expected metric=value, e.g. faithfulness=0.8",
                "=0.5|--threshold '=0.5': expected metric=value, e.g. faithfulness=0.8",
                "faithfulness=|--threshold 'faithfulness=': expected metric=value, e.g. faithfulness=0.8",
                "faithfulness=high|--threshold 'faithfulness=high': 'high' is not a number between 0 and 1",
                "faithfulness=-0.1|--threshold 'faithfulness=-0.1': '-0.1' is not a number between 0 and 1",
                "faithfulness=NaN|--threshold 'faithfulness=NaN': 'NaN' is not a number between 0 and 1",
                "faithfulness=1.5|--threshold 'faithfulness=1.5': the value must be between 0 and 1",
                "Faithfulness=0.5|--threshold 'Faithfulness=0.5': 'Faithfulness' is not a metric id (lower_snake_case)",
            })
    void should_fail_with_one_line_message_when_spec_is_bad(String spec, String message) {
        // when / then
        assertThatThrownBy(() -> Thresholds.parse(List.of(spec), ExitStatus.USAGE))
                .isInstanceOfSatisfying(
                        LlmevalException.class,
                        e -> assertThat(e.status()).isEqualTo(ExitStatus.USAGE))
                .hasMessage(message);
    }

    @Test
    void should_fail_with_the_given_status_when_metric_is_named_twice() {
        // given
        List<String> specs = List.of("faithfulness=0.9", "faithfulness=0.8");

        // when / then
        assertThatThrownBy(() -> Thresholds.parse(specs, ExitStatus.INVALID_INPUT))
                .isInstanceOfSatisfying(
                        LlmevalException.class,
                        e -> assertThat(e.status()).isEqualTo(ExitStatus.INVALID_INPUT))
                .hasMessage(
                        "--threshold 'faithfulness=0.8': a threshold for faithfulness is already set");
    }

    @Test
    void should_let_the_overriding_side_win_when_merging() {
        // given
        Thresholds config = new Thresholds(Map.of("faithfulness", 0.7, "context_recall", 0.6));
        Thresholds flags = new Thresholds(Map.of("faithfulness", 0.9, "answer_relevancy", 0.5));

        // when
        Thresholds merged = config.merge(flags);

        // then
        assertThat(merged.minimums())
                .containsExactly(
                        entry("answer_relevancy", 0.5),
                        entry("context_recall", 0.6),
                        entry("faithfulness", 0.9));
    }

    @Test
    void should_reject_direct_construction_when_value_is_out_of_range() {
        // when / then
        assertThatThrownBy(() -> new Thresholds(Map.of("faithfulness", 1.2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
