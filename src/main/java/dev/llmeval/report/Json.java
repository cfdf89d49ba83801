package dev.llmeval.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.llmeval.JsonPrinter;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The Jackson setup shared by the JSON and HTML reports: snake_case keys, lower-case outcomes. */
final class Json {

    static final ObjectMapper MAPPER = mapper();
    static final ObjectWriter PRETTY = MAPPER.writer(JsonPrinter.twoSpaces());

    private Json() {}

    /** Plain maps, lists, strings, numbers and booleans, with a stable key order (metadata as given). */
    static Object plain(Object value) {
        return MAPPER.convertValue(stable(value), Object.class);
    }

    /**
     * A result's details as report.json writes them: plain values, a stable key order, and every
     * key in snake_case, whatever the metric wrote ({@code bestEvidence} is {@code best_evidence})
     * or an older report held.
     */
    static Object details(Object details) {
        return MAPPER.convertValue(copy(details, true), Object.class);
    }

    /** {@code bestEvidence} → {@code best_evidence}; a key already in snake_case stays as it is. */
    static String snakeCase(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Maps whose iteration order is not defined (such as {@code Map.of}) are sorted by key, so
     * the same run writes the same bytes; insertion-ordered and sorted maps keep their order.
     */
    static Object stable(Object value) {
        return copy(value, false);
    }

    /** {@link #stable}, with every map key in snake_case when {@code snakeKeys}. */
    private static Object copy(Object value, boolean snakeKeys) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy =
                    map instanceof LinkedHashMap || map instanceof SortedMap || !stringKeys(map)
                            ? new LinkedHashMap<>()
                            : new TreeMap<>();
            map.forEach((k, v) -> copy.put(snakeKeys && k instanceof String key ? snakeCase(key) : k,
                    copy(v, snakeKeys)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copy(v, snakeKeys)));
            return copy;
        }
        return value;
    }

    private static boolean stringKeys(Map<?, ?> map) {
        return map.keySet().stream().allMatch(k -> k instanceof String);
    }

    private static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("llmeval-report");
        module.addSerializer(Outcome.class, new OutcomeSerializer());
        module.setMixInAnnotation(MetricResult.class, MetricResultMixin.class);
        // report.json and the run's sample file are our own: read them whatever the length of a text
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build();
        return new ObjectMapper(factory)
                .registerModule(module)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** A score as report.json shows it: the metric id is the key around it. */
    @JsonPropertyOrder({"score", "outcome", "reason", "details", "usage"})
    abstract static class MetricResultMixin {
        @JsonIgnore
        abstract String metricId();

        @JsonSerialize(converter = StableConverter.class)
        abstract Map<String, Object> details();
    }

    static final class StableConverter extends StdConverter<Map<String, Object>, Object> {
        @Override
        public Object convert(Map<String, Object> value) {
            return details(value);
        }
    }

    static final class OutcomeSerializer extends StdSerializer<Outcome> {
        private static final long serialVersionUID = 1L;

        OutcomeSerializer() {
            super(Outcome.class);
        }

        @Override
        public void serialize(Outcome value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeString(value.label());
        }
    }
}
