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
 * Context recall without an LLM: each reference sentence is attributed to the retrieved
 * contexts when it passes the {@link Evidence#STRICT} support test; the score is the share of
 * attributed sentences.
 */
final class OfflineContextRecall implements Metric {

    static final String ID = "context_recall";

    private final Embedder embedder;

    OfflineContextRecall(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.QUESTION, SampleField.CONTEXTS, SampleField.REFERENCE);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        List<String> sentences = Sentences.split(sample.reference());
        if (sentences.isEmpty()) {
            return MetricResult.notApplicable(ID, "the reference has no sentences",
                    Map.of("statements", List.of()), JudgeUsage.NONE);
        }
        return SampleText.strictShare(ID, embedder, sentences, sample.contexts(), "reference sentences", "found in");
    }
}
