package dev.llmeval.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The top level of {@code llmeval.yaml} as Jackson binds it; {@link ConfigFile} checks it. */
record FileSettings(
        @JsonProperty("judge") JudgeConfig judge,
        @JsonProperty("embeddings") EmbeddingsConfig embeddings,
        @JsonProperty("metrics") List<String> metrics,
        @JsonProperty("thresholds") Map<String, Double> thresholds,
        @JsonProperty("concurrency") Integer concurrency,
        @JsonProperty("rpm") Integer rpm,
        @JsonProperty("max-errors") Integer maxErrors,
        @JsonProperty("max-cost") Double maxCost,
        @JsonProperty("cache") CacheConfig cache,
        @JsonProperty("prices") Map<String, Price> prices,
        @JsonProperty("target") TargetConfig target,
        @JsonProperty("metric-options") Map<String, Map<String, Object>> metricOptions,
        @JsonProperty("criteria") List<CriterionSettings> criteria,
        @JsonProperty("import") ImportConfig importSettings,
        @JsonProperty("redact") RedactConfig redact) {}
