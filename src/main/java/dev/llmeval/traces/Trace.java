package dev.llmeval.traces;

import dev.llmeval.dataset.GoldenSample;
import java.util.List;
import java.util.Map;

/**
 * One production request read from a trace export, as a golden-set candidate.
 *
 * @param system where it came from: {@code otlp}, {@code langfuse} or {@code langsmith}
 * @param convention how its content was read: {@code gen_ai}, {@code gen_ai.legacy}, {@code
 *     openinference}, {@code langfuse}, {@code langsmith} or {@code configured}
 * @param traceId the trace's id in that system
 * @param spanIds the spans (observations, runs) the sample was read from, root first
 * @param timestamp ISO-8601 start of the root span, or null
 * @param sample the question, retrieved contexts and answer with golden-set field names (no id
 *     yet); null when the trace holds no content (content capture off)
 * @param signals what the always-include rules look at
 * @param attributes the root's and resource's plain attributes, for stratification
 */
public record Trace(
        String system,
        String convention,
        String traceId,
        List<String> spanIds,
        String timestamp,
        GoldenSample sample,
        Signals signals,
        Map<String, String> attributes) {

    public Trace {
        spanIds = List.copyOf(spanIds);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        signals = signals == null ? Signals.NONE : signals;
    }

    public boolean hasContent() {
        return sample != null;
    }
}
