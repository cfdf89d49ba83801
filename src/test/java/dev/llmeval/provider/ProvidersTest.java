package dev.llmeval.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.azure.AzureOpenAiChatModel;
import dev.langchain4j.model.azure.AzureOpenAiEmbeddingModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvidersTest {

    private static final String SECRET = "sk-secret-123";

    private static final Map<String, String> ALL_KEYS = Map.of(
            "OPENAI_API_KEY", SECRET,
            "AZURE_OPENAI_API_KEY", SECRET,
            "ANTHROPIC_API_KEY", SECRET,
            "GEMINI_API_KEY", SECRET);

    private static ModelSettings settings(String provider, String model, String baseUrl) {
        return new ModelSettings(provider, model, baseUrl, null, null, Duration.ofSeconds(5), null);
    }

    @ParameterizedTest
    @CsvSource({
        "openai, , gpt-4o-mini",
        "anthropic, , claude-3-5-haiku-latest",
        "gemini, , gemini-2.0-flash",
        "ollama, , llama3.1",
        "openai, gpt-4.1, gpt-4.1",
        "anthropic, claude-sonnet-4-5, claude-sonnet-4-5"
    })
    void should_use_the_model_or_the_provider_default_when_building_a_judge(
            String provider, String model, String expected) {
        // when
        ChatModel chat = Providers.chatModel(settings(provider, model, null), ALL_KEYS);

        // then
        assertThat(chat.defaultRequestParameters().modelName()).isEqualTo(expected);
        assertThat(chat.defaultRequestParameters().temperature()).isEqualTo(0.0);
    }

    @Test
    void should_build_each_judge_provider_as_its_langchain4j_model() {
        assertThat(Providers.chatModel(settings("openai", null, null), ALL_KEYS)).isInstanceOf(OpenAiChatModel.class);
        assertThat(Providers.chatModel(settings("openai-compatible", "qwen2.5", "http://127.0.0.1:8000/v1"), Map.of()))
                .isInstanceOf(OpenAiChatModel.class);
        assertThat(Providers.chatModel(settings("azure-openai", "judge-deploy", "https://x.openai.azure.com"), ALL_KEYS))
                .isInstanceOf(AzureOpenAiChatModel.class);
        assertThat(Providers.chatModel(settings("anthropic", null, null), ALL_KEYS))
                .isInstanceOf(AnthropicChatModel.class);
        assertThat(Providers.chatModel(settings("ollama", null, null), Map.of())).isInstanceOf(OllamaChatModel.class);
        assertThat(Providers.chatModel(settings("gemini", null, null), ALL_KEYS))
                .isInstanceOf(GoogleAiGeminiChatModel.class);
    }

    @Test
    void should_use_the_deployment_as_the_model_when_the_judge_is_azure() {
        // given
        var azure = new ModelSettings("azure-openai", "judge-deploy", "https://x.openai.azure.com", null,
                "2024-10-21", null, null);

        // when
        ChatModel chat = Providers.chatModel(azure, ALL_KEYS);

        // then
        assertThat(chat.defaultRequestParameters().modelName()).isEqualTo("judge-deploy");
    }

    @ParameterizedTest
    @CsvSource({"openai", "azure-openai", "ollama", "gemini"})
    void should_declare_json_schema_output_when_the_provider_supports_it(String provider) {
        // given
        var s = settings(provider, "m", provider.equals("azure-openai") ? "https://x.openai.azure.com" : null);

        // when
        ChatModel chat = Providers.chatModel(s, ALL_KEYS);

        // then
        assertThat(chat.supportedCapabilities()).contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }

    @Test
    void should_leave_anthropic_in_json_mode_when_building_the_judge() {
        assertThat(Providers.chatModel(settings("anthropic", null, null), ALL_KEYS).supportedCapabilities())
                .doesNotContain(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }

    @Test
    void should_say_anthropic_has_no_json_mode_when_asked() {
        assertThat(Providers.supportsJsonMode("anthropic")).isFalse();
        assertThat(Providers.supportsJsonMode("openai")).isTrue();
        assertThat(Providers.supportsJsonMode("ollama")).isTrue();
    }

    @Test
    void should_use_the_configured_temperature_when_one_is_set() {
        // given
        var s = new ModelSettings("openai", null, null, null, null, null, 0.7);

        // when
        ChatModel chat = Providers.chatModel(s, ALL_KEYS);

        // then
        assertThat(chat.defaultRequestParameters().temperature()).isEqualTo(0.7);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "openai|--judge openai needs an API key in OPENAI_API_KEY (set api-key-env in llmeval.yaml to use another variable)",
        "anthropic|--judge anthropic needs an API key in ANTHROPIC_API_KEY (set api-key-env in llmeval.yaml to use another variable)",
        "gemini|--judge gemini needs an API key in GEMINI_API_KEY or GOOGLE_API_KEY (set api-key-env in llmeval.yaml to use another variable)"
    })
    void should_name_the_key_variable_when_the_key_is_missing(String provider, String message) {
        assertThatThrownBy(() -> Providers.chatModel(settings(provider, null, null), Map.of()))
                .isInstanceOf(LlmevalException.class)
                .hasMessage(message)
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.INVALID_INPUT);
    }

    @Test
    void should_name_the_azure_key_variable_when_the_azure_key_is_missing() {
        assertThatThrownBy(() -> Providers.chatModel(
                        settings("azure-openai", "judge-deploy", "https://x.openai.azure.com"), Map.of()))
                .hasMessage("--judge azure-openai needs an API key in AZURE_OPENAI_API_KEY"
                        + " (set api-key-env in llmeval.yaml to use another variable)");
    }

    @Test
    void should_name_the_configured_variable_when_api_key_env_is_set_but_empty() {
        // given
        var s = new ModelSettings("anthropic", null, null, "MY_CLAUDE_KEY", null, null, null);

        // when, then
        assertThatThrownBy(() -> Providers.chatModel(s, ALL_KEYS))
                .isInstanceOf(LlmevalException.class)
                .hasMessage("--judge anthropic needs an API key in MY_CLAUDE_KEY (named by api-key-env in llmeval.yaml)");
    }

    @Test
    void should_read_the_key_from_api_key_env_when_it_is_set() {
        // given
        var s = new ModelSettings("anthropic", null, null, "MY_CLAUDE_KEY", null, null, null);

        // when
        ChatModel chat = Providers.chatModel(s, Map.of("MY_CLAUDE_KEY", SECRET));

        // then
        assertThat(chat).isInstanceOf(AnthropicChatModel.class);
    }

    @Test
    void should_accept_google_api_key_when_gemini_has_no_gemini_key() {
        assertThat(Providers.chatModel(settings("gemini", null, null), Map.of("GOOGLE_API_KEY", SECRET)))
                .isInstanceOf(GoogleAiGeminiChatModel.class);
    }

    @Test
    void should_fail_with_usage_when_the_provider_is_unknown() {
        assertThatThrownBy(() -> Providers.chatModel(settings("mistral", null, null), ALL_KEYS))
                .isInstanceOf(LlmevalException.class)
                .hasMessage("unknown judge provider 'mistral' (known: openai, openai-compatible, azure-openai,"
                        + " anthropic, ollama, gemini)")
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void should_fail_with_usage_when_openai_compatible_has_no_base_url() {
        assertThatThrownBy(() -> Providers.chatModel(settings("openai-compatible", "qwen2.5", null), ALL_KEYS))
                .hasMessage("--judge openai-compatible needs a base URL (--judge-base-url or base-url in llmeval.yaml)")
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void should_fail_with_usage_when_azure_has_no_deployment() {
        assertThatThrownBy(() -> Providers.chatModel(
                        settings("azure-openai", null, "https://x.openai.azure.com"), ALL_KEYS))
                .hasMessageStartingWith("--judge azure-openai needs the deployment name as the model")
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void should_describe_and_namespace_the_judge_without_the_key() {
        // given
        var s = new ModelSettings("anthropic", null, null, "MY_CLAUDE_KEY", null, null, null);
        var local = settings("openai-compatible", "qwen2.5", "http://127.0.0.1:8000/v1");

        // when, then
        assertThat(Providers.describe(s)).isEqualTo("anthropic claude-3-5-haiku-latest");
        assertThat(Providers.namespace(s)).isEqualTo("anthropic|claude-3-5-haiku-latest|");
        assertThat(Providers.describe(local)).isEqualTo("openai-compatible qwen2.5 at http://127.0.0.1:8000/v1");
        assertThat(Providers.namespace(local)).isEqualTo("openai-compatible|qwen2.5|http://127.0.0.1:8000/v1");
        assertThat(s.toString() + Providers.describe(s) + Providers.namespace(s)).doesNotContain(SECRET);
    }

    @Test
    void should_build_each_embeddings_provider_when_asked() {
        assertThat(Providers.embeddingModel(settings("openai", null, null), ALL_KEYS))
                .isInstanceOf(OpenAiEmbeddingModel.class)
                .extracting(EmbeddingModel::modelName).isEqualTo("text-embedding-3-small");
        assertThat(Providers.embeddingModel(settings("openai", "bge-m3", "http://127.0.0.1:8000/v1"), Map.of()))
                .isInstanceOf(OpenAiEmbeddingModel.class)
                .extracting(EmbeddingModel::modelName).isEqualTo("bge-m3");
        assertThat(Providers.embeddingModel(settings("azure-openai", "embed-deploy", "https://x.openai.azure.com"),
                ALL_KEYS)).isInstanceOf(AzureOpenAiEmbeddingModel.class);
        assertThat(Providers.embeddingModel(settings("ollama", null, null), Map.of()))
                .isInstanceOf(OllamaEmbeddingModel.class)
                .extracting(EmbeddingModel::modelName).isEqualTo("nomic-embed-text");
    }

    @Test
    void should_name_the_embeddings_flag_when_its_key_is_missing() {
        assertThatThrownBy(() -> Providers.embeddingModel(settings("openai", null, null), Map.of()))
                .hasMessage("--embeddings openai needs an API key in OPENAI_API_KEY"
                        + " (set api-key-env in llmeval.yaml to use another variable)");
    }

    @Test
    void should_fail_with_usage_when_the_embeddings_provider_is_unknown() {
        assertThatThrownBy(() -> Providers.embeddingModel(settings("cohere", null, null), ALL_KEYS))
                .hasMessage("unknown embeddings provider 'cohere' (known: local, openai, azure-openai, ollama)")
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void should_describe_local_embeddings_when_no_provider_is_given() {
        var none = settings(null, null, null);

        assertThat(Providers.describeEmbeddings(none)).isEqualTo(Providers.LOCAL_EMBEDDINGS);
        assertThat(Providers.embeddingsNamespace(none)).isEqualTo("local|all-MiniLM-L6-v2|");
        assertThat(Providers.describeEmbeddings(settings("ollama", null, null))).isEqualTo("ollama nomic-embed-text");
    }
}
