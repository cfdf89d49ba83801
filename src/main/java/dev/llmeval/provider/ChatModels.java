package dev.llmeval.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.azure.AzureOpenAiChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.List;
import java.util.Map;

/**
 * One builder per judge provider. Every model asks at the configured temperature (0 by default),
 * never retries by itself ({@code maxRetries(0)}: llmeval retries, honouring Retry-After) and,
 * where the provider's HTTP client is pluggable, reports Retry-After through
 * {@link RetryAfterHttpClient}.
 */
final class ChatModels {

    private ChatModels() {}

    static ChatModel openAi(ModelSettings s, Map<String, String> env, String flag) {
        String key = s.baseUrl() == null
                ? ApiKeys.require(s, List.of(Providers.OPENAI_KEY_VARIABLE), env, flag)
                : orPlaceholder(ApiKeys.find(s, List.of(Providers.OPENAI_KEY_VARIABLE), env));
        return openAiBuilder(s, key).build();
    }

    static ChatModel openAiCompatible(ModelSettings s, Map<String, String> env, String flag) {
        Providers.requireBaseUrl(s, flag);
        String key = s.apiKeyEnv() == null ? null : ApiKeys.require(s, List.of(), env, flag);
        return openAiBuilder(s, orPlaceholder(key)).build();
    }

    private static OpenAiChatModel.OpenAiChatModelBuilder openAiBuilder(ModelSettings s, String key) {
        var builder = OpenAiChatModel.builder()
                .httpClientBuilder(new RetryAfterHttpClientBuilder())
                .apiKey(key)
                .modelName(Providers.chatModelName(s))
                .temperature(s.temperatureOrDefault())
                .timeout(s.timeoutOrDefault())
                .maxRetries(0)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        if (s.baseUrl() != null) {
            builder.baseUrl(s.baseUrl());
        }
        return builder;
    }

    static ChatModel azureOpenAi(ModelSettings s, Map<String, String> env, String flag) {
        Providers.requireBaseUrl(s, flag);
        String deployment = Providers.chatModelName(s);
        var builder = AzureOpenAiChatModel.builder()
                .endpoint(s.baseUrl())
                .apiKey(ApiKeys.require(s, List.of(Providers.AZURE_KEY_VARIABLE), env, flag))
                .deploymentName(deployment)
                .temperature(s.temperatureOrDefault())
                .timeout(s.timeoutOrDefault())
                .maxRetries(0)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        if (s.apiVersion() != null) {
            builder.serviceVersion(s.apiVersion());
        }
        return builder.build();
    }

    static ChatModel anthropic(ModelSettings s, Map<String, String> env, String flag) {
        var builder = AnthropicChatModel.builder()
                .httpClientBuilder(new RetryAfterHttpClientBuilder())
                .apiKey(ApiKeys.require(s, List.of(Providers.ANTHROPIC_KEY_VARIABLE), env, flag))
                .modelName(Providers.chatModelName(s))
                .temperature(s.temperatureOrDefault())
                .timeout(s.timeoutOrDefault())
                .maxRetries(0);
        if (s.baseUrl() != null) {
            builder.baseUrl(s.baseUrl());
        }
        return builder.build();
    }

    static ChatModel ollama(ModelSettings s, Map<String, String> env, String flag) {
        var builder = OllamaChatModel.builder()
                .httpClientBuilder(new RetryAfterHttpClientBuilder())
                .baseUrl(s.baseUrl() == null ? Providers.DEFAULT_OLLAMA_URL : s.baseUrl())
                .modelName(Providers.chatModelName(s))
                .temperature(s.temperatureOrDefault())
                .timeout(s.timeoutOrDefault())
                .maxRetries(0)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        if (s.apiKeyEnv() != null) {
            builder.customHeaders(Map.of("Authorization", "Bearer " + ApiKeys.require(s, List.of(), env, flag)));
        }
        return builder.build();
    }

    static ChatModel gemini(ModelSettings s, Map<String, String> env, String flag) {
        var builder = GoogleAiGeminiChatModel.builder()
                .httpClientBuilder(new RetryAfterHttpClientBuilder())
                .apiKey(ApiKeys.require(s, Providers.GEMINI_KEY_VARIABLES, env, flag))
                .modelName(Providers.chatModelName(s))
                .temperature(s.temperatureOrDefault())
                .timeout(s.timeoutOrDefault())
                .maxRetries(0)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        if (s.baseUrl() != null) {
            builder.baseUrl(s.baseUrl());
        }
        return builder.build();
    }

    /** OpenAI-compatible servers that need no key still want the header. */
    static String orPlaceholder(String key) {
        return key == null ? "no-key" : key;
    }
}
