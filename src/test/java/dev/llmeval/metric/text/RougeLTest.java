package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RougeLTest {

    private final RougeL fmeasure = RougeL.from(MetricOptions.none(RougeL.ID));

    @Test
    void should_give_lins_value_on_whole_sentences_ignoring_case_and_punctuation() {
        // given: Lin (2004) section 3.1: "police kill the gunman" against "police killed the gunman" = 0.75
        MetricResult result = fmeasure.score(Samples.answer("Police kill the gunman.", "police killed the GUNMAN"));

        // then
        assertThat(result.score()).isEqualTo(0.75);
        assertThat(result.reason()).isEqualTo(
                "longest common subsequence 3 words: precision 0.75 (of 4 response words), recall 0.75 (of 4 reference words)");
    }

    @Test
    void should_report_precision_or_recall_when_the_mode_says_so() {
        // given: the rouge-score README pair: LCS 5, 8 prediction words, 9 target words
        String response = "The quick brown dog jumps on the log.";
        String reference = "The quick brown fox jumps over the lazy dog";
        RougeL precision = RougeL.from(MetricOptions.of(RougeL.ID, "", Map.of("mode", "precision")));
        RougeL recall = RougeL.from(MetricOptions.of(RougeL.ID, "", Map.of("mode", "Recall")));

        // then
        assertThat(precision.score(Samples.answer(response, reference)).score()).isEqualTo(0.625);
        assertThat(recall.score(Samples.answer(response, reference)).score()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(fmeasure.score(Samples.answer(response, reference)).score()).isCloseTo(10.0 / 17, within(1e-12));
    }

    @Test
    void should_score_chinese_per_character() {
        // given: 小偷警察 is the longest common subsequence of two 7-character sentences: 4/7 each way;
        // RAGAS's tokeniser drops non-ASCII text and scores 0 (ragas#2672)
        MetricResult result = fmeasure.score(Samples.answer("小偷被警察殺了", "小偷警察一起玩"));

        // then
        assertThat(result.score()).isCloseTo(4.0 / 7, within(1e-12));
    }

    @Test
    void should_match_accented_words_across_normalisation_and_case() {
        // given: "Élan" composed vs "E\u0301LAN" decomposed upper case: the same word
        MetricResult result = fmeasure.score(Samples.answer("E\u0301LAN vital", "élan vital"));

        // then
        assertThat(result.score()).isEqualTo(1.0);
    }

    @Test
    void should_score_0_for_an_empty_response_and_be_not_applicable_for_a_reference_without_words() {
        // when
        MetricResult empty = fmeasure.score(Samples.answer(" ", "Paris"));
        MetricResult noWords = fmeasure.score(Samples.answer("Paris", "?!"));

        // then
        assertThat(empty.outcome()).isEqualTo(Outcome.SCORED);
        assertThat(empty.score()).isZero();
        assertThat(noWords.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(noWords.reason()).isEqualTo("the reference has no words");
    }

    @Test
    void should_reject_an_unknown_mode_naming_the_choices() {
        assertThatThrownBy(() -> RougeL.from(MetricOptions.of(RougeL.ID, "llmeval.yaml:4", Map.of("mode", "f1"))))
                .hasMessage("llmeval.yaml:4: metric-options.rouge_l.mode: expected one of fmeasure, precision, recall, got 'f1'");
    }
}
