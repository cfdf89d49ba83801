package dev.llmeval.traces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/** The JSON helpers of the importers: a mapper, JSON held in strings, and pointers with {@code *}. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Json() {}

    /** The JSON a string holds when it starts like an object or an array, else null. */
    static JsonNode parseIfJson(String text) {
        String t = text.strip();
        if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) {
            return null;
        }
        try {
            return MAPPER.readTree(t);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The nodes at a JSON Pointer where {@code *} stands for every item of a list, e.g.
     * {@code /documents/* /page_content} (without the space); a string holding JSON is entered too.
     */
    static List<JsonNode> select(JsonNode root, String pointer) {
        List<JsonNode> current = List.of(root);
        if (!pointer.isEmpty()) {
            for (String raw : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
                String token = raw.replace("~1", "/").replace("~0", "~");
                List<JsonNode> next = new ArrayList<>();
                for (JsonNode node : current) {
                    JsonNode n = node.isTextual() && parseIfJson(node.asText()) != null ? parseIfJson(node.asText()) : node;
                    if (token.equals("*") && n.isArray()) {
                        n.forEach(next::add);
                    } else if (n.isArray() && token.matches("\\d+")) {
                        next.add(n.path(Integer.parseInt(token)));
                    } else if (n.isObject()) {
                        next.add(n.path(token));
                    } else {
                        next.add(MissingNode.getInstance());
                    }
                }
                current = next;
            }
        }
        return current.stream().filter(n -> !n.isMissingNode() && !n.isNull()).toList();
    }
}
