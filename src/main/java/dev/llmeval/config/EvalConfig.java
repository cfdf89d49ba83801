package dev.llmeval.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings read from an {@code llmeval.yaml}; every value is {@code null} (sections: their
 * {@code EMPTY}; collections: empty) when the file does not set it, so that flags can fill or
 * override it.
 *
 * @param source the file these settings came from, or {@code null} when there was none
 * @param concurrency judge calls in flight at once
 * @param rpm judge requests per minute
 * @param maxErrors failed judge calls tolerated before the run stops
 * @param maxCost the judge budget in USD
 * @param prices USD per 1M tokens by model name, to merge over the built-in table
 * @param target the RAG system under test ({@code target:})
 * @param metricOptions per-metric options ({@code metric-options:})
 * @param criteria custom criteria ({@code criteria:}), in file order
 * @param importSettings {@code llmeval import} sampling and fields ({@code import:})
 * @param redact PII redaction settings ({@code redact:})
 * @param lines {@code file:line} of the keys that are checked after loading ({@code metrics},
 *     {@code thresholds.<id>}), by key path; see {@link #at}
 */
public record EvalConfig(
        Path source,
        JudgeConfig judge,
        EmbeddingsConfig embeddings,
        List<String> metrics,
        Map<String, Double> thresholds,
        Integer concurrency,
        Integer rpm,
        Integer maxErrors,
        Double maxCost,
        CacheConfig cache,
        Map<String, Price> prices,
        TargetConfig target,
        MetricOptionsConfig metricOptions,
        List<CriterionConfig> criteria,
        ImportConfig importSettings,
        RedactConfig redact,
        Map<String, String> lines) {

    public static final EvalConfig EMPTY = empty(null);

    public EvalConfig {
        judge = judge == null ? JudgeConfig.EMPTY : judge;
        embeddings = embeddings == null ? EmbeddingsConfig.EMPTY : embeddings;
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        thresholds = thresholds == null ? Map.of() : unmodifiable(thresholds);
        cache = cache == null ? CacheConfig.EMPTY : cache;
        prices = prices == null ? Map.of() : unmodifiable(prices);
        target = target == null ? TargetConfig.EMPTY : target;
        metricOptions = metricOptions == null ? MetricOptionsConfig.EMPTY : metricOptions;
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        importSettings = importSettings == null ? ImportConfig.EMPTY : importSettings;
        redact = redact == null ? RedactConfig.EMPTY : redact;
        lines = lines == null ? Map.of() : Map.copyOf(lines);
    }

    /**
     * Where a key of the file is, for messages: {@code file:line} when known, else the file's
     * name ({@code llmeval.yaml} when there is no file).
     */
    public String at(String keyPath) {
        String line = lines.get(keyPath);
        if (line != null) {
            return line;
        }
        return source == null ? ConfigFile.DEFAULT_NAME : source.toString();
    }

    /** No settings, read from {@code source} (null: no file). */
    public static EvalConfig empty(Path source) {
        return new EvalConfig(source, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** {@code judge.provider}; kept for callers written before the judge section grew. */
    public String judgeKind() {
        return judge.provider();
    }

    /** {@code judge.model}. */
    public String judgeModel() {
        return judge.model();
    }

    /** {@code judge.base-url}. */
    public String judgeBaseUrl() {
        return judge.baseUrl();
    }

    /** Keeps the file's order, which {@code Map.copyOf} would lose. */
    private static <V> Map<String, V> unmodifiable(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
