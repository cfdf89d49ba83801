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
}
