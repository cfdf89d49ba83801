package dev.llmeval.gate;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mean score each gated metric must reach, keyed by metric id and sorted by id: a minimum,
 * or a maximum for a metric where lower is better ({@link Direction}).
 *
 * @param minimums metric id to its bound, each in [0, 1] (named for the usual, higher-is-better case)
 */
public record Thresholds(Map<String, Double> minimums) {

    public static final Thresholds NONE = new Thresholds(Map.of());

    private static final Pattern SPEC =
            Pattern.compile("\\s*([a-z][a-z0-9_]*)\\s*=\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*");

    public Thresholds {
        TreeMap<String, Double> sorted = new TreeMap<>();
        minimums.forEach((id, min) -> sorted.put(id, checked(id, min)));
        minimums = Collections.unmodifiableMap(sorted);
    }

    /**
     * Parses {@code metric=value} specs such as {@code faithfulness=0.9}.
     *
     * @param onError the status of the exception thrown for a bad spec: USAGE for command-line
     *     flags, INVALID_INPUT for a config file
     * @throws LlmevalException for a malformed spec, a value outside [0, 1] or a metric named twice
     */
    public static Thresholds parse(List<String> specs, ExitStatus onError) {
        TreeMap<String, Double> parsed = new TreeMap<>();
        for (String spec : specs) {
            String text = spec == null ? "" : spec;
            Matcher m = SPEC.matcher(text);
            if (!m.matches()) {
                throw new LlmevalException(onError, prefix(text) + problem(text));
            }
            String id = m.group(1);
            double value = Double.parseDouble(m.group(2));
            if (value > 1.0) {
                throw new LlmevalException(
                        onError, prefix(text) + "the value must be between 0 and 1");
            }
            if (parsed.containsKey(id)) {
                throw new LlmevalException(
                        onError, prefix(text) + "a threshold for " + id + " is already set");
            }
            parsed.put(id, value);
        }
        return new Thresholds(parsed);
    }

    /** These thresholds with {@code overriding}'s added on top; on the same metric it wins. */
    public Thresholds merge(Thresholds overriding) {
        TreeMap<String, Double> merged = new TreeMap<>(minimums);
        merged.putAll(overriding.minimums);
        return new Thresholds(merged);
    }

    public Optional<Double> minimum(String metricId) {
        return Optional.ofNullable(minimums.get(metricId));
    }

    public boolean isEmpty() {
        return minimums.isEmpty();
    }

    private static String prefix(String spec) {
        return "--threshold '" + spec + "': ";
    }

    private static String problem(String spec) {
        return MetricSpecs.problem(spec, "expected metric=value, e.g. faithfulness=0.8", "a number between 0 and 1");
    }

    private static double checked(String id, Double min) {
        if (id == null || min == null || min.isNaN() || min < 0.0 || min > 1.0) {
            throw new IllegalArgumentException("threshold " + id + "=" + min + " not in [0, 1]");
        }
        return min;
    }
}
