package dev.llmeval.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code metric-options:} section: per metric id, its options as YAML gave them, and where
 * each metric's entry ({@code where} key: the id) and each of its options ({@code id.option}) is,
 * as {@code file:line}, for messages.
 */
public record MetricOptionsConfig(Map<String, Map<String, Object>> values, Map<String, String> where) {

    public static final MetricOptionsConfig EMPTY = new MetricOptionsConfig(Map.of(), Map.of());

    public MetricOptionsConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        where = Map.copyOf(where);
    }
}
