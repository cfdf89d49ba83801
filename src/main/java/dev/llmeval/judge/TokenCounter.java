package dev.llmeval.judge;

/**
 * Counts the tokens of a text as a judge model would: with the model's own tokenizer where it is
 * known (built by the provider package), else an approximation. Thread-safe.
 */
public interface TokenCounter {

    /** The tokens of {@code text}. */
    long count(String text);

    /** How the counting is done, for the dry run's output: e.g. {@code o200k_base, the tokenizer of gpt-4o-mini}. */
    String description();

    /** Whether {@link #count} is the model's own tokenizer, not an approximation. */
    boolean exact();

    /** About four characters a token: for a model whose tokenizer nothing here knows. */
    static TokenCounter approximate() {
        return new TokenCounter() {
            @Override
            public long count(String text) {
                return text == null ? 0 : (text.length() + 3) / 4;
            }

            @Override
            public String description() {
                return "about 4 characters a token";
            }

            @Override
            public boolean exact() {
                return false;
            }
        };
    }
}
