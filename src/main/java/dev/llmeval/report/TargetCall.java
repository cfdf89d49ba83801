package dev.llmeval.report;

import dev.llmeval.Urls;
import java.util.List;

/**
 * What the RAG system under test did for one sample (absent when the golden set held the answer).
 *
 * @param latencyMs how long the call took
 * @param error why the call failed, or null when it answered
 * @param contextIds the ids of the retrieved contexts, when the target returns them
 */
public record TargetCall(long latencyMs, String error, List<String> contextIds) {
    public TargetCall {
        error = Urls.mask(error);
        contextIds = contextIds == null ? List.of() : List.copyOf(contextIds);
    }
}
