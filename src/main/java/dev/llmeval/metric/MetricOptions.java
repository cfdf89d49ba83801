package dev.llmeval.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one metric ({@code metric-options: <id>:} in llmeval.yaml), with typed getters.
 * A bad or unknown option throws {@link IllegalArgumentException} whose message names the place
 * and the option, e.g. {@code llmeval.yaml:7: metric-options.answer_correctness.weights: ...}.
 */
public final class MetricOptions {

    private final String metricId;
    private final String where;
    private final Map<String, Object> values;
    private final Map<String, String> optionWhere;

    private MetricOptions(String metricId, String where, Map<String, Object> values, Map<String, String> optionWhere) {
        this.metricId = metricId;
        this.where = where;
        this.values = values;
        this.optionWhere = optionWhere;
    }

    /** No options: every getter returns its default. */
    public static MetricOptions none(String metricId) {
        return new MetricOptions(metricId, "", Map.of(), Map.of());
    }

    /**
     * @param where the {@code file:line} of the metric's entry, or empty
     * @param values the options as YAML gave them (strings, numbers, booleans, lists)
     */
    public static MetricOptions of(String metricId, String where, Map<String, Object> values) {
        return of(metricId, where, values, Map.of());
    }

    /**
     * @param optionWhere per option, the {@code file:line} of its own key; a problem with an option
     *     not listed names {@code where}
     */
    public static MetricOptions of(String metricId, String where, Map<String, Object> values,
            Map<String, String> optionWhere) {
        return new MetricOptions(metricId, where == null ? "" : where, new LinkedHashMap<>(values),
                Map.copyOf(optionWhere));
    }

    /** Rejects an option the metric does not know, naming the ones it does. */
    public MetricOptions allowOnly(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw problem(key, "unknown option for " + metricId + (known.isEmpty() ? " (it takes none)"
                        : " (known: " + String.join(", ", known.stream().sorted().toList()) + ")"));
            }
        }
        return this;
    }

    public double number(String key, double fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw problem(key, "expected a number, got " + describe(value));
        }
        return number.doubleValue();
    }

    public int integer(String key, int fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw problem(key, "expected a whole number, got " + describe(value));
        }
        return ((Number) value).intValue();
    }

    /** A true/false option ({@code ignore-case: true}). */
    public boolean flag(String key, boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean bool)) {
            throw problem(key, "expected true or false, got " + describe(value));
        }
        return bool;
    }

    /** A string option that must be one of {@code allowed} (compared in lower case). */
    public String choice(String key, String fallback, List<String> allowed) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        String text = String.valueOf(value).trim().toLowerCase(java.util.Locale.ROOT);
        if (!(value instanceof String) || !allowed.contains(text)) {
            throw problem(key, "expected one of " + String.join(", ", allowed) + ", got " + describe(value));
        }
        return text;
    }

    public List<Double> numbers(String key, List<Double> fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof Number))) {
            throw problem(key, "expected a list of numbers, got " + describe(value));
        }
        return list.stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    /** An {@link IllegalArgumentException} naming the place and the option. */
    public IllegalArgumentException problem(String key, String message) {
        String at = optionWhere.getOrDefault(key, where);
        String prefix = at.isEmpty() ? "" : at + ": ";
        return new IllegalArgumentException(prefix + "metric-options." + metricId + "." + key + ": " + message);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
