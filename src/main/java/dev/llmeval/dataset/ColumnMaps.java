package dev.llmeval.dataset;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --column-map} values such as {@code user_input=query}. */
public final class ColumnMaps {

    private static final String ACCEPTED = String.join(", ", SampleMapper.FIELDS);

    private ColumnMaps() {
    }

    /** Returns RAGAS field name to the user's column name, in the order given. */
    public static Map<String, String> parse(List<String> specs) {
        Map<String, String> map = new LinkedHashMap<>();
        if (specs == null) {
            return Map.of();
        }
        for (String spec : specs) {
            int eq = spec == null ? -1 : spec.indexOf('=');
            if (eq < 0) {
                throw usage(spec, "expected ragas_name=your_column, e.g. user_input=query");
            }
            String field = spec.substring(0, eq).strip();
            String column = spec.substring(eq + 1).strip();
            if (field.isEmpty() || column.isEmpty()) {
                throw usage(spec, "expected ragas_name=your_column, e.g. user_input=query");
            }
            if (!SampleMapper.FIELDS.contains(field)) {
                throw usage(spec, "unknown field '" + field + "'; accepted: " + ACCEPTED);
            }
            if (map.containsKey(field)) {
                throw usage(spec, field + " is already mapped to '" + map.get(field) + "'");
            }
            for (Map.Entry<String, String> entry : map.entrySet()) {
                if (entry.getValue().equals(column)) {
                    throw usage(spec, "column '" + column + "' is already mapped to " + entry.getKey());
                }
            }
            map.put(field, column);
        }
        return Collections.unmodifiableMap(map);
    }

    private static LlmevalException usage(String spec, String problem) {
        return new LlmevalException(ExitStatus.USAGE, "--column-map '" + spec + "': " + problem);
    }
}
