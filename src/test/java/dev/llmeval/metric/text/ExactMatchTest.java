package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactMatchTest {

    private final TextMatch strict = TextMatch.exact(MetricOptions.none(TextMatch.EXACT_ID));

    @Test
    void should_give_1_only_for_the_same_text_with_case_and_whitespace_counting() {
        // when
        MetricResult same = strict.score(Samples.answer("Paris", "Paris"));
        MetricResult otherCase = strict.score(Samples.answer("paris", "Paris"));
        MetricResult trailingNewline = strict.score(Samples.answer("Paris\n", "Paris"));

        // then
        assertThat(same.score()).isEqualTo(1.0);
        assertThat(same.reason()).isEqualTo("the response equals the reference");
        assertThat(otherCase.score()).isZero();
        assertThat(trailingNewline.score()).isZero();
        assertThat(otherCase.outcome()).isEqualTo(Outcome.SCORED);
    }

    @Test
    void should_treat_composed_and_decomposed_accents_as_equal() {
        assertThat(strict.score(Samples.answer("Zu\u0308rich", "Zürich")).score()).isEqualTo(1.0);
        assertThat(strict.score(Samples.answer("東京", "東京")).score()).isEqualTo(1.0);
    }

    @Test
    void should_ignore_case_and_whitespace_when_the_options_say_so() {
        // given
        TextMatch lenient = TextMatch.exact(MetricOptions.of(TextMatch.EXACT_ID, "",
                Map.of("ignore-case", true, "ignore-whitespace", true)));

        // when
        MetricResult result = lenient.score(Samples.answer("  STRASSE \n  nach\u00A0\u3000Köln\n", "straße nach KÖLN"));

        // then
        assertThat(result.score()).isEqualTo(1.0);
        assertThat(result.reason()).isEqualTo("the response equals the reference (ignoring case and whitespace)");
    }

    @Test
    void should_score_0_for_an_empty_response() {
        assertThat(strict.score(Samples.answer("", "Paris")).score()).isZero();
    }

    @Test
    void should_reject_a_flag_that_is_not_a_boolean_and_an_unknown_option() {
        assertThatThrownBy(() -> TextMatch.exact(MetricOptions.of(TextMatch.EXACT_ID, "llmeval.yaml:3",
                Map.of("ignore-case", "yes"))))
                .hasMessage("llmeval.yaml:3: metric-options.exact_match.ignore-case: expected true or false, got 'yes'");
        assertThatThrownBy(() -> TextMatch.exact(MetricOptions.of(TextMatch.EXACT_ID, "", Map.of("strip", true))))
                .hasMessageContaining("unknown option for exact_match (known: ignore-case, ignore-whitespace)");
    }
}
