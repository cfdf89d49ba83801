package dev.llmeval.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one JSON object (a JSONL line, a JSON array element or a CSV row) into a {@link
 * GoldenSample}: applies the column map, then the legacy names, and checks the field types.
 */
final class SampleMapper {

    static final String USER_INPUT = "user_input";
    static final String RETRIEVED_CONTEXTS = "retrieved_contexts";
    static final String RESPONSE = "response";
    static final String REFERENCE = "reference";
    static final String REFERENCE_CONTEXTS = "reference_contexts";
    static final String RETRIEVED_CONTEXT_IDS = "retrieved_context_ids";
    static final String REFERENCE_CONTEXT_IDS = "reference_context_ids";
    static final String ID = "id";
    static final String METADATA = "metadata";

    /** The names a sample field can be read as, in the order users see them. */
    static final List<String> FIELDS = List.of(
            USER_INPUT, RETRIEVED_CONTEXTS, RESPONSE, REFERENCE, REFERENCE_CONTEXTS, RETRIEVED_CONTEXT_IDS,
            REFERENCE_CONTEXT_IDS, ID, METADATA);

    static final Set<String> LIST_FIELDS = Set.of(
            RETRIEVED_CONTEXTS, REFERENCE_CONTEXTS, RETRIEVED_CONTEXT_IDS, REFERENCE_CONTEXT_IDS);

    static final Map<String, String> LEGACY = Map.of(
            "question", USER_INPUT,
            "contexts", RETRIEVED_CONTEXTS,
            "answer", RESPONSE,
            "ground_truth", REFERENCE);

    /** At most this many names of unknown fields are kept for the console. */
    private static final int MAX_EXTRA_NAMES = 50;

    private final Path file;
    private final Map<String, String> fieldByColumn = new HashMap<>();
    private final Set<String> mappedColumnsSeen = new HashSet<>();
    private final Set<String> extraFields = new LinkedHashSet<>();
    private boolean moreExtraFields;
    private List<String> header = List.of();

    SampleMapper(Path file, Map<String, String> columnMap) {
        this.file = file;
        columnMap.forEach((field, column) -> fieldByColumn.put(column, field));
    }

    /**
     * Checks a CSV header before any row: a column close to a field name is an error, the other
     * unknown columns are noted as metadata.
     *
     * @param where the header's location, e.g. {@code gold.csv:1}
     */
    void checkHeader(List<String> columns, String where) {
        header = List.copyOf(columns);
        for (String column : columns) {
            note(column, where, "column");
        }
    }

    /** The keys of the file that are not golden-set fields and are kept in metadata, in first-seen order. */
    List<String> extraFields() {
        List<String> names = new ArrayList<>(extraFields);
        if (moreExtraFields) {
            names.add("...");
        }
        return names;
    }

    /** The CSV header's columns; empty for JSON and JSONL. */
    List<String> header() {
        return header;
    }

    /** Whether some sample (or the CSV header) has {@code column}, a column of the column map. */
    boolean sawMappedColumn(String column) {
        return mappedColumnsSeen.contains(column);
    }

    /** Notes a key of the file; fails when it is unknown but close to a field name. */
    private void note(String key, String where, String kind) {
        if (fieldByColumn.containsKey(key)) {
            mappedColumnsSeen.add(key);
            return;
        }
        if (FIELDS.contains(fieldFor(key)) || extraFields.contains(key)) {
            return;
        }
        FieldNames.suggestion(key, LEGACY).ifPresent(suggestion -> {
            throw Invalid.input(where + ": " + kind + " '" + key + "' is not a golden-set field: did you mean "
                    + suggestion.label() + "? Rename it, or read it with --column-map " + suggestion.field()
                    + "=" + key);
        });
        if (extraFields.size() < MAX_EXTRA_NAMES) {
            extraFields.add(key);
        } else {
            moreExtraFields = true;
        }
    }

    /** The sample field a key of the file is read as: mapped column, then legacy name, else itself. */
    String fieldFor(String key) {
        String mapped = fieldByColumn.get(key);
        if (mapped != null) {
            return mapped;
        }
        return LEGACY.getOrDefault(key, key);
    }

    /** How messages name a field: {@code 'response'}, or {@code 'answer' (read as response)}. */
    static String label(String key, String field) {
        return key.equals(field) ? "'" + field + "'" : "'" + key + "' (read as " + field + ")";
    }

