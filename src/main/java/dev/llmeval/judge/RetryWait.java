package dev.llmeval.judge;

import java.time.Duration;

/**
 * A wait before a judge call is retried, as told to {@link JudgeRuntime#waits()}: the run shows
 * the long ones, so that a two-minute Retry-After does not look like a hang.
 *
 * @param delay how long the call waits before its next attempt
 * @param retryAfter whether the provider asked for it ({@code Retry-After}), rather than the backoff
 * @param cause what failed, on one line: {@code HTTP 429}, {@code timeout}, …
 */
public record RetryWait(Duration delay, boolean retryAfter, String cause) {}
