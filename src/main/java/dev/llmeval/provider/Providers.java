package dev.llmeval.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.Urls;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the LangChain4j models llmeval talks to. The only package that knows provider modules;
 * everything else sees {@link ChatModel} and {@link EmbeddingModel}. Keys come only from
 * environment variables and never appear in a message, a description or a cache namespace.
 */
public final class Providers {

    /** The judge providers {@link #chatModel} knows. */
    public static final List<String> JUDGE_PROVIDERS =
            List.of("openai", "openai-compatible", "azure-openai", "anthropic", "ollama", "gemini");

    /** The embeddings providers {@link #embeddingModel} knows; {@code local} is the default. */
    public static final List<String> EMBEDDING_PROVIDERS = List.of("local", "openai", "azure-openai", "ollama");

    /** The environment variable the OpenAI judge reads its key from; the key is never printed. */
    public static final String OPENAI_KEY_VARIABLE = "OPENAI_API_KEY";
    public static final String AZURE_KEY_VARIABLE = "AZURE_OPENAI_API_KEY";
    public static final String ANTHROPIC_KEY_VARIABLE = "ANTHROPIC_API_KEY";
    /** Gemini reads the first of these that is set. */
    public static final List<String> GEMINI_KEY_VARIABLES = List.of("GEMINI_API_KEY", "GOOGLE_API_KEY");

    public static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
    public static final String DEFAULT_ANTHROPIC_MODEL = "claude-3-5-haiku-latest";
    public static final String DEFAULT_GEMINI_MODEL = "gemini-2.0-flash";
    public static final String DEFAULT_OLLAMA_MODEL = "llama3.1";
    public static final String DEFAULT_OPENAI_EMBEDDING_MODEL = "text-embedding-3-small";
    public static final String DEFAULT_OLLAMA_EMBEDDING_MODEL = "nomic-embed-text";
    public static final String DEFAULT_OLLAMA_URL = "http://localhost:11434";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** How the in-process embedding model is named in reports. */
    public static final String LOCAL_EMBEDDINGS = "all-MiniLM-L6-v2 (in-process ONNX)";

    private Providers() {}

    /**
     * The judge's chat model: temperature from the settings (0 by default), no retries of its own
     * ({@code maxRetries(0)}), JSON-schema output where the provider supports it.
     *
     * @param env the process environment, where the key is looked up
     * @throws LlmevalException exit 2 for an unknown provider or a missing base URL, model or
     *     deployment; exit 3 for a missing key
     */
    public static ChatModel chatModel(ModelSettings settings, Map<String, String> env) {
        String provider = name(settings.provider());
        String flag = "--judge " + provider;
        return switch (provider) {
            case "openai" -> ChatModels.openAi(settings, env, flag);
            case "openai-compatible" -> ChatModels.openAiCompatible(settings, env, flag);
            case "azure-openai" -> ChatModels.azureOpenAi(settings, env, flag);
            case "anthropic" -> ChatModels.anthropic(settings, env, flag);
            case "ollama" -> ChatModels.ollama(settings, env, flag);
            case "gemini" -> ChatModels.gemini(settings, env, flag);
            default -> throw unknown("judge", settings.provider(), JUDGE_PROVIDERS);
        };
    }

    /**
     * The embedding model for answer relevancy; {@code local} (or a null provider) gives the
     * shared {@link #localEmbeddings()}.
     */
    public static EmbeddingModel embeddingModel(ModelSettings settings, Map<String, String> env) {
        String provider = settings.provider() == null ? "local" : name(settings.provider());
        String flag = "--embeddings " + provider;
        return switch (provider) {
            case "local" -> localEmbeddings();
            case "openai" -> EmbeddingModels.openAi(settings, env, flag);
            case "azure-openai" -> EmbeddingModels.azureOpenAi(settings, env, flag);
            case "ollama" -> EmbeddingModels.ollama(settings, env, flag);
            default -> throw unknown("embeddings", settings.provider(), EMBEDDING_PROVIDERS);
        };
    }

    /**
     * Whether the judge provider accepts JSON mode (a JSON response format without a schema).
     * Anthropic does not: LangChain4j 1.11.0 throws {@code UnsupportedFeatureException} before
     * sending; ask Anthropic with a schema (Claude 4.5 models and later) or with no response format.
     */
    public static boolean supportsJsonMode(String provider) {
        return !"anthropic".equals(name(provider));
    }

    /**
     * The judge model's tokenizer: OpenAI's encoding for an OpenAI model (under any provider),
     * else o200k_base as a stand-in. Needs no key.
     */
    public static Tokenizer tokenizer(ModelSettings settings) {
        return Tokenizers.forModel(chatModelName(settings));
    }

    /** The judge model's name: as configured, else the provider's default. */
    public static String modelName(ModelSettings settings) {
        return chatModelName(settings);
    }

    /** The judge for reports, e.g. {@code anthropic claude-3-5-haiku-latest}. */
    public static String describe(ModelSettings settings) {
        return describe(name(settings.provider()), chatModelName(settings), settings.baseUrl());
    }

    /** The embedding model for reports, e.g. {@code openai text-embedding-3-small}. */
    public static String describeEmbeddings(ModelSettings settings) {
        if (settings.provider() == null || name(settings.provider()).equals("local")) {
            return LOCAL_EMBEDDINGS;
        }
        return describe(name(settings.provider()), embeddingModelName(settings), settings.baseUrl());
    }

