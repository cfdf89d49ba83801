package dev.llmeval.metric.offline;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.llmeval.metric.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded offline judge: RAGAS-shaped metrics computed from MiniLM embeddings and lexical
 * evidence, used when no LLM judge is configured. See {@code docs/offline-judge.md}.
 */
public final class OfflineMetrics {

    private static final List<String> IDS = List.of(
            OfflineFaithfulness.ID, OfflineAnswerRelevancy.ID, OfflineContextPrecision.PRECISION_ID,
            OfflineContextPrecision.UTILIZATION_ID, OfflineContextRecall.ID, OfflineContextRelevance.ID,
            OfflineContextEntityRecall.ID);

    private OfflineMetrics() {}

    /** The offline metrics for the given ids, in that order; an unknown id is rejected. */
    public static List<Metric> create(EmbeddingModel embeddings, List<String> metricIds) {
        Embedder embedder = new Embedder(embeddings);
        List<Metric> out = new ArrayList<>();
        for (String id : metricIds) {
            out.add(switch (id) {
                case OfflineFaithfulness.ID -> new OfflineFaithfulness(embedder);
                case OfflineAnswerRelevancy.ID -> new OfflineAnswerRelevancy(embedder);
                case OfflineContextPrecision.PRECISION_ID -> new OfflineContextPrecision(embedder, true);
                case OfflineContextPrecision.UTILIZATION_ID -> new OfflineContextPrecision(embedder, false);
                case OfflineContextRecall.ID -> new OfflineContextRecall(embedder);
                case OfflineContextRelevance.ID -> new OfflineContextRelevance(embedder);
                case OfflineContextEntityRecall.ID -> new OfflineContextEntityRecall();
                default -> throw new IllegalArgumentException(
                        "no offline version of metric '" + id + "'; supported: " + IDS);
            });
        }
        return List.copyOf(out);
    }

    /** A short description of the method, recorded in reports. */
    public static String method() {
        return "offline-v1: MiniLM-L6-v2 embeddings + lexical evidence";
    }

    public static List<String> supportedIds() {
        return IDS;
    }
}
