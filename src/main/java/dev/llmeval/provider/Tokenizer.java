package dev.llmeval.provider;

import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Counts tokens as a judge model does.
 *
 * @param counter the tokens of a text
 * @param description how they are counted, e.g. {@code o200k_base, the tokenizer of gpt-4o-mini}
 * @param exact whether it is the model's own tokenizer rather than a stand-in
 */
public record Tokenizer(ToIntFunction<String> counter, String description, boolean exact) {

    public Tokenizer {
        Objects.requireNonNull(counter, "counter == null");
        Objects.requireNonNull(description, "description == null");
    }

    public int count(String text) {
        return counter.applyAsInt(text);
    }
}
