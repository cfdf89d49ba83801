package dev.llmeval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param target what the RAG system under test did for this sample; null when the golden set held the answer
 * @param warnings one-line notes about what was repaired in the sample's text (unpaired UTF-16
 *     surrogates replaced by U+FFFD); empty when none, and then left out of report.json
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
        @JsonInclude(JsonInclude.Include.NON_NULL) TargetCall target,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
        Map<String, MetricResult> scores) {

    public SampleReport {
        Objects.requireNonNull(id, "id == null");
        retrievedContexts = Ordered.copyOrNull(retrievedContexts);
        metadata = Ordered.copy(metadata);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        scores = Ordered.copy(scores);
    }

    /** A sample without warnings. */
    public SampleReport(String id, int line, String userInput, List<String> retrievedContexts, String response,
            String reference, Map<String, Object> metadata, TargetCall target, Map<String, MetricResult> scores) {
        this(id, line, userInput, retrievedContexts, response, reference, metadata, target, List.of(), scores);
    }

    /** A sample whose answer came from the golden set, not from a target. */
    public SampleReport(String id, int line, String userInput, List<String> retrievedContexts, String response,
            String reference, Map<String, Object> metadata, Map<String, MetricResult> scores) {
        this(id, line, userInput, retrievedContexts, response, reference, metadata, null, List.of(), scores);
    }
}
