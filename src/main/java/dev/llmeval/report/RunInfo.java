package dev.llmeval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.llmeval.metric.JudgeUsage;
import java.util.List;
import java.util.Map;

/**
 * When, with what and on what the run happened.
 *
 * @param started ISO-8601 UTC instant, e.g. {@code 2026-11-27T21:00:00Z}
 * @param finished ISO-8601 UTC instant
 * @param durationMs milliseconds between the two
 * @param metricsRequested metric ids in the order they were requested
 * @param prompts prompt name ({@code metric/step}) to the hex SHA-256 of its text
 * @param usage judge calls and tokens over the whole run
 * @param stopped why the run stopped before every job ran (a partial report), or null
 * @param accounting judge and embedding calls, cache hits, tokens and cost
 * @param target the RAG system under test and its latency; null (left out) when the golden set held the answers
 * @param baseline this run against {@code --baseline}; null (left out) without one
 */
public record RunInfo(
        String started,
        String finished,
        long durationMs,
        JudgeInfo judge,
        EmbeddingsInfo embeddings,
        DatasetInfo dataset,
        List<String> metricsRequested,
        Map<String, String> prompts,
        JudgeUsage usage,
        String stopped,
        Accounting accounting,
        @JsonInclude(JsonInclude.Include.NON_NULL) TargetSummary target,
        @JsonInclude(JsonInclude.Include.NON_NULL) BaselineReport baseline) {

    public RunInfo {
        metricsRequested = List.copyOf(metricsRequested);
        prompts = Ordered.copy(prompts);
        usage = usage == null ? JudgeUsage.NONE : usage;
    }
}
