package dev.llmeval.provider;

import java.time.Duration;

/**
 * What llmeval needs to build one judge or embedding model; never holds a key, only the name of
 * the environment variable that holds it. Every field but {@code provider} may be null for the
 * provider's default.
 *
 * @param provider e.g. {@code openai}, {@code anthropic}, {@code local}
 * @param model the model name (the deployment name for {@code azure-openai})
 * @param baseUrl the server's base URL (the endpoint for {@code azure-openai})
 * @param apiKeyEnv the environment variable with the key, or null for the provider's default
 * @param apiVersion the Azure OpenAI API version, or null for the SDK's default
 * @param timeout the timeout of one call, or null for {@link Providers#DEFAULT_TIMEOUT}
 * @param temperature the sampling temperature of a chat model, or null for 0
 */
public record ModelSettings(
        String provider,
        String model,
        String baseUrl,
        String apiKeyEnv,
        String apiVersion,
        Duration timeout,
        Double temperature) {

    /** Settings naming only the provider and the model; everything else defaults. */
    public static ModelSettings of(String provider, String model) {
        return new ModelSettings(provider, model, null, null, null, null, null);
    }

    Duration timeoutOrDefault() {
        return timeout == null ? Providers.DEFAULT_TIMEOUT : timeout;
    }

    double temperatureOrDefault() {
        return temperature == null ? 0.0 : temperature;
    }
}
