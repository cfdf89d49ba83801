package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void should_split_ascii_text_exactly_as_the_13a_tokeniser_does() {
        // given: the expected tokens are sacreBLEU 2.6.0's 13a tokeniser output for this line
        String text = "It costs $40, i.e. 3.5% more (since 1990-91). Don't state-of-the-art 1,000 a.b x_y";

        // when
        List<String> tokens = Tokens.of(text);

        // then
        assertThat(String.join(" ", tokens)).isEqualTo(
                "It costs $ 40 , i . e . 3.5 % more ( since 1990 - 91 ) . Don't state-of-the-art 1,000 a . b x _ y");
    }

    @Test
    void should_split_han_kana_and_hangul_into_one_token_per_character() {
        // when
        List<String> japanese = Tokens.of("東京は日本の首都です。");
        List<String> korean = Tokens.of("서울은 수도");
        List<String> mixed = Tokens.of("2024年にPython 3.12を使う");

        // then
        assertThat(japanese).containsExactly("東", "京", "は", "日", "本", "の", "首", "都", "で", "す", "。");
        assertThat(korean).containsExactly("서", "울", "은", "수", "도");
        assertThat(mixed).containsExactly("2024", "年", "に", "Python", "3.12", "を", "使", "う");
    }

    @Test
    void should_keep_accented_letters_in_words_and_compose_decomposed_accents() {
        // when
        List<String> composed = Tokens.of("Le café à Zürich, naïve Ελλάδα.");
        List<String> decomposed = Tokens.of("Le cafe\u0301 a\u0300 Zu\u0308rich, nai\u0308ve Ελλάδα.");

        // then
        assertThat(composed).containsExactly("Le", "café", "à", "Zürich", ",", "naïve", "Ελλάδα", ".");
        assertThat(decomposed).isEqualTo(composed);
    }

    @Test
    void should_split_unicode_punctuation_and_symbols_but_keep_the_typographic_apostrophe() {
        // when
        List<String> tokens = Tokens.of("«Don’t» cost 5€ — ok… 👍");

        // then
        assertThat(tokens).containsExactly("«", "Don’t", "»", "cost", "5", "€", "—", "ok", "…", "👍");
    }

    @Test
    void should_drop_format_characters_and_treat_any_whitespace_as_a_separator() {
        // when: a soft hyphen inside a word, a no-break space and a tab
        List<String> tokens = Tokens.of("co\u00ADoperate\u00A0now\tplease");

        // then
        assertThat(tokens).containsExactly("cooperate", "now", "please");
    }

    @Test
    void should_keep_only_case_folded_words_for_rouge() {
        // when
        List<String> words = Tokens.words("The STRASSE, (straße) — 3.5%!");

        // then
        assertThat(words).containsExactly("the", "strasse", "strasse", "3.5");
    }

    @Test
    void should_give_no_token_for_blank_or_punctuation_only_text_words() {
        assertThat(Tokens.of("  \n ")).isEmpty();
        assertThat(Tokens.words("... !!! —")).isEmpty();
    }
}
