package dev.llmeval.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizersTest {

    @ParameterizedTest
    @CsvSource({"gpt-4o-mini, o200k_base", "gpt-4o-2024-08-06, o200k_base", "gpt-4.1-nano, o200k_base",
        "o3-mini, o200k_base", "gpt-4-turbo, cl100k_base", "gpt-3.5-turbo, cl100k_base"})
    void should_use_openai_s_own_encoding_for_an_openai_model(String model, String encoding) {
        Tokenizer tokenizer = Tokenizers.forModel(model);

        assertThat(tokenizer.exact()).isTrue();
        assertThat(tokenizer.description()).isEqualTo(encoding + ", the tokenizer of " + model);
    }

    @Test
    void should_say_it_stands_in_for_a_model_whose_tokenizer_is_unknown() {
        Tokenizer tokenizer = Tokenizers.forModel("claude-3-5-haiku-latest");

        assertThat(tokenizer.exact()).isFalse();
        assertThat(tokenizer.description()).startsWith("o200k_base as a stand-in");
    }

    @Test
    void should_count_tokens_not_characters() {
        Tokenizer tokenizer = Tokenizers.forModel("gpt-4o-mini");

        assertThat(tokenizer.count("hello world")).isEqualTo(2);
        assertThat(tokenizer.count("")).isZero();
        assertThat(tokenizer.count("<|endoftext|>")).isGreaterThan(1);
    }
}
