package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentenceMatchTest {

    private static final List<String> CONTEXT = List.of(
            "Gigi Lee Chang is the Managing Director of FoodFutureCo.",
            "She founded Plum Organics.",
            "History",
            "The accelerator was founded in 2016 by Shen Tong.");

    private static SentenceMatch.Match one(String copied) {
        return SentenceMatch.match(CONTEXT, List.of(copied)).get(0);
    }

    @Test
    void should_match_a_copy_that_differs_only_in_case_spacing_and_punctuation() {
        assertThat(one("gigi lee chang is the managing director of FoodFutureCo"))
                .isEqualTo(new SentenceMatch.Match("gigi lee chang is the managing director of FoodFutureCo",
                        Set.of(0), "same"));
    }

    @Test
    void should_match_every_sentence_of_a_merged_copy_but_not_a_short_heading_inside_it() {
        SentenceMatch.Match m = one("She founded Plum Organics. History shows the accelerator was founded in 2016 by"
                + " Shen Tong.");
        assertThat(m.sentences()).containsExactly(1, 3);
        assertThat(m.rule()).isEqualTo("merged");
    }

    @Test
    void should_match_the_sentence_a_shortened_copy_comes_from() {
        assertThat(one("founded in 2016 by Shen Tong").sentences()).containsExactly(3);
        assertThat(one("founded in 2016 by Shen Tong").rule()).isEqualTo("part");
    }

    @Test
    void should_match_a_copy_with_one_word_changed() {
        SentenceMatch.Match m = one("Gigi Lee Chang is the managing director at FoodFutureCo.");
        assertThat(m.sentences()).containsExactly(0);
        assertThat(m.rule()).isEqualTo("close");
    }

    @Test
    void should_match_nothing_for_an_invented_or_too_short_copy() {
        assertThat(one("Shen Tong sold the accelerator in 2020.").sentences()).isEmpty();
        assertThat(one("Plum").sentences()).isEmpty();
        assertThat(one("...").rule()).isEqualTo("empty");
    }

    @Test
    void should_match_chinese_copies_character_by_character() {
        List<String> context = List.of("北京是中国的首都，也是政治中心。", "上海是最大的城市。");
        // a clause the judge kept, and a sentence with one character changed
        assertThat(SentenceMatch.match(context, List.of("北京是中国的首都")).get(0))
                .isEqualTo(new SentenceMatch.Match("北京是中国的首都", Set.of(0), "part"));
        assertThat(SentenceMatch.match(context, List.of("上海是最大的都市。")).get(0).sentences()).containsExactly(1);
        assertThat(SentenceMatch.match(context, List.of("广州在南方。")).get(0).sentences()).isEmpty();
        assertThat(SentenceMatch.words("Tokyo は東京")).isEqualTo("tokyo は 東 京");
    }
}
