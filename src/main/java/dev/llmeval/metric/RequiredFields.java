package dev.llmeval.metric;

import java.util.List;
import java.util.Optional;

/** Guards a metric called on a sample that lacks a field it needs (the runner normally checks). */
public final class RequiredFields {

    private RequiredFields() {}

    public static Optional<MetricResult> missing(Metric metric, EvaluatedSample sample) {
        List<String> absent = metric.requires().stream()
                .filter(field -> !sample.has(field))
                .map(SampleField::columnName)
                .sorted()
                .toList();
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MetricResult.skipped(metric.id(), "missing " + String.join(", ", absent)));
    }
}
