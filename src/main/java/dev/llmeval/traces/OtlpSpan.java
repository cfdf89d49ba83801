package dev.llmeval.traces;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One span of an OTLP export, with its attributes unwrapped to plain JSON. */
record OtlpSpan(
        String traceId,
        String spanId,
        String parentId,
        String name,
        long startNanos,
        boolean error,
        Map<String, JsonNode> attributes,
        List<Event> events,
        Map<String, JsonNode> resource) {

    record Event(String name, Map<String, JsonNode> attributes) {}

    JsonNode attr(String key) {
        return attributes.get(key);
    }

    String text(String key) {
        JsonNode v = attributes.get(key);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    String kind() {
        String kind = text("openinference.span.kind");
        return kind == null ? "" : kind.toUpperCase(java.util.Locale.ROOT);
    }
}
