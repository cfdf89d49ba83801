package dev.llmeval.provider;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the LangChain4j models llmeval talks to. The only package that knows provider modules;
 * everything else sees {@link ChatModel} and {@link EmbeddingModel}.
 */
public final class Providers {

    /** The environment variable the OpenAI judge reads its key from; the key is never printed. */
    public static final String OPENAI_KEY_VARIABLE = "OPENAI_API_KEY";

    public static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";

    /** How the in-process embedding model is named in reports. */
    public static final String LOCAL_EMBEDDINGS = "all-MiniLM-L6-v2 (in-process ONNX)";

    private Providers() {}

    /**
     * An OpenAI or OpenAI-compatible chat model with temperature 0 and JSON-schema output.
     *
     * @param model the model name, or null for {@link #DEFAULT_OPENAI_MODEL}
     * @param baseUrl an OpenAI-compatible base URL (e.g. {@code http://localhost:8000/v1}), or
     *     null for api.openai.com
     * @param env the process environment, where the key is looked up
     */
    public static ChatModel openAiChat(String model, String baseUrl, Duration timeout, Map<String, String> env) {
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
                .apiKey(apiKey(baseUrl, env, "--judge openai"))
                .modelName(model == null ? DEFAULT_OPENAI_MODEL : model)
                .temperature(0.0)
                .timeout(timeout)
                .maxRetries(2)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        return builder.build();
    }

    public static final String DEFAULT_OPENAI_EMBEDDING_MODEL = "text-embedding-3-small";

    /**
     * An OpenAI or OpenAI-compatible embedding model, for teams that want the judge's provider to
     * embed too; the key comes from {@link #OPENAI_KEY_VARIABLE} as for the chat model.
     */
    public static EmbeddingModel openAiEmbeddings(String model, String baseUrl, Duration timeout,
            Map<String, String> env) {
        OpenAiEmbeddingModel.OpenAiEmbeddingModelBuilder builder = OpenAiEmbeddingModel.builder()
                .apiKey(apiKey(baseUrl, env, "--embeddings openai"))
                .modelName(model == null ? DEFAULT_OPENAI_EMBEDDING_MODEL : model)
                .timeout(timeout)
                .maxRetries(2);
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        return builder.build();
    }

    private static String apiKey(String baseUrl, Map<String, String> env, String what) {
        String key = env.get(OPENAI_KEY_VARIABLE);
        if (key != null && !key.isBlank()) {
            return key;
        }
        if (baseUrl == null) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, what + " needs the API key in "
                    + OPENAI_KEY_VARIABLE + " (or --judge-base-url for an OpenAI-compatible server that needs none)");
        }
        return "no-key";
    }

    /** The in-process all-MiniLM-L6-v2 model: no network, no key. */
    public static EmbeddingModel localEmbeddings() {
        return LocalEmbeddings.INSTANCE;
    }

    /** Loaded once per process: the ONNX session is thread-safe and costly to create. */
    private static final class LocalEmbeddings {
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2EmbeddingModel();
    }
}
