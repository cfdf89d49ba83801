package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringSimilarityTest {

    private static StringSimilarity with(String measure) {
        return StringSimilarity.from(MetricOptions.of(StringSimilarity.ID, "", Map.of("measure", measure)));
    }

    @Test
    void should_use_levenshtein_by_default() {
        // when: kitten → sitting takes 3 edits over 7 characters
        MetricResult result = StringSimilarity.from(MetricOptions.none(StringSimilarity.ID))
                .score(Samples.answer("kitten", "sitting"));

        // then
        assertThat(result.score()).isCloseTo(1 - 3.0 / 7, within(1e-12));
        assertThat(result.reason()).isEqualTo("levenshtein similarity of response and reference: 0.57");
        assertThat(result.details()).containsEntry("measure", "levenshtein");
    }

    @Test
    void should_use_the_measure_the_options_name() {
        assertThat(with("jaro_winkler").score(Samples.answer("MARTHA", "MARHTA")).score())
                .isCloseTo(0.9611111111111111, within(1e-12));
        assertThat(with("jaro").score(Samples.answer("MARTHA", "MARHTA")).score())
                .isCloseTo(0.9444444444444445, within(1e-12));
        assertThat(with("hamming").score(Samples.answer("karolin", "kathrin")).score())
                .isCloseTo(4.0 / 7, within(1e-12));
    }

    @Test
    void should_compare_code_points_so_cjk_and_accents_count_as_one_character_each() {
        // when: one substitution in three characters; 𠮷 is outside the BMP
        double cjk = with("levenshtein").score(Samples.answer("𠮷野家", "吉野家")).score();
        double accent = with("levenshtein").score(Samples.answer("re\u0301sume\u0301", "résumé")).score();

        // then
        assertThat(cjk).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(accent).isEqualTo(1.0);
    }

    @Test
    void should_score_0_for_an_empty_response() {
        assertThat(with("levenshtein").score(Samples.answer("", "Paris")).score()).isZero();
    }

    @Test
    void should_reject_an_unknown_measure_naming_the_choices() {
        assertThatThrownBy(() -> with("cosine"))
                .hasMessage("metric-options.string_similarity.measure: expected one of levenshtein, hamming, jaro, "
                        + "jaro_winkler, got 'cosine'");
    }
}
