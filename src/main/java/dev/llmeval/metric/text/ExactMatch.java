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
 * 1 when the response equals the reference, else 0. Both are NFC-normalised first; case and
 * whitespace count unless {@code ignore-case} / {@code ignore-whitespace} say otherwise.
 */
final class ExactMatch implements Metric {

    static final String ID = "exact_match";

    private final Comparison comparison;

    ExactMatch(Comparison comparison) {
        this.comparison = comparison;
    }

    static ExactMatch from(MetricOptions options) {
        return new ExactMatch(Comparison.from(options));
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
        boolean equal = comparison.normalise(sample.answer()).equals(comparison.normalise(sample.reference()));
        String reason = (equal ? "the response equals the reference" : "the response differs from the reference")
                + comparison.describe();
        return MetricResult.scored(ID, equal ? 1.0 : 0.0, reason, Map.of(), JudgeUsage.NONE);
    }
}
