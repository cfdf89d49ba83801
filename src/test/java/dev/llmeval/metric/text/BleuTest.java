package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values worked out by hand; each was also checked with sacreBLEU 2.6.0 sentence BLEU. */
class BleuTest {

    private final Bleu bleu = new Bleu();

    @Test
    void should_score_every_sentence_of_the_response_not_only_the_first() {
        // given: RAGAS scores only the first sentence (ragas#2888) and would give 1.0 here;
        // sacreBLEU: 70.17, precisions 10/11, 8/10, 6/9, 4/8
        MetricResult result = bleu.score(Samples.answer("Paris is the capital. The Seine flows through it.",
                "Paris is the capital. The Loire flows through it."));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isCloseTo(Math.pow(8.0 / 33, 0.25), within(1e-12));
        assertThat(result.reason()).isEqualTo(
                "n-gram precisions 0.91/0.80/0.67/0.50, brevity penalty 1.00 (11 response tokens, 11 reference tokens)");
        assertThat(result.details()).containsEntry("brevity_penalty", 1.0).containsEntry("response_tokens", 11)
                .containsEntry("reference_tokens", 11).containsEntry("precisions", List.of(10.0 / 11, 0.8, 6.0 / 9, 0.5));
    }

    @Test
    void should_penalise_a_response_that_stops_after_the_first_sentence() {
        // given: sacreBLEU: 30.12, all precisions 1, BP = exp(1 − 11/5)
        MetricResult result = bleu.score(Samples.answer("Paris is the capital.",
                "Paris is the capital. The Loire flows through it."));

        // then
        assertThat(result.score()).isCloseTo(Math.exp(1 - 11.0 / 5), within(1e-12));
    }

    @Test
    void should_score_japanese_per_character() {
        // given: 12 response tokens against 11; precisions 10/12, 8/11, 7/10, 6/9 (sacreBLEU, on the same
        // characters space-separated: 72.93); a tokeniser that drops non-ASCII would score 0
        MetricResult result = bleu.score(Samples.answer("東京は日本の首都である。", "東京は日本の首都です。"));

        // then
        assertThat(result.score()).isCloseTo(Math.pow(28.0 / 99, 0.25), within(1e-12));
    }

    @Test
    void should_match_accented_words_whether_composed_or_decomposed() {
        // given: precisions 6/7, 4/6, 3/5, 2/4 (sacreBLEU: 64.35); the response spells é decomposed
        MetricResult result = bleu.score(Samples.answer("Le cafe\u0301 est ferme\u0301 le lundi.",
                "Le café est fermé le dimanche."));

        // then
        assertThat(result.score()).isCloseTo(Math.pow(6.0 / 35, 0.25), within(1e-12));
    }

    @Test
    void should_give_1_for_an_identical_one_word_answer() {
        assertThat(bleu.score(Samples.answer("Paris", "Paris")).score()).isEqualTo(1.0);
    }

    @Test
    void should_score_0_when_the_response_is_empty() {
        // when
        MetricResult result = bleu.score(Samples.answer("", "Paris is the capital."));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(result.score()).isZero();
        assertThat(result.reason()).isEqualTo("the response has no tokens");
    }

    @Test
    void should_be_not_applicable_when_the_reference_has_no_tokens() {
        // when
        MetricResult result = bleu.score(Samples.answer("Paris", "\u00AD"));

        // then
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).isEqualTo("the reference has no tokens");
    }

    @Test
    void should_skip_a_sample_without_a_reference() {
        assertThat(bleu.score(Samples.answer("Paris", null)).outcome()).isEqualTo(Outcome.SKIPPED);
    }
}
