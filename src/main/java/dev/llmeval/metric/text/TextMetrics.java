package dev.llmeval.metric.text;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The metrics computed from strings, ids and embeddings alone: no judge is asked, so they score
 * the same under the offline judge and an LLM judge. See {@code docs/metrics.md}.
 */
public final class TextMetrics {

    private static final List<String> IDS = List.of(
            SemanticSimilarity.ID, NonLlmContextPrecision.ID, NonLlmContextRecall.ID,
            IdContextOverlap.PRECISION_ID, IdContextOverlap.RECALL_ID, TextMatch.EXACT_ID, TextMatch.PRESENCE_ID,
            StringSimilarity.ID, Bleu.ID, RougeL.ID);

    private TextMetrics() {}

    /**
     * The metrics for the given ids, in that order.
     *
     * @param embeddings the run's embedding model (used by semantic_similarity only)
     * @param options each metric's {@code metric-options:}; a bad option throws {@link IllegalArgumentException}
     * @throws IllegalArgumentException for an id not in {@link #supportedIds()}
     */
    public static List<Metric> create(EmbeddingModel embeddings, Function<String, MetricOptions> options,
            List<String> metricIds) {
        List<Metric> out = new ArrayList<>();
        for (String id : metricIds) {
            MetricOptions o = options.apply(id);
            out.add(switch (id) {
                case SemanticSimilarity.ID -> SemanticSimilarity.from(embeddings, o);
                case NonLlmContextPrecision.ID -> NonLlmContextPrecision.from(o);
                case NonLlmContextRecall.ID -> NonLlmContextRecall.from(o);
                case IdContextOverlap.PRECISION_ID -> IdContextOverlap.from(true, o);
                case IdContextOverlap.RECALL_ID -> IdContextOverlap.from(false, o);
                case TextMatch.EXACT_ID -> TextMatch.exact(o);
                case TextMatch.PRESENCE_ID -> TextMatch.presence(o);
                case StringSimilarity.ID -> StringSimilarity.from(o);
                case Bleu.ID -> Bleu.from(o);
                case RougeL.ID -> RougeL.from(o);
                default -> throw new IllegalArgumentException("'" + id + "' is not a text metric; supported: " + IDS);
            });
        }
        return List.copyOf(out);
    }

    /** The ids this factory builds, in catalogue order. */
    public static List<String> supportedIds() {
        return IDS;
    }
}
