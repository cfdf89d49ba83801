package dev.llmeval.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code judge:} section of {@code llmeval.yaml}; every field is null when unset.
 *
 * @param provider offline, openai, openai-compatible, azure-openai, anthropic, ollama or gemini
 *     ({@code kind} is accepted as its old name)
 * @param model the model name (the deployment name for azure-openai)
 * @param baseUrl the server's base URL (the endpoint for azure-openai)
 * @param apiKeyEnv the environment variable that holds the key (never the key itself)
 * @param apiVersion the Azure OpenAI API version
 * @param timeoutSeconds the timeout of one judge call
 * @param temperature the judge's sampling temperature, 0 to 2
 */
public record JudgeConfig(
        @JsonProperty("provider") @JsonAlias("kind") String provider,
        @JsonProperty("model") String model,
        @JsonProperty("base-url") String baseUrl,
        @JsonProperty("api-key-env") String apiKeyEnv,
        @JsonProperty("api-version") String apiVersion,
        @JsonProperty("timeout") Integer timeoutSeconds,
        @JsonProperty("temperature") Double temperature) {

    public static final JudgeConfig EMPTY = new JudgeConfig(null, null, null, null, null, null, null);
}
