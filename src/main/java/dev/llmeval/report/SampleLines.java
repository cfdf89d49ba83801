package dev.llmeval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@link SampleReport} as one line of JSON, exactly as report.json writes a sample (snake_case
 * keys, lower-case outcome labels, details with a stable key order), and back. Read back, the
 * details and metadata are plain maps, lists, strings, numbers and booleans, so writing the
 * sample again gives the same JSON.
 */
final class SampleLines {

    private static final TypeReference<LinkedHashMap<String, Object>> PLAIN_MAP = new TypeReference<>() {};

    private SampleLines() {}

    /** One line of JSON, without the line break: JSON escapes line breaks inside strings. */
    static String write(SampleReport sample) {
        try {
            return Json.MAPPER.writeValueAsString(sample);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write sample " + sample.id() + " as JSON: " + e.getMessage(), e);
        }
    }

    static SampleReport read(String line) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable sample line: " + e.getOriginalMessage(), e);
        }
        return read(node);
    }

    /** A sample from its JSON object, as report.json holds it. */
    static SampleReport read(JsonNode node) {
        if (node == null || !node.isObject() || node.get("id") == null) {
            throw new IllegalStateException("a sample is not an object with an id");
        }
        Map<String, MetricResult> scores = new LinkedHashMap<>();
        node.path("scores").fields().forEachRemaining(e -> scores.put(e.getKey(), result(e.getKey(), e.getValue())));
        return new SampleReport(
                node.get("id").asText(),
                node.get("line").asInt(),
                text(node.get("user_input")),
                texts(node.get("retrieved_contexts")),
                text(node.get("response")),
                text(node.get("reference")),
                map(node.get("metadata")),
                target(node.get("target")),
                texts(node.get("warnings")),
                scores);
    }

    private static TargetCall target(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new TargetCall(node.path("latency_ms").asLong(), text(node.get("error")), texts(node.get("context_ids")));
    }

    /** A result from its JSON; the metric id is the key around it. */
    static MetricResult result(String metricId, JsonNode node) {
        Outcome outcome = outcome(node.get("outcome").asText());
        JsonNode score = node.get("score");
        JsonNode usage = node.path("usage");
        return new MetricResult(
                metricId,
                outcome,
                score == null || score.isNull() ? null : score.asDouble(),
                text(node.get("reason")),
                map(node.get("details")),
                new JudgeUsage(usage.path("calls").asInt(), usage.path("input_tokens").asLong(),
                        usage.path("output_tokens").asLong()));
    }

    /** The outcome of a lower-case label, the inverse of {@link Outcome#label()}. */
    static Outcome outcome(String label) {
        for (Outcome outcome : Outcome.values()) {
            if (outcome.label().equals(label)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome label: " + label.toLowerCase(Locale.ROOT));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> texts(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> texts = new ArrayList<>(node.size());
        node.forEach(item -> texts.add(text(item)));
        return texts;
    }

    private static Map<String, Object> map(JsonNode node) {
        return node == null || node.isNull() ? null : Json.MAPPER.convertValue(node, PLAIN_MAP);
    }
}
