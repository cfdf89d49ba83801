package dev.llmeval.metric.text;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.RequiredFields;
import dev.llmeval.metric.SampleField;
import java.util.List;
import java.util.Set;

/**
 * A context metric without an LLM that matches retrieved chunks against reference contexts by
 * string similarity ({@link ContextMatch}); a sample lacking either list is skipped.
 */
abstract class ContextMatchMetric implements Metric {

    private final String id;
    private final ContextMatch match;

    ContextMatchMetric(String id, ContextMatch match) {
        this.id = id;
        this.match = match;
    }

    /** How chunks and reference contexts are matched (measure and threshold). */
    ContextMatch match() {
        return match;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<SampleField> requires() {
        return Set.of(SampleField.CONTEXTS, SampleField.REFERENCE_CONTEXTS);
    }

    @Override
    public final MetricResult score(EvaluatedSample sample) {
        return RequiredFields.missing(this, sample)
                .orElseGet(() -> score(sample.contexts(), sample.referenceContexts()));
    }

    /** The score of the retrieved chunks against the reference contexts, both present. */
    abstract MetricResult score(List<String> retrieved, List<String> reference);
}
