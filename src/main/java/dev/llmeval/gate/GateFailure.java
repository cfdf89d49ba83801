package dev.llmeval.gate;

/**
 * A threshold that was not met.
 *
 * @param metricId the gated metric
 * @param threshold the minimum mean it needed
 * @param actual its mean, or {@code null} when nothing was scored or it was not run
 * @param message why it failed, e.g. {@code mean 0.812 < 0.900} or {@code metric was not run}
 */
public record GateFailure(String metricId, double threshold, Double actual, String message) {}
