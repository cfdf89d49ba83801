package dev.llmeval.metric.text;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.SampleField;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 1 when the reference occurs in the response, else 0 (NFC-normalised; {@code ignore-case} and
 * {@code ignore-whitespace} as for exact_match).
 */
final class StringPresence implements Metric {

    static final String ID = "string_presence";

    private final Comparison comparison;

    StringPresence(Comparison comparison) {
        this.comparison = comparison;
    }

    static StringPresence from(MetricOptions options) {
        return new StringPresence(Comparison.from(options));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.ANSWER, SampleField.REFERENCE);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = Guard.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        boolean present = comparison.normalise(sample.answer()).contains(comparison.normalise(sample.reference()));
        String reason = (present ? "the reference occurs in the response" : "the reference does not occur in the response")
                + comparison.describe();
        return MetricResult.scored(ID, present ? 1.0 : 0.0, reason, Map.of(), JudgeUsage.NONE);
    }
}
