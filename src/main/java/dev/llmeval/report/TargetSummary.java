package dev.llmeval.report;

import dev.llmeval.Urls;

/**
 * The RAG system under test over the whole run.
 *
 * @param kind {@code http}, {@code command}, {@code java} or {@code builtin}
 * @param description what was called, e.g. the URL (its credentials masked) or the command
 * @param calls questions asked
 * @param errors calls that failed
 * @param p50Ms median latency of the successful calls
 * @param p95Ms 95th percentile latency of the successful calls
 * @param maxMs slowest successful call
 */
public record TargetSummary(String kind, String description, int calls, int errors, long p50Ms, long p95Ms,
        long maxMs) {

    public TargetSummary {
        description = Urls.mask(description);
    }
}
