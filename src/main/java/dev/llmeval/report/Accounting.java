package dev.llmeval.report;

import java.util.List;
import java.util.Map;

/**
 * What the run spent, judge and embeddings apart. Calls and tokens are real provider calls: a
 * cache hit costs none.
 *
 * @param costUsd the judge's and the embeddings' cost from the price table; unpriced models count 0
 * @param unpricedModels models used that the price table does not know (their cost is unknown)
 * @param costByMetric the judge cost of each metric, in USD
 */
public record Accounting(
        long judgeCalls,
        long cacheHits,
        long cacheMisses,
        long retries,
        long failedCalls,
        long inputTokens,
        long outputTokens,
        double costUsd,
        List<String> unpricedModels,
        long embeddingCalls,
        long embeddingTokens,
        long embeddingCacheHits,
        long embeddingCacheMisses,
        Map<String, Double> costByMetric) {

    public static final Accounting NONE =
            new Accounting(0, 0, 0, 0, 0, 0, 0, 0.0, List.of(), 0, 0, 0, 0, Map.of());

    public Accounting {
        unpricedModels = List.copyOf(unpricedModels);
        costByMetric = Ordered.copy(costByMetric);
    }
}
