package dev.llmeval.metric;

/** Judge calls and tokens spent on one result (or summed over many). */
public record JudgeUsage(int calls, long inputTokens, long outputTokens) {
    public static final JudgeUsage NONE = new JudgeUsage(0, 0, 0);

    public JudgeUsage plus(JudgeUsage other) {
        return new JudgeUsage(
                calls + other.calls,
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens);
    }
}
