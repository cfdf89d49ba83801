package dev.llmeval.metric.text;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.SampleField;
import java.util.List;
import java.util.Optional;

/** Checks shared by the text metrics: required fields and the threshold option. */
final class Guard {

    private Guard() {}

    /** SKIPPED naming the missing fields, when the runner let such a sample through. */
    static Optional<MetricResult> missing(Metric metric, EvaluatedSample sample) {
        List<String> absent = metric.requires().stream()
                .filter(field -> !sample.has(field))
                .map(SampleField::columnName)
                .sorted()
                .toList();
        return absent.isEmpty() ? Optional.empty()
                : Optional.of(MetricResult.skipped(metric.id(), "missing " + String.join(", ", absent)));
    }

    /** A threshold option in [0, 1]; {@code fallback} when absent (NaN: no threshold). */
    static double threshold(MetricOptions options, String key, double fallback) {
        double value = options.number(key, fallback);
        if (!Double.isNaN(value) && (value < 0.0 || value > 1.0)) {
            throw options.problem(key, "expected a number from 0 to 1, got " + value);
        }
        return value;
    }
}
