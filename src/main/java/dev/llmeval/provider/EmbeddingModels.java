package dev.llmeval.provider;

import dev.langchain4j.model.azure.AzureOpenAiEmbeddingModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.util.List;
import java.util.Map;

/** One builder per remote embeddings provider; they keep LangChain4j's two retries. */
final class EmbeddingModels {

    static final int MAX_RETRIES = 2;

    private EmbeddingModels() {}

    static EmbeddingModel openAi(ModelSettings s, Map<String, String> env, String flag) {
        String key = s.baseUrl() == null
                ? ApiKeys.require(s, List.of(Providers.OPENAI_KEY_VARIABLE), env, flag)
                : ChatModels.orPlaceholder(ApiKeys.find(s, List.of(Providers.OPENAI_KEY_VARIABLE), env));
        var builder = OpenAiEmbeddingModel.builder()
                .httpClientBuilder(new RetryAfterHttpClientBuilder())
                .apiKey(key)
                .modelName(Providers.embeddingModelName(s))
                .timeout(s.timeoutOrDefault())
                .maxRetries(MAX_RETRIES);
        if (s.baseUrl() != null) {
            builder.baseUrl(s.baseUrl());
        }
        return builder.build();
    }

    static EmbeddingModel azureOpenAi(ModelSettings s, Map<String, String> env, String flag) {
        Providers.requireBaseUrl(s, flag);
        var builder = AzureOpenAiEmbeddingModel.builder()
                .endpoint(s.baseUrl())
                .apiKey(ApiKeys.require(s, List.of(Providers.AZURE_KEY_VARIABLE), env, flag))
                .deploymentName(Providers.embeddingModelName(s))
                .timeout(s.timeoutOrDefault())
                .maxRetries(MAX_RETRIES);
        if (s.apiVersion() != null) {
            builder.serviceVersion(s.apiVersion());
        }
        return builder.build();
    }

    static EmbeddingModel ollama(ModelSettings s, Map<String, String> env, String flag) {
        var builder = OllamaEmbeddingModel.builder()
                .httpClientBuilder(new RetryAfterHttpClientBuilder())
                .baseUrl(s.baseUrl() == null ? Providers.DEFAULT_OLLAMA_URL : s.baseUrl())
                .modelName(Providers.embeddingModelName(s))
                .timeout(s.timeoutOrDefault())
                .maxRetries(MAX_RETRIES);
        if (s.apiKeyEnv() != null) {
            builder.customHeaders(Map.of("Authorization", "Bearer " + ApiKeys.require(s, List.of(), env, flag)));
        }
        return builder.build();
    }
}
