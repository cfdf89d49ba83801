package dev.llmeval.judge;

/**
 * A judge step that gave no usable answer: the provider failed (after the retries), the reply
 * stayed unparseable after the repair request, the budget was spent
 * ({@link BudgetExceededException}) or a {@code --cache-only} run missed the cache
 * ({@link CacheOnlyMissException}). Carries what the failed attempt cost.
 */
public class JudgeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int calls;
    private final long inputTokens;
    private final long outputTokens;
    private final boolean fatal;

    public JudgeException(String message, Throwable cause, int calls, long inputTokens, long outputTokens) {
        this(message, cause, calls, inputTokens, outputTokens, false);
    }

    /**
     * @param fatal true when calling the judge again cannot help (authentication, unknown model,
     *     invalid request), so the run should stop
     */
    public JudgeException(
            String message, Throwable cause, int calls, long inputTokens, long outputTokens, boolean fatal) {
        super(message, cause);
        this.calls = calls;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.fatal = fatal;
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

    /** True when there is no point calling the judge again; the app aborts with exit 5. */
    public boolean fatal() {
        return fatal;
    }

    /**
     * True when the provider failed to answer (after retries): unreachable, timing out, refusing.
     * False when it answered but the reply stayed unreadable, or no call was made (cache-only
     * miss, budget).
     */
    public boolean providerFailed() {
        return getCause() != null && !(getCause() instanceof JudgeFormatException);
    }
}
