package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringPresenceTest {

    private final TextMatch strict = TextMatch.presence(MetricOptions.none(TextMatch.PRESENCE_ID));

    @Test
    void should_give_1_when_the_reference_occurs_in_the_response() {
        // when
        MetricResult present = strict.score(Samples.answer("The port is 8420 by default.", "8420"));
        MetricResult absent = strict.score(Samples.answer("The port is 8080.", "8420"));

        // then
        assertThat(present.score()).isEqualTo(1.0);
        assertThat(present.reason()).isEqualTo("the reference occurs in the response");
        assertThat(absent.score()).isZero();
        assertThat(absent.reason()).isEqualTo("the reference does not occur in the response");
    }

    @Test
    void should_count_case_unless_ignore_case_is_set() {
        // given
        TextMatch lenient = TextMatch.presence(MetricOptions.of(TextMatch.PRESENCE_ID, "", Map.of("ignore-case", true)));

        // then
        assertThat(strict.score(Samples.answer("Sie wohnt in KÖLN.", "Köln")).score()).isZero();
        assertThat(lenient.score(Samples.answer("Sie wohnt in KÖLN.", "Köln")).score()).isEqualTo(1.0);
    }

    @Test
    void should_find_cjk_and_decomposed_accents() {
        assertThat(strict.score(Samples.answer("首都は東京です。", "東京")).score()).isEqualTo(1.0);
        assertThat(strict.score(Samples.answer("Un cafe\u0301 noir", "café")).score()).isEqualTo(1.0);
    }

    @Test
    void should_score_0_for_an_empty_response() {
        assertThat(strict.score(Samples.answer("", "Paris")).score()).isZero();
    }
}
