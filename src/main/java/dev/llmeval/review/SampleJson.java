package dev.llmeval.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmeval.dataset.GoldenSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link GoldenSample} as JSON with the golden-set field names, in the order docs/golden-sets.md lists them. */
final class SampleJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private SampleJson() {}

    static ObjectNode write(GoldenSample s, boolean withId) {
        ObjectNode node = MAPPER.createObjectNode();
        if (withId && s.id() != null) {
            node.put("id", s.id());
        }
        node.put("user_input", s.userInput());
        list(node, "retrieved_contexts", s.retrievedContexts());
        list(node, "retrieved_context_ids", s.retrievedContextIds());
        if (s.response() != null) {
            node.put("response", s.response());
        }
        if (s.reference() != null) {
            node.put("reference", s.reference());
        }
        list(node, "reference_contexts", s.referenceContexts());
        list(node, "reference_context_ids", s.referenceContextIds());
        node.set("metadata", MAPPER.valueToTree(s.metadata()));
        return node;
    }

    private static void list(ObjectNode node, String field, List<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    /**
     * Reads a sample written by {@link #write}; a problem is a message naming the field.
     *
     * @throws IllegalArgumentException with the problem as its message
     */
    static GoldenSample read(JsonNode node, String id) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("field 'sample': expected an object");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!List.of("user_input", "retrieved_contexts", "retrieved_context_ids", "response", "reference",
                    "reference_contexts", "reference_context_ids", "metadata").contains(e.getKey())) {
                throw new IllegalArgumentException("field 'sample." + e.getKey() + "': not a golden-set field");
            }
        }
        String question = text(node, "user_input", true);
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (node.has("metadata")) {
            if (!node.get("metadata").isObject()) {
                throw new IllegalArgumentException("field 'sample.metadata': expected an object");
            }
            metadata = MAPPER.convertValue(node.get("metadata"), MAPPER.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, Object.class));
        }
        return new GoldenSample(id, 0, question, strings(node, "retrieved_contexts"), text(node, "response", false),
                text(node, "reference", false), strings(node, "reference_contexts"),
                strings(node, "retrieved_context_ids"), strings(node, "reference_context_ids"), metadata);
    }

    static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("field 'sample." + field + "': missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("field 'sample." + field + "': expected a string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("field 'sample." + field + "': expected a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("field 'sample." + field + "': expected a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }
}