    GoldenSample map(ObjectNode node, Position position) {
        String where = position.prefix(file);
        List<String> repaired = SurrogateRepair.repair(node);
        Map<String, JsonNode> fields = new HashMap<>();
        Map<String, String> keyOf = new HashMap<>();
        Map<String, Object> unknown = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getValue().isNull()) {
                note(entry.getKey(), where, "field");
                continue;
            }
            String key = entry.getKey();
            note(key, where, "field");
            String field = fieldFor(key);
            if (!FIELDS.contains(field)) {
                unknown.put(key, Json.MAPPER.convertValue(entry.getValue(), Object.class));
                continue;
            }
            String previous = keyOf.putIfAbsent(field, key);
            if (previous != null) {
                throw Invalid.input(where + ": fields '" + previous + "' and '" + key
                        + "' are both read as " + field + "; keep one");
            }
            fields.put(field, entry.getValue());
        }
        Fields f = new Fields(where, fields, keyOf);
        Map<String, Object> metadata = f.metadata();
        unknown.forEach(metadata::putIfAbsent);
        return new GoldenSample(
                f.id(position.number()),
                position.line(),
                f.string(USER_INPUT),
                f.strings(RETRIEVED_CONTEXTS),
                f.string(RESPONSE),
                f.string(REFERENCE),
                f.strings(REFERENCE_CONTEXTS),
                f.ids(RETRIEVED_CONTEXT_IDS),
                f.ids(REFERENCE_CONTEXT_IDS),
                metadata,
                repaired.isEmpty() ? List.of() : List.of(SurrogateRepair.note(repaired)));
    }

    /** The recognised fields of one sample, with the key each came from. */
    private record Fields(String where, Map<String, JsonNode> values, Map<String, String> keyOf) {

        String string(String field) {
            JsonNode value = values.get(field);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                throw error(field, "expected a string, got " + Json.typeName(value));
            }
            return value.textValue();
        }

        List<String> strings(String field) {
            JsonNode value = values.get(field);
            if (value == null) {
                return null;
            }
            if (!value.isArray()) {
                throw error(field, "expected a list of strings, got " + Json.typeName(value));
            }
            List<String> items = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isTextual()) {
                    throw Invalid.input(where + ": field " + label(field) + "[" + i
                            + "]: expected a string, got " + Json.typeName(item));
                }
                items.add(item.textValue());
            }
            return items;
        }

        /** A list of context ids: each a string or an integer, kept as a string. */
        List<String> ids(String field) {
            JsonNode value = values.get(field);
            if (value == null) {
                return null;
            }
            if (!value.isArray()) {
                throw error(field, "expected a list of ids (strings or integers), got " + Json.typeName(value));
            }
            List<String> items = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isTextual()) {
                    items.add(item.textValue());
                } else if (item.isIntegralNumber()) {
                    items.add(item.bigIntegerValue().toString());
                } else {
                    throw Invalid.input(where + ": field " + label(field) + "[" + i
                            + "]: expected a string or an integer id, got " + Json.typeName(item));
                }
            }
            return items;
        }

        String id(int number) {
            JsonNode value = values.get(ID);
            if (value == null) {
                return Integer.toString(number);
            }
            String id;
            if (value.isTextual()) {
                id = value.textValue();
            } else if (value.isIntegralNumber()) {
                id = value.bigIntegerValue().toString();
            } else {
                throw error(ID, "expected a string or an integer, got " + Json.typeName(value));
            }
            if (id.isBlank()) {
                throw error(ID, "must not be empty");
            }
            return id;
        }

        Map<String, Object> metadata() {
            JsonNode value = values.get(METADATA);
            Map<String, Object> metadata = new LinkedHashMap<>();
            if (value == null) {
                return metadata;
            }
            if (!value.isObject()) {
                throw error(METADATA, "expected an object, got " + Json.typeName(value));
            }
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                metadata.put(entry.getKey(), Json.MAPPER.convertValue(entry.getValue(), Object.class));
            }
            return metadata;
        }

        private RuntimeException error(String field, String problem) {
            return Invalid.input(where + ": field " + label(field) + ": " + problem);
        }

        private String label(String field) {
            return SampleMapper.label(keyOf.getOrDefault(field, field), field);
        }
    }
}
