package dev.llmeval.metric.text;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricOptions;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Scoring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The cosine similarity (dot product of the L2-normalised vectors) of the response's and the
 * reference's embeddings from the run's embedding model, clipped to [0, 1]. With the
 * {@code threshold} option the score is 1 when the cosine is at least the threshold, else 0.
 */
final class SemanticSimilarity extends AnswerReferenceMetric {

    static final String ID = "semantic_similarity";
    static final String THRESHOLD = "threshold";

    private final EmbeddingModel embeddings;
    private final double threshold;

    /** @param threshold in [0, 1], or NaN for a graded score */
    SemanticSimilarity(EmbeddingModel embeddings, double threshold) {
        super(ID);
        this.embeddings = Objects.requireNonNull(embeddings, "embedding model == null");
        this.threshold = threshold;
    }

    static SemanticSimilarity from(EmbeddingModel embeddings, MetricOptions options) {
        options.allowOnly(Set.of(THRESHOLD));
        return new SemanticSimilarity(embeddings, Guard.threshold(options, THRESHOLD, Double.NaN));
    }

    @Override
    MetricResult score(String response, String reference) {
        if (response.isBlank()) {
            return MetricResult.scored(ID, 0.0, "the response is empty", Map.of(), JudgeUsage.NONE);
        }
        double cosine;
        try {
            List<Embedding> vectors = embeddings.embedAll(List.of(
                    TextSegment.from(Text.nfc(response)), TextSegment.from(Text.nfc(reference))))
                    .content();
            if (vectors == null || vectors.size() != 2) {
                return MetricResult.error(ID, "the embedding model returned "
                        + (vectors == null ? "no" : vectors.size()) + " vectors for 2 texts", JudgeUsage.NONE);
            }
            cosine = Scoring.cosine(vectors.get(0).vector(), vectors.get(1).vector());
        } catch (RuntimeException e) {
            return MetricResult.error(ID, "embedding failed: " + e.getMessage(), JudgeUsage.NONE);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cosine", cosine);
        String reason = String.format(Locale.ROOT, "cosine similarity of response and reference embeddings: %.3f", cosine);
        if (Double.isNaN(threshold)) {
            return MetricResult.scored(ID, Math.max(0.0, Math.min(1.0, cosine)), reason, details, JudgeUsage.NONE);
        }
        details.put("threshold", threshold);
        boolean similar = cosine >= threshold;
        return MetricResult.scored(ID, similar ? 1.0 : 0.0,
                reason + (similar ? " >= " : " < ") + "threshold " + threshold, details, JudgeUsage.NONE);
    }
}
