package dev.llmeval.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The {@code target:} section of llmeval.yaml: the RAG system under test. Every value is null when
 * unset, so that {@code --target*} flags can fill or override it.
 *
 * @param kind {@code dataset}, {@code http}, {@code command}, {@code java} or {@code builtin}
 * @param headers HTTP header name to value; {@code ${VAR}} in a value is read from the environment
 * @param timeout seconds per call
 * @param maxErrors target failures tolerated before the run stops (exit 4)
 */
public record TargetConfig(
        @JsonProperty("kind") String kind,
        @JsonProperty("url") String url,
        @JsonProperty("method") String method,
        @JsonProperty("body") String body,
        @JsonProperty("answer") String answer,
        @JsonProperty("contexts") String contexts,
        @JsonProperty("context-ids") String contextIds,
        @JsonProperty("headers") Map<String, String> headers,
        @JsonProperty("command") String command,
        @JsonProperty("class") String className,
        @JsonProperty("classpath") List<String> classpath,
        @JsonProperty("docs") String docs,
        @JsonProperty("timeout") Integer timeout,
        @JsonProperty("concurrency") Integer concurrency,
        @JsonProperty("max-errors") Integer maxErrors) {

    public static final TargetConfig EMPTY =
            new TargetConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public TargetConfig {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        classpath = classpath == null ? List.of() : List.copyOf(classpath);
    }
}
