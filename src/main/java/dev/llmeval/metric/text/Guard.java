package dev.llmeval.metric.text;

import dev.llmeval.metric.MetricOptions;

/** The threshold option shared by the text metrics. */
final class Guard {

    private Guard() {}

    /** A threshold option in [0, 1]; {@code fallback} when absent (NaN: no threshold). */
    static double threshold(MetricOptions options, String key, double fallback) {
        double value = options.number(key, fallback);
        if (!Double.isNaN(value) && (value < 0.0 || value > 1.0)) {
            throw options.problem(key, "expected a number from 0 to 1, got " + value);
        }
        return value;
    }
}
