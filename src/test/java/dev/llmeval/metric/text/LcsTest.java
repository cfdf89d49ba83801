package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LcsTest {

    private static List<String> words(String text) {
        return Arrays.asList(text.split(" "));
    }

    @Test
    void should_give_lins_rouge_l_values_for_his_example_sentences() {
        // given: Lin (2004), "ROUGE: A Package for Automatic Evaluation of Summaries", section 3.1:
        // with S1 as the reference, S2 scores 3/4 = 0.75 and S3 scores 2/4 = 0.5 (β = 1)
        List<String> s1 = words("police killed the gunman");
        List<String> s2 = words("police kill the gunman");
        List<String> s3 = words("the gunman kill police");

        // when
        Lcs.Score second = Lcs.score(s2, s1);
        Lcs.Score third = Lcs.score(s3, s1);

        // then
        assertThat(second.lcs()).isEqualTo(3);
        assertThat(second.fmeasure()).isEqualTo(0.75);
        assertThat(third.lcs()).isEqualTo(2);
        assertThat(third.fmeasure()).isEqualTo(0.5);
    }

    @Test
    void should_score_the_rouge_score_readme_example() {
        // given: the example pair of Google's rouge-score README (target, prediction); the LCS is
        // "the quick brown jumps the" (5 words), so P = 5/8, R = 5/9, F = 2PR/(P+R) = 10/17
        List<String> target = words("the quick brown fox jumps over the lazy dog");
        List<String> prediction = words("the quick brown dog jumps on the log");

        // when
        Lcs.Score score = Lcs.score(prediction, target);

        // then
        assertThat(score.lcs()).isEqualTo(5);
        assertThat(score.precision()).isEqualTo(0.625);
        assertThat(score.recall()).isCloseTo(5.0 / 9, within(1e-12));
        assertThat(score.fmeasure()).isCloseTo(10.0 / 17, within(1e-12));
    }

    @Test
    void should_score_0_for_an_empty_or_disjoint_candidate() {
        // when
        Lcs.Score empty = Lcs.score(List.of(), words("a b"));
        Lcs.Score disjoint = Lcs.score(words("c d"), words("a b"));

        // then
        assertThat(empty.fmeasure()).isZero();
        assertThat(empty.precision()).isZero();
        assertThat(disjoint.lcs()).isZero();
        assertThat(disjoint.fmeasure()).isZero();
    }
}
