package dev.llmeval.metric.offline;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.SampleField;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Faithfulness without an LLM: the answer's sentences are the statements; each gets a verdict
 * from the {@link Evidence#STRICT} support test against all retrieved contexts; the score is
 * the share of supported statements.
 */
final class OfflineFaithfulness implements Metric {

    static final String ID = "faithfulness";

    private final Embedder embedder;

    OfflineFaithfulness(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.QUESTION, SampleField.ANSWER, SampleField.CONTEXTS);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        List<String> statements = Sentences.split(sample.answer());
        if (statements.isEmpty()) {
            return MetricResult.notApplicable(ID, "the answer has no statements to check",
                    Map.of("statements", List.of()), JudgeUsage.NONE);
        }
        return SampleText.strictShare(ID, embedder, statements, sample.contexts(), "statements", "supported by");
    }
}
