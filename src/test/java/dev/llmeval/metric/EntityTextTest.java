package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "The Plum-Organics’s|plum organics",
            "  Asunción  |asuncion",
            "$1,200,000|1200000",
            "U.S.|u s",
            "sparks&honey|sparks honey",
            "A40|a40",
            "An Post|post",
            "2019–2021|2019 2021"})
    void should_normalise_case_accents_punctuation_and_spacing(String text, String expected) {
        assertThat(EntityText.normalise(text)).isEqualTo(expected);
    }

    @Test
    void should_match_whole_words_only() {
        String text = EntityText.normalise("FoodFutureCo was founded by Shen Tong in 2016.");
        assertThat(EntityText.mentions(text, EntityText.normalise("Shen Tong"))).isTrue();
        assertThat(EntityText.mentions(text, EntityText.normalise("2016"))).isTrue();
        assertThat(EntityText.mentions(text, EntityText.normalise("Food"))).isFalse();
        assertThat(EntityText.mentions(text, EntityText.normalise("Tong in 201"))).isFalse();
        assertThat(EntityText.mentions(text, "")).isFalse();
    }

    @Test
    void should_match_an_entity_next_to_letters_of_a_script_written_without_spaces() {
        // Chinese, Japanese and Korean attach words and particles without a space
        assertThat(EntityText.mentions(EntityText.normalise("中国的首都是北京，人口两千万。"),
                EntityText.normalise("北京"))).isTrue();
        assertThat(EntityText.mentions(EntityText.normalise("日本の首都は東京です。"),
                EntityText.normalise("東京"))).isTrue();
        assertThat(EntityText.mentions(EntityText.normalise("서울은 한국의 수도이다."),
                EntityText.normalise("서울"))).isTrue();
        assertThat(EntityText.mentions(EntityText.normalise("我买了iPhone手机"),
                EntityText.normalise("iPhone"))).isTrue();
        assertThat(EntityText.mentions(EntityText.normalise("中国的首都是北京"),
                EntityText.normalise("上海"))).isFalse();
        // a Latin word still has to be whole: the second occurrence, not the first, counts
        assertThat(EntityText.mentions(EntityText.normalise("FoodFutureCo sells Food."),
                EntityText.normalise("Food"))).isTrue();
        assertThat(EntityText.mentions(EntityText.normalise("我们的FoodFutureCo"),
                EntityText.normalise("Food"))).isFalse();
    }
}
