package dev.llmeval.report;

import dev.llmeval.metric.MetricResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sample with what every metric made of it.
 *
 * @param id the sample's id
 * @param line its 1-based line (JSONL) or record number (CSV) in the golden set
 * @param retrievedContexts the contexts in rank order, or {@code null} when absent
 * @param metadata free-form metadata from the golden set; empty when none
 * @param scores metric id to result, in the order the metrics were requested
 */
public record SampleReport(
        String id,
        int line,
        String userInput,
        List<String> retrievedContexts,
        String response,
        String reference,
        Map<String, Object> metadata,
        Map<String, MetricResult> scores) {

    public SampleReport {
        Objects.requireNonNull(id, "id == null");
        retrievedContexts = Ordered.copyOrNull(retrievedContexts);
        metadata = Ordered.copy(metadata);
        scores = Ordered.copy(scores);
    }
}
