package dev.llmeval.metric.text;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.RequiredFields;
import dev.llmeval.metric.SampleField;
import java.util.Set;

/** A text metric that compares the response with the reference; a sample lacking either is skipped. */
abstract class AnswerReferenceMetric implements Metric {

    private final String id;

    AnswerReferenceMetric(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Set<SampleField> requires() {
        return Set.of(SampleField.ANSWER, SampleField.REFERENCE);
    }

    @Override
    public final MetricResult score(EvaluatedSample sample) {
        return RequiredFields.missing(this, sample).orElseGet(() -> score(sample.answer(), sample.reference()));
    }

    /** The score of a response against its reference, both present. */
    abstract MetricResult score(String response, String reference);
}
