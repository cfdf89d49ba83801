package dev.llmeval.judge;

/**
 * A parsed judge reply and what it cost.
 *
 * @param value the reply read into the step's record
 * @param calls chat calls made, including a repair request
 * @param inputTokens prompt tokens over those calls (0 when the provider did not say)
 * @param outputTokens completion tokens over those calls
 */
public record Judged<T>(T value, int calls, long inputTokens, long outputTokens) {}
