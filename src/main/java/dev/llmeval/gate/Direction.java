package dev.llmeval.gate;

import dev.llmeval.metric.MetricCatalog;

/**
 * Which way a metric's scores are good. For most metrics higher is better and a threshold is a
 * minimum; for a metric such as noise sensitivity lower is better and a threshold is a maximum.
 */
public enum Direction {
    HIGHER_IS_BETTER(">=", "<", "≥"),
    LOWER_IS_BETTER("<=", ">", "≤");

    private final String bound;
    private final String missed;
    private final String boundSign;

    Direction(String bound, String missed, String boundSign) {
        this.bound = bound;
        this.missed = missed;
        this.boundSign = boundSign;
    }

    /** The direction of a metric from the catalogue; custom and unknown metrics are higher-is-better. */
    public static Direction of(String metricId) {
        return of(MetricCatalog.higherIsBetter(metricId));
    }

    public static Direction of(boolean higherIsBetter) {
        return higherIsBetter ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }

    public boolean higherIsBetter() {
        return this == HIGHER_IS_BETTER;
    }

    /** Whether {@code value} meets {@code threshold}, with a 1e-9 tolerance for floating-point noise. */
    public boolean meets(double value, double threshold) {
        return this == HIGHER_IS_BETTER
                ? value + Gate.TOLERANCE >= threshold
                : value - Gate.TOLERANCE <= threshold;
    }

    /** How much worse {@code current} is than {@code baseline}: positive when it got worse. */
    public double worsening(double baseline, double current) {
        return this == HIGHER_IS_BETTER ? baseline - current : current - baseline;
    }

    /** {@code >=} or {@code <=}: how a threshold reads, e.g. {@code >= 0.8}. */
    public String bound() {
        return bound;
    }

    /** {@code ≥} or {@code ≤}, for Markdown and HTML. */
    public String boundSign() {
        return boundSign;
    }

    /** {@code <} or {@code >}: how a miss reads, e.g. {@code mean 0.7 < 0.8}. */
    public String missed() {
        return missed;
    }
}
