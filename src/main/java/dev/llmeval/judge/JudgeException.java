package dev.llmeval.judge;

/**
 * A judge step that gave no usable answer: the provider failed (after its own retries) or the
 * reply stayed unparseable after the repair request. Carries what the failed attempt cost.
 */
public class JudgeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int calls;
    private final long inputTokens;
    private final long outputTokens;

    public JudgeException(String message, Throwable cause, int calls, long inputTokens, long outputTokens) {
        super(message, cause);
        this.calls = calls;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
    }

    public int calls() {
        return calls;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }
}
