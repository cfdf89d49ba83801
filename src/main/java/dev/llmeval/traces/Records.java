package dev.llmeval.traces;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Field access for API records written in camelCase or, in exports, snake_case. */
final class Records {

    private Records() {}

    /** The first of {@code names} that is present and not null, else a missing node. */
    static JsonNode field(JsonNode record, String... names) {
        for (String name : names) {
            JsonNode v = record.get(name);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static String text(JsonNode record, String... names) {
        JsonNode v = field(record, names);
        return v.isValueNode() ? Content.blankToNull(v.asText()) : null;
    }

    /** The first text the configured pointers find under {@code root}, read as {@code reader} reads it. */
    static String pointed(JsonNode root, List<String> pointers, java.util.function.Function<JsonNode, String> reader) {
        if (root == null || root.isMissingNode()) {
            return null;
        }
        for (String pointer : pointers) {
            for (JsonNode node : Json.select(root, pointer)) {
                String t = reader.apply(node);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The documents the configured pointers find: text nodes are documents, other nodes are read as document lists. */
    static List<Content.Doc> pointedDocs(JsonNode root, List<String> pointers) {
        List<Content.Doc> docs = new ArrayList<>();
        if (root == null || root.isMissingNode()) {
            return docs;
        }
        for (String pointer : pointers) {
            for (JsonNode node : Json.select(root, pointer)) {
                if (node.isTextual() && Json.parseIfJson(node.asText()) == null) {
                    docs.add(new Content.Doc(node.asText(), null));
                } else {
                    docs.addAll(Content.documents(node));
                }
            }
            if (!docs.isEmpty()) {
                return docs;
            }
        }
        return docs;
    }

    /** A retriever's documents: through the configured pointers when they find any, else as the conventions read them. */
    static List<Content.Doc> retrieved(JsonNode output, List<String> pointers) {
        List<Content.Doc> docs = pointers.isEmpty() ? List.of() : pointedDocs(output, pointers);
        return docs.isEmpty() ? Content.documents(output) : docs;
    }

    /** The scalar fields of {@code object} as text (nested objects flattened with dots), for stratification. */
    static void flatten(String prefix, JsonNode object, Map<String, String> out) {
        if (object == null || !object.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(key, e.getValue().asText());
            } else if (e.getValue().isObject()) {
                flatten(key, e.getValue(), out);
            }
        }
    }

    static Map<String, String> flat(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", object, out);
        return out;
    }

    static List<String> ids(List<Content.Doc> docs) {
        return docs.isEmpty() || docs.stream().anyMatch(d -> d.id() == null) ? null
                : docs.stream().map(Content.Doc::id).toList();
    }

    static double number(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? 1 : 0;
        }
        try {
            return Double.parseDouble(v.asText().strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
