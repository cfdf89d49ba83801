package dev.llmeval.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The {@code import:} section of llmeval.yaml: how {@code llmeval import} samples, and where each
 * source keeps the question, answer and contexts. Every value is null when unset, so flags can
 * fill or override it. Nothing here runs a command or names a place to send data.
 *
 * @param sampleRate share of traces kept by the hash, 0..1
 * @param stratumRates rates per value of the {@code stratify-by} attribute
 * @param perStratum at most this many rate-sampled traces per stratum per import
 * @param maxItems at most this many rate-sampled traces per import
 * @param queue the review queue folder
 */
public record ImportConfig(
        @JsonProperty("sample-rate") Double sampleRate,
        @JsonProperty("salt") String salt,
        @JsonProperty("always-include") AlwaysIncludeConfig alwaysInclude,
        @JsonProperty("stratify-by") String stratifyBy,
        @JsonProperty("stratum-rates") Map<String, Double> stratumRates,
        @JsonProperty("per-stratum") Integer perStratum,
        @JsonProperty("max-items") Integer maxItems,
        @JsonProperty("queue") String queue,
        @JsonProperty("otlp") FieldsConfig otlp,
        @JsonProperty("langfuse") FieldsConfig langfuse,
        @JsonProperty("langsmith") FieldsConfig langsmith) {

    public static final ImportConfig EMPTY = new ImportConfig(null, null, null, null, null, null, null, null, null,
            null, null);

    /**
     * {@code always-include:}: which traces are kept whatever their hash, up to {@code cap} per import.
     *
     * @param negativeFeedback score names holding user feedback (0 or less is negative)
     * @param scoresBelow online score name to the threshold under which a trace is kept
     */
    public record AlwaysIncludeConfig(
            @JsonProperty("errors") Boolean errors,
            @JsonProperty("refusals") Boolean refusals,
            @JsonProperty("negative-feedback") List<String> negativeFeedback,
            @JsonProperty("scores-below") Map<String, Double> scoresBelow,
            @JsonProperty("cap") Integer cap) {}

    /** Where one source keeps the question, the answer and the contexts: attribute names or JSON Pointers, tried in order. */
    public record FieldsConfig(
            @JsonProperty("question") List<String> question,
            @JsonProperty("answer") List<String> answer,
            @JsonProperty("contexts") List<String> contexts) {}

    /** The fields of {@code source} ({@code otlp}, {@code langfuse} or {@code langsmith}), or null. */
    public FieldsConfig fields(String source) {
        return switch (source) {
            case "otlp" -> otlp;
            case "langfuse" -> langfuse;
            case "langsmith" -> langsmith;
            default -> null;
        };
    }
}