    /** The judge's cache namespace, {@code provider|model|baseUrl}; never contains a key. */
    public static String namespace(ModelSettings settings) {
        return namespace(name(settings.provider()), chatModelName(settings), settings.baseUrl());
    }

    /** The embedding model's cache namespace, {@code provider|model|baseUrl}. */
    public static String embeddingsNamespace(ModelSettings settings) {
        if (settings.provider() == null || name(settings.provider()).equals("local")) {
            return "local|all-MiniLM-L6-v2|";
        }
        return namespace(name(settings.provider()), embeddingModelName(settings), settings.baseUrl());
    }

    /**
     * The environment variable whose key a model built from {@code settings} would send to its
     * {@code baseUrl}; empty when it sends none there: no key is set, the provider sends a key only
     * with {@code api-key-env} ({@code openai-compatible}, {@code ollama}), there is no base URL,
     * or the base URL is the provider's own public endpoint ({@link #ownHost}).
     */
    public static java.util.Optional<String> keySentToBaseUrl(ModelSettings settings, Map<String, String> env) {
        if (settings == null || settings.provider() == null || settings.baseUrl() == null) {
            return java.util.Optional.empty();
        }
        String provider = name(settings.provider());
        String host = host(settings.baseUrl());
        if (host != null && host.equals(ownHost(provider))) {
            return java.util.Optional.empty();
        }
        List<String> defaults = switch (provider) {
            case "openai" -> List.of(OPENAI_KEY_VARIABLE);
            case "azure-openai" -> List.of(AZURE_KEY_VARIABLE);
            case "anthropic" -> List.of(ANTHROPIC_KEY_VARIABLE);
            case "gemini" -> GEMINI_KEY_VARIABLES;
            default -> List.of(); // openai-compatible and ollama send a key only from api-key-env
        };
        List<String> names = settings.apiKeyEnv() != null ? List.of(settings.apiKeyEnv()) : defaults;
        return names.stream().filter(n -> env.get(n) != null && !env.get(n).isBlank()).findFirst();
    }

    /** The host of a provider's own public endpoint ({@code api.openai.com}), or null when it has none. */
    public static String ownHost(String provider) {
        return switch (name(provider)) {
            case "openai" -> "api.openai.com";
            case "anthropic" -> "api.anthropic.com";
            case "gemini" -> "generativelanguage.googleapis.com";
            default -> null;
        };
    }

    /** The lower-case host of a URL, or null when it has none. */
    public static String host(String url) {
        try {
            String host = java.net.URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The in-process all-MiniLM-L6-v2 model: no network, no key. */
    public static EmbeddingModel localEmbeddings() {
        return LocalEmbeddings.INSTANCE;
    }

    static String chatModelName(ModelSettings s) {
        if (s.model() != null) {
            return s.model();
        }
        String provider = name(s.provider());
        return switch (provider) {
            case "openai" -> DEFAULT_OPENAI_MODEL;
            case "anthropic" -> DEFAULT_ANTHROPIC_MODEL;
            case "gemini" -> DEFAULT_GEMINI_MODEL;
            case "ollama" -> DEFAULT_OLLAMA_MODEL;
            case "azure-openai" -> throw usage("--judge azure-openai needs the deployment name as the model"
                    + " (--judge-model or judge.model in llmeval.yaml)");
            case "openai-compatible" -> throw usage("--judge openai-compatible needs a model name"
                    + " (--judge-model or judge.model in llmeval.yaml)");
            default -> throw unknown("judge", s.provider(), JUDGE_PROVIDERS);
        };
    }

    static String embeddingModelName(ModelSettings s) {
        if (s.model() != null) {
            return s.model();
        }
        String provider = name(s.provider());
        return switch (provider) {
            case "openai" -> DEFAULT_OPENAI_EMBEDDING_MODEL;
            case "ollama" -> DEFAULT_OLLAMA_EMBEDDING_MODEL;
            case "azure-openai" -> throw usage("--embeddings azure-openai needs the deployment name as the"
                    + " model (--embedding-model or embeddings.model in llmeval.yaml)");
            default -> throw unknown("embeddings", s.provider(), EMBEDDING_PROVIDERS);
        };
    }

    static void requireBaseUrl(ModelSettings s, String flag) {
        if (s.baseUrl() == null || s.baseUrl().isBlank()) {
            String what = name(s.provider()).equals("azure-openai")
                    ? "the Azure OpenAI endpoint as its base URL" : "a base URL";
            throw usage(flag + " needs " + what + " (--judge-base-url or base-url in llmeval.yaml)");
        }
    }

    private static String describe(String provider, String model, String baseUrl) {
        return provider + " " + model + (baseUrl == null ? "" : " at " + Urls.mask(baseUrl));
    }

    private static String namespace(String provider, String model, String baseUrl) {
        return provider + "|" + model + "|" + (baseUrl == null ? "" : baseUrl);
    }

    private static String name(String provider) {
        if (provider == null || provider.isBlank()) {
            throw usage("no provider given (known judges: " + String.join(", ", JUDGE_PROVIDERS) + ")");
        }
        return provider.trim().toLowerCase(Locale.ROOT);
    }

    private static LlmevalException unknown(String role, String provider, List<String> known) {
        return usage("unknown " + role + " provider '" + provider + "' (known: " + String.join(", ", known) + ")");
    }

    private static LlmevalException usage(String message) {
        return new LlmevalException(ExitStatus.USAGE, message);
    }

    /** Loaded once per process: the ONNX session is thread-safe and costly to create. */
    private static final class LocalEmbeddings {
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2EmbeddingModel();
    }
}
