package dev.llmeval.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.llmeval.Utf16;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces unpaired UTF-16 surrogates (valid in a JSON string, {@code "\ud800"}, but not text) by
 * U+FFFD in every string value of a sample, and tells where. Keys need no repair: Jackson refuses
 * a lone surrogate in a field name as invalid JSON.
 */
final class SurrogateRepair {

    private SurrogateRepair() {}

    /**
     * Repairs {@code sample} in place.
     *
     * @return the paths of the repaired values in file order ({@code response}, {@code
     *     retrieved_contexts[1]}, {@code metadata.topic}); empty when nothing was repaired
     */
    static List<String> repair(ObjectNode sample) {
        List<String> paths = new ArrayList<>();
        walk(sample, "", paths);
        return paths;
    }

    /** The note of a repaired sample: {@code unpaired UTF-16 surrogates replaced with U+FFFD in response, …}. */
    static String note(List<String> paths) {
        return "unpaired UTF-16 surrogates replaced with U+FFFD in " + String.join(", ", paths);
    }

    private static void walk(JsonNode node, String path, List<String> paths) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                TextNode repaired = repaired(field.getValue(), at, paths);
                if (repaired != null) {
                    field.setValue(repaired);
                } else {
                    walk(field.getValue(), at, paths);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String at = path + "[" + i + "]";
                TextNode repaired = repaired(array.get(i), at, paths);
                if (repaired != null) {
                    array.set(i, repaired);
                } else {
                    walk(array.get(i), at, paths);
                }
            }
        }
    }

    private static TextNode repaired(JsonNode node, String path, List<String> paths) {
        if (!node.isTextual() || !Utf16.hasUnpaired(node.textValue())) {
            return null;
        }
        paths.add(path);
        return TextNode.valueOf(Utf16.repair(node.textValue()));
    }
}
