package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BleuMathTest {

    // Papineni, Roukos, Ward, Zhu (2002), "BLEU: a Method for Automatic Evaluation of Machine
    // Translation", section 2.1, Example 1: three references and two candidates.
    private static final List<List<String>> PAPER_REFERENCES = List.of(
            words("It is a guide to action that ensures that the military will forever heed Party commands"),
            words("It is the guiding principle which guarantees the military forces always being under the command of the Party"),
            words("It is the practical guide for the army always to heed the directions of the party"));
    private static final List<String> PAPER_CANDIDATE_1 =
            words("It is a guide to action which ensures that the military always obeys the commands of the party");
    private static final List<String> PAPER_CANDIDATE_2 =
            words("It is to insure the troops forever hearing the activity guidebook that party direct");

    private static List<String> words(String text) {
        return Arrays.asList(text.split(" "));
    }

    @Test
    void should_give_the_papers_modified_unigram_and_bigram_precisions() {
        // when
        BleuMath.Counts first = BleuMath.count(PAPER_CANDIDATE_1, PAPER_REFERENCES);
        BleuMath.Counts second = BleuMath.count(PAPER_CANDIDATE_2, PAPER_REFERENCES);

        // then: the paper gives 17/18 and 8/14 for unigrams, 10/17 and 1/13 for bigrams
        assertThat(first.matches()[0]).isEqualTo(17);
        assertThat(first.totals()[0]).isEqualTo(18);
        assertThat(second.matches()[0]).isEqualTo(8);
        assertThat(second.totals()[0]).isEqualTo(14);
        assertThat(first.matches()[1]).isEqualTo(10);
        assertThat(first.totals()[1]).isEqualTo(17);
        assertThat(second.matches()[1]).isEqualTo(1);
        assertThat(second.totals()[1]).isEqualTo(13);
    }

    @Test
    void should_clip_a_repeated_word_to_its_count_in_a_reference() {
        // given: the paper's "the the the the the the the" example (lower-cased, as the paper counts it)
        List<String> candidate = words("the the the the the the the");

        // when
        BleuMath.Counts counts = BleuMath.count(candidate,
                List.of(words("the cat is on the mat"), words("there is a cat on the mat")));

        // then: modified unigram precision 2/7
        assertThat(counts.matches()[0]).isEqualTo(2);
        assertThat(counts.totals()[0]).isEqualTo(7);
    }

    @Test
    void should_reproduce_the_sacrebleu_readme_corpus_score() {
        // given: the corpus example of sacreBLEU's README, tokenised by our tokeniser (13a on ASCII);
        // sacreBLEU reports "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)"
        List<String> hypotheses = List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
        List<List<String>> references = List.of(
                List.of("The dog bit the man.", "The dog had bit the man."),
                List.of("It was not unexpected.", "No one was surprised."),
                List.of("The man bit him first.", "The man had bitten the dog."));

        // when
        BleuMath.Counts corpus = null;
        for (int i = 0; i < hypotheses.size(); i++) {
            BleuMath.Counts segment = BleuMath.count(Tokens.of(hypotheses.get(i)),
                    references.get(i).stream().map(Tokens::of).toList());
            corpus = corpus == null ? segment : corpus.plus(segment);
        }
        double bleu = BleuMath.score(corpus, false);

        // then
        assertThat(corpus).isEqualTo(new BleuMath.Counts(new int[] {14, 7, 5, 3}, new int[] {17, 14, 11, 8}, 17, 18));
        assertThat(BleuMath.brevityPenalty(corpus)).isCloseTo(Math.exp(1 - 18.0 / 17), within(1e-12));
        assertThat(bleu).isCloseTo(0.4853, within(0.00005));
        assertThat(bleu).isCloseTo(Math.exp(1 - 18.0 / 17)
                * Math.pow(14.0 / 17 * 7.0 / 14 * 5.0 / 11 * 3.0 / 8, 0.25), within(1e-12));
    }

    @Test
    void should_smooth_an_order_without_matches_by_halving_each_time() {
        // given: sacreBLEU 2.6.0 sentence BLEU gives 19.30 (66.7/20.0/12.5/8.3): p3 and p4 have no match
        // and count as 1/(2·4) and 1/(4·3) (4 trigrams, 3 four-grams)
        BleuMath.Counts counts = BleuMath.count(words("the cat sat on the mat"), List.of(words("the dog sat on a mat")));

        // when
        double bleu = BleuMath.score(counts, true);

        // then: (4/6 · 1/5 · 1/8 · 1/12)^(1/4) = (1/720)^(1/4)
        assertThat(bleu).isCloseTo(Math.pow(4.0 / 6 * 1.0 / 5 * 1.0 / 8 * 1.0 / 12, 0.25), within(1e-12));
        assertThat(bleu).isCloseTo(Math.pow(1.0 / 720, 0.25), within(1e-12));
    }

    @Test
    void should_score_a_short_answer_on_the_orders_it_has_when_the_order_is_effective() {
        // given: sacreBLEU 2.6.0: sentence BLEU 71.65 (BP 0.717), corpus BLEU 0.00 for the same pair
        BleuMath.Counts counts = BleuMath.count(words("the cat sat"), List.of(words("the cat sat down")));

        // then
        assertThat(BleuMath.score(counts, true)).isCloseTo(Math.exp(-1.0 / 3), within(1e-12));
        assertThat(BleuMath.score(counts, false)).isZero();
        assertThat(BleuMath.score(BleuMath.count(words("Paris"), List.of(words("Paris"))), true)).isEqualTo(1.0);
    }

    @Test
    void should_score_0_without_a_shared_word_or_without_a_hypothesis() {
        // given: sacreBLEU 2.6.0 gives 0.00 for "the cat" against "a dog", though smoothing alone would give 0.25
        BleuMath.Counts disjoint = BleuMath.count(words("the cat"), List.of(words("a dog")));
        BleuMath.Counts empty = BleuMath.count(List.of(), List.of(words("a dog")));

        // then
        assertThat(BleuMath.score(disjoint, true)).isZero();
        assertThat(BleuMath.score(empty, true)).isZero();
        assertThat(BleuMath.brevityPenalty(empty)).isZero();
    }

    @Test
    void should_take_the_closest_reference_length_and_the_shorter_on_a_tie() {
        // when: a 5-token hypothesis against references of 4 and 6 tokens
        BleuMath.Counts counts = BleuMath.count(words("a b c d e"), List.of(words("a b c d e f"), words("a b c d")));

        // then
        assertThat(counts.referenceLength()).isEqualTo(4);
    }
}
