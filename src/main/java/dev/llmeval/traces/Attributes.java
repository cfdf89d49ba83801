package dev.llmeval.traces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OTLP attributes as plain JSON: the OTLP/JSON encoding wraps every value
 * ({@code {"stringValue": "..."}}, {@code {"intValue": "3"}}, {@code {"arrayValue": {"values": [...]}}},
 * {@code {"kvlistValue": {"values": [{"key": ..., "value": ...}]}}}); this unwraps it.
 */
final class Attributes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Attributes() {}

    /** {@code [{"key": k, "value": AnyValue}]} to key → plain JSON value, in order. */
    static Map<String, JsonNode> of(JsonNode keyValues) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (keyValues != null && keyValues.isArray()) {
            for (JsonNode kv : keyValues) {
                if (kv.path("key").isTextual()) {
                    out.put(kv.get("key").asText(), value(kv.path("value")));
                }
            }
        }
        return out;
    }

    static JsonNode value(JsonNode any) {
        if (any.has("stringValue")) {
            return NODES.textNode(any.get("stringValue").asText());
        }
        if (any.has("boolValue")) {
            return NODES.booleanNode(any.get("boolValue").asBoolean());
        }
        if (any.has("intValue")) {
            return NODES.numberNode(any.get("intValue").asLong());
        }
        if (any.has("doubleValue")) {
            return NODES.numberNode(any.get("doubleValue").asDouble());
        }
        if (any.has("bytesValue")) {
            return NODES.textNode(any.get("bytesValue").asText());
        }
        if (any.has("arrayValue")) {
            ArrayNode array = NODES.arrayNode();
            any.path("arrayValue").path("values").forEach(v -> array.add(value(v)));
            return array;
        }
        if (any.has("kvlistValue")) {
            ObjectNode object = NODES.objectNode();
            Attributes.of(any.path("kvlistValue").path("values")).forEach(object::set);
            return object;
        }
        return NODES.nullNode();
    }

    /**
     * The values of flattened list attributes such as {@code retrieval.documents.{i}.document.content},
     * by index order; {@code pattern} holds {@code {i}} once.
     */
    static List<JsonNode> indexed(Map<String, JsonNode> attrs, String pattern) {
        int at = pattern.indexOf("{i}");
        if (at < 0) {
            JsonNode v = attrs.get(pattern);
            return v == null ? List.of() : List.of(v);
        }
        Pattern p = Pattern.compile(Pattern.quote(pattern.substring(0, at)) + "(\\d+)" + Pattern.quote(pattern.substring(at + 3)));
        TreeMap<Integer, JsonNode> byIndex = new TreeMap<>();
        attrs.forEach((key, value) -> {
            Matcher m = p.matcher(key);
            if (m.matches()) {
                byIndex.put(Integer.parseInt(m.group(1)), value);
            }
        });
        return new ArrayList<>(byIndex.values());
    }

    /** Whether any attribute key starts with {@code prefix}. */
    static boolean anyStartsWith(Map<String, JsonNode> attrs, String prefix) {
        return attrs.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }
}
