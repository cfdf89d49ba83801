package dev.llmeval.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code embeddings:} section of {@code llmeval.yaml}; every field is null when unset.
 *
 * @param provider local, openai, azure-openai or ollama
 * @param model the model name (the deployment name for azure-openai)
 * @param baseUrl the server's base URL (the endpoint for azure-openai)
 * @param apiKeyEnv the environment variable that holds the key (never the key itself)
 * @param apiVersion the Azure OpenAI API version
 */
public record EmbeddingsConfig(
        @JsonProperty("provider") String provider,
        @JsonProperty("model") String model,
        @JsonProperty("base-url") String baseUrl,
        @JsonProperty("api-key-env") String apiKeyEnv,
        @JsonProperty("api-version") String apiVersion) {

    public static final EmbeddingsConfig EMPTY = new EmbeddingsConfig(null, null, null, null, null);
}
