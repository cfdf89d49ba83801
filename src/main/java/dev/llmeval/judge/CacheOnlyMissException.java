package dev.llmeval.judge;

/** A judge step or embedding not found in the cache while running with {@code --cache-only}; no call was made. */
public final class CacheOnlyMissException extends JudgeException {
    private static final long serialVersionUID = 1L;

    CacheOnlyMissException(String what, int calls, long inputTokens, long outputTokens) {
        super("not in the cache (--cache-only): " + what, null, calls, inputTokens, outputTokens, false);
    }
}
