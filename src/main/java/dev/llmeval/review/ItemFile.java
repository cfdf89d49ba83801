package dev.llmeval.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmeval.JsonPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An item as the file people review and diff: pretty-printed JSON, two-space indents, keys in a
 * fixed order and one per line, so that a status change is a one-line diff.
 */
final class ItemFile {

    static final ObjectWriter PRETTY = SampleJson.MAPPER.writer(JsonPrinter.twoSpaces());

    private static final List<String> KEYS = List.of("format", "id", "source", "sampling", "redaction", "sample",
            "scores", "review");
    private static final List<String> REVIEW_KEYS = List.of("status", "reviewer", "notes", "reference",
            "relevant_context_ids");

    private ItemFile() {}

    static String write(ReviewItem item) {
        ObjectNode node = SampleJson.MAPPER.createObjectNode();
        node.put("format", ReviewItem.FORMAT);
        node.put("id", item.id());
        node.put("source", item.source());
        node.set("sampling", SampleJson.MAPPER.valueToTree(item.sampling()));
        ObjectNode redaction = node.putObject("redaction");
        redaction.put("redactor", item.redactor());
        redaction.set("counts", SampleJson.MAPPER.valueToTree(new TreeMap<>(item.redactions())));
        node.set("sample", SampleJson.write(item.sample(), false));
        node.set("scores", item.scores() == null ? null : SampleJson.MAPPER.valueToTree(item.scores()));
        ObjectNode review = node.putObject("review");
        Review r = item.review();
        review.put("status", r.status().label());
        review.put("reviewer", r.reviewer());
        review.put("notes", r.notes());
        review.put("reference", r.reference());
        if (r.relevantContextIds() == null) {
            review.putNull("relevant_context_ids");
        } else {
            ArrayNode ids = review.putArray("relevant_context_ids");
            r.relevantContextIds().forEach(ids::add);
        }
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads and checks an item.
     *
     * @throws IllegalArgumentException naming the first problem: not JSON, a missing or unknown
     *     field, a wrong type, an unknown status
     */
    static ReviewItem read(String text) {
        JsonNode node;
        try {
            node = SampleJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException("not valid JSON (line " + line + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("field '" + e.getKey() + "': unknown (known: " + String.join(", ", KEYS) + ")");
            }
        }
        if (!ReviewItem.FORMAT.equals(node.path("format").asText())) {
            throw new IllegalArgumentException("field 'format': expected \"" + ReviewItem.FORMAT + "\"");
        }
        String id = required(node, "id");
        String source = required(node, "source");
        if (!node.path("sampling").isObject()) {
            throw new IllegalArgumentException("field 'sampling': expected an object");
        }
        Map<String, Object> sampling = SampleJson.MAPPER.convertValue(node.get("sampling"),
                SampleJson.MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        JsonNode redaction = node.path("redaction");
        if (!redaction.path("redactor").isTextual() || !redaction.path("counts").isObject()) {
            throw new IllegalArgumentException("field 'redaction': expected {\"redactor\": ..., \"counts\": {...}}");
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : redaction.get("counts").properties()) {
            if (!e.getValue().canConvertToInt()) {
                throw new IllegalArgumentException("field 'redaction.counts." + e.getKey() + "': expected a count");
            }
            counts.put(e.getKey(), e.getValue().asInt());
        }
        Map<String, Double> scores = null;
        JsonNode s = node.path("scores");
        if (s.isObject()) {
            scores = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : s.properties()) {
                if (!e.getValue().isNumber() && !e.getValue().isNull()) {
                    throw new IllegalArgumentException("field 'scores." + e.getKey() + "': expected a number or null");
                }
                scores.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asDouble());
            }
        } else if (!s.isMissingNode() && !s.isNull()) {
            throw new IllegalArgumentException("field 'scores': expected an object or null");
        }
        return new ReviewItem(id, source, sampling, redaction.get("redactor").asText(), counts,
                SampleJson.read(node.path("sample"), id), scores, review(node.path("review")));
    }

    private static Review review(JsonNode r) {
        if (!r.isObject()) {
            throw new IllegalArgumentException("field 'review': expected an object");
        }
        for (Map.Entry<String, JsonNode> e : r.properties()) {
            if (!REVIEW_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("field 'review." + e.getKey() + "': unknown (known: "
                        + String.join(", ", REVIEW_KEYS) + ")");
            }
        }
        Status status = Status.of(r.path("status").asText(""));
        if (status == null) {
            throw new IllegalArgumentException("field 'review.status': expected one of " + String.join(", ", Status.labels()));
        }
        List<String> ids = null;
        JsonNode idsNode = r.path("relevant_context_ids");
        if (idsNode.isArray()) {
            ids = new ArrayList<>();
            for (JsonNode id : idsNode) {
                if (!id.isTextual() && !id.isIntegralNumber()) {
                    throw new IllegalArgumentException("field 'review.relevant_context_ids': expected a list of ids");
                }
                ids.add(id.asText());
            }
        } else if (!idsNode.isMissingNode() && !idsNode.isNull()) {
            throw new IllegalArgumentException("field 'review.relevant_context_ids': expected a list of ids or null");
        }
        return new Review(status, optional(r, "reviewer"), optional(r, "notes"), optional(r, "reference"), ids);
    }

    private static String required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + field + "': expected a non-empty string");
        }
        return v.asText();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field 'review." + field + "': expected a string or null");
        }
        return v.asText();
    }
}
