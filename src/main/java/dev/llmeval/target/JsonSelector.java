package dev.llmeval.target;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Pointer (RFC 6901) in which a {@code *} segment stands for every item of a list:
 * {@code /sources/*}{@code /text} picks {@code text} from each source. A pointer ending in a list
 * selects its items.
 */
final class JsonSelector {

    private final String pointer;
    private final List<JsonPointer> parts = new ArrayList<>();

    JsonSelector(String pointer) {
        this.pointer = pointer;
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("JSON Pointer must start with '/': " + pointer);
        }
        StringBuilder current = new StringBuilder();
        for (String segment : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
            if (segment.equals("*")) {
                parts.add(JsonPointer.compile(current.toString()));
                current.setLength(0);
            } else {
                current.append('/').append(segment);
            }
        }
        parts.add(JsonPointer.compile(current.toString()));
    }

    String pointer() {
        return pointer;
    }

    /** The single node at this pointer, or null when missing; {@code *} is not allowed here. */
    JsonNode one(JsonNode root) {
        if (parts.size() > 1) {
            throw new IllegalArgumentException("'*' is not allowed in " + pointer);
        }
        JsonNode node = root.at(parts.get(0));
        return node.isMissingNode() ? null : node;
    }

    /** The nodes selected, flattening a final list; null when the path is missing. */
    List<JsonNode> all(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        return collect(root, 0, out) ? out : null;
    }

    private boolean collect(JsonNode node, int part, List<JsonNode> out) {
        JsonNode at = node.at(parts.get(part));
        if (at.isMissingNode()) {
            return false;
        }
        if (part == parts.size() - 1) {
            if (at.isArray()) {
                at.forEach(out::add);
            } else {
                out.add(at);
            }
            return true;
        }
        if (!at.isArray()) {
            return false;
        }
        for (JsonNode item : at) {
            if (!collect(item, part + 1, out)) {
                return false;
            }
        }
        return true;
    }
}
