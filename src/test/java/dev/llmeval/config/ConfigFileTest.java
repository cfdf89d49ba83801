package dev.llmeval.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void should_read_judge_metrics_and_thresholds_when_the_file_sets_them() throws IOException {
        Files.writeString(dir.resolve("llmeval.yaml"), """
                judge:
                  kind: openai
                  model: gpt-4o-mini
                  base-url: http://localhost:8000/v1
                metrics: [faithfulness, context_recall]
                thresholds:
                  faithfulness: 0.9
                  context_recall: 0.75
                """);

        EvalConfig config = ConfigFile.load(null, dir);

        assertThat(config.source()).isEqualTo(dir.resolve("llmeval.yaml"));
        assertThat(config.judgeKind()).isEqualTo("openai");
        assertThat(config.judgeModel()).isEqualTo("gpt-4o-mini");
        assertThat(config.judgeBaseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(config.metrics()).containsExactly("faithfulness", "context_recall");
        assertThat(config.thresholds()).containsEntry("faithfulness", 0.9).containsEntry("context_recall", 0.75);
    }

    @Test
    void should_give_empty_settings_when_there_is_no_file() {
        assertThat(ConfigFile.load(null, dir)).isEqualTo(EvalConfig.EMPTY);
    }

    @Test
    void should_fail_with_the_file_name_when_an_explicit_file_is_missing() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ConfigFile.load(missing, dir))
                .isInstanceOf(LlmevalException.class)
                .hasMessage(missing + ": no such config file")
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.INVALID_INPUT);
    }

    @Test
    void should_name_an_unknown_key_when_one_is_present() throws IOException {
        Files.writeString(dir.resolve("llmeval.yaml"), "judge:\n  kind: openai\n  temprature: 0\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .hasMessageContaining("unknown setting 'judge.temprature'");
    }

    @Test
    void should_name_the_line_when_the_yaml_is_malformed() throws IOException {
        Files.writeString(dir.resolve("llmeval.yaml"), "metrics: [faithfulness\nthresholds: {\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .hasMessageContaining("llmeval.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void should_reject_a_threshold_that_is_not_a_number() throws IOException {
        Files.writeString(dir.resolve("llmeval.yaml"), "thresholds:\n  faithfulness: high\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .hasMessageContaining("'thresholds.faithfulness' must be a number between 0 and 1");
    }

    private EvalConfig load(String yaml) throws IOException {
        Files.writeString(dir.resolve("llmeval.yaml"), yaml);
        return ConfigFile.load(null, dir);
    }

    private void write(String yaml) throws IOException {
        Files.writeString(dir.resolve("llmeval.yaml"), yaml);
    }

    @Test
    void should_read_every_setting_when_the_file_sets_them_all() throws IOException {
        // when
        EvalConfig config = load("""
                judge:
                  provider: azure-openai
                  model: judge-deploy
                  base-url: https://x.openai.azure.com
                  api-key-env: MY_AZURE_KEY
                  api-version: 2024-10-21
                  timeout: 90
                  temperature: 0.2
                embeddings:
                  provider: openai
                  model: text-embedding-3-small
                  base-url: http://localhost:8000/v1
                  api-key-env: MY_EMBED_KEY
                metrics: [faithfulness, answer_relevancy]
                thresholds: {faithfulness: 0.9}
                concurrency: 8
                rpm: 500
                max-errors: 20
                max-cost: 5.00
                cache:
                  dir: .llmeval/cache
                  enabled: true
                prices:
                  my-local-model: {input: 0, output: 0}
                  gpt-4o-mini: {input: 0.15, output: 0.60}
                """);

        // then
        assertThat(config.judge()).isEqualTo(new JudgeConfig("azure-openai", "judge-deploy",
                "https://x.openai.azure.com", "MY_AZURE_KEY", "2024-10-21", 90, 0.2));
        assertThat(config.embeddings()).isEqualTo(new EmbeddingsConfig("openai", "text-embedding-3-small",
                "http://localhost:8000/v1", "MY_EMBED_KEY", null));
        assertThat(config.metrics()).containsExactly("faithfulness", "answer_relevancy");
        assertThat(config.thresholds()).containsExactly(java.util.Map.entry("faithfulness", 0.9));
        assertThat(config.concurrency()).isEqualTo(8);
        assertThat(config.rpm()).isEqualTo(500);
        assertThat(config.maxErrors()).isEqualTo(20);
        assertThat(config.maxCost()).isEqualTo(5.0);
        assertThat(config.cache()).isEqualTo(new CacheConfig(".llmeval/cache", true));
        assertThat(config.prices()).containsExactly(
                java.util.Map.entry("my-local-model", new Price(0.0, 0.0)),
                java.util.Map.entry("gpt-4o-mini", new Price(0.15, 0.60)));
        assertThat(config.judgeKind()).isEqualTo("azure-openai");
    }

    @Test
    void should_leave_every_value_unset_when_the_file_sets_only_the_metrics() throws IOException {
        // when
        EvalConfig config = load("metrics: [faithfulness]\n");

        // then
        assertThat(config.judge()).isEqualTo(JudgeConfig.EMPTY);
        assertThat(config.embeddings()).isEqualTo(EmbeddingsConfig.EMPTY);
        assertThat(config.cache()).isEqualTo(CacheConfig.EMPTY);
        assertThat(config.concurrency()).isNull();
        assertThat(config.rpm()).isNull();
        assertThat(config.maxErrors()).isNull();
        assertThat(config.maxCost()).isNull();
        assertThat(config.prices()).isEmpty();
        assertThat(config.thresholds()).isEmpty();
        assertThat(config.judgeKind()).isNull();
    }

    @Test
    void should_give_empty_settings_with_the_source_when_the_file_is_empty() throws IOException {
        assertThat(load("# nothing yet\n")).isEqualTo(EvalConfig.empty(dir.resolve("llmeval.yaml")));
    }

    @Test
    void should_read_provider_when_the_old_kind_key_is_used() throws IOException {
        assertThat(load("judge:\n  kind: anthropic\n").judge().provider()).isEqualTo("anthropic");
    }

    @Test
    void should_fail_when_both_kind_and_provider_are_set() throws IOException {
        write("judge:\n  kind: openai\n  provider: anthropic\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .hasMessageEndingWith(": 'judge.kind' is the old name of 'judge.provider': set one, not both");
    }

    @Test
    void should_name_file_line_and_key_when_a_value_has_the_wrong_type() throws IOException {
        write("metrics: [faithfulness]\nconcurrency: eight\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .isInstanceOf(LlmevalException.class)
                .hasMessage(dir.resolve("llmeval.yaml") + ":2: 'concurrency' must be a whole number")
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.INVALID_INPUT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "judge:\\n  timeout: 1.5|'judge.timeout' must be a whole number",
        "judge: openai|'judge' must be a mapping",
        "cache:\\n  enabled: maybe|'cache.enabled' must be true or false",
        "max-cost: lots|'max-cost' must be a number",
        "rpm: '500'|'rpm' must be a whole number",
        "metrics: faithfulness|'metrics' must be a list of metric ids, e.g. [faithfulness, context_recall]",
        "prices:\\n  gpt-4o-mini: {input: free, output: 1}|'prices.gpt-4o-mini.input' must be a number"
    })
    void should_name_the_key_and_the_expected_type_when_a_value_has_the_wrong_type(String yaml, String message)
            throws IOException {
        write(yaml.replace("\\n", "\n") + "\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .isInstanceOf(LlmevalException.class)
                .hasMessageContaining(message);
    }

    @Test
    void should_name_the_line_when_an_unknown_key_is_present() throws IOException {
        write("judge:\n  provider: openai\n  temprature: 0\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .hasMessageStartingWith(dir.resolve("llmeval.yaml") + ":3: unknown setting 'judge.temprature' (known: ")
                .hasMessageContaining("temperature");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "concurrency: 0|'concurrency' must be 1 or more",
        "rpm: -5|'rpm' must be 1 or more",
        "max-errors: -1|'max-errors' must be 0 or more",
        "max-cost: -0.01|'max-cost' must be 0 or more (USD)",
        "judge: {timeout: 0}|'judge.timeout' must be a number of seconds above 0",
        "judge: {temperature: 2.5}|'judge.temperature' must be between 0 and 2",
        "judge: {temperature: -0.1}|'judge.temperature' must be between 0 and 2",
        "thresholds: {faithfulness: 1.2}|'thresholds.faithfulness' must be a number between 0 and 1",
        "prices: {m: {input: -1, output: 0}}|'prices.m.input' must be 0 or more (USD per 1M tokens)",
        "prices: {m: {input: 1}}|'prices.m' needs input and output"
    })
    void should_reject_a_value_out_of_range_when_the_file_sets_one(String yaml, String message) throws IOException {
        write(yaml + "\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .isInstanceOf(LlmevalException.class)
                .hasMessageStartingWith(dir.resolve("llmeval.yaml") + ":1: " + message)
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.INVALID_INPUT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "judge:\\n  provider: openai\\n  api-key: sk-live-secret|3|judge.api-key",
        "openai_api_key: sk-live-secret|1|openai_api_key",
        "embeddings:\\n  token: sk-live-secret|2|embeddings.token"
    })
    void should_reject_a_secret_without_echoing_it_when_the_file_holds_one(String yaml, int line, String key)
            throws IOException {
        write(yaml.replace("\\n", "\n") + "\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .isInstanceOf(LlmevalException.class)
                .hasMessage(dir.resolve("llmeval.yaml") + ":" + line + ": '" + key + "' looks like a secret;"
                        + " llmeval.yaml holds no keys: put the key in an environment variable and name that"
                        + " variable with api-key-env (e.g. api-key-env: MY_OPENAI_KEY)")
                .message().doesNotContain("sk-live-secret");
    }

    @Test
    void should_reject_a_key_given_as_api_key_env_without_echoing_it() throws IOException {
        write("judge:\n  api-key-env: sk-live-secret\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .hasMessageStartingWith(dir.resolve("llmeval.yaml") + ":2: 'judge.api-key-env' must name an"
                        + " environment variable")
                .message().doesNotContain("sk-live-secret");
    }

    @Test
    void should_read_the_api_version_as_text_when_it_looks_like_a_date() throws IOException {
        assertThat(load("judge:\n  api-version: 2024-10-21\n").judge().apiVersion()).isEqualTo("2024-10-21");
    }

    @Test
    void should_name_the_duplicate_when_a_key_is_repeated() throws IOException {
        write("rpm: 5\nrpm: 6\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("rpm");
    }

    @Test
    void should_reject_a_value_that_looks_like_a_key_without_echoing_it() throws IOException {
        write("judge:\n  provider: openai\n  model: sk-proj-abcdefghijklmnopqrstuvwxyz\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .isInstanceOf(LlmevalException.class)
                .hasMessageStartingWith(dir.resolve("llmeval.yaml") + ":3: 'judge.model' looks like an API key;")
                .message().doesNotContain("abcdefghijklmnop");
    }

    @Test
    void should_read_the_target_section_when_the_file_sets_it() throws IOException {
        Files.writeString(dir.resolve("llmeval.yaml"), """
                target:
                  kind: http
                  url: http://localhost:8080/ask
                  body: '{"q": "{{user_input}}"}'
                  answer: /answer
                  contexts: /sources/*/text
                  headers:
                    Authorization: Bearer ${RAG_TOKEN}
                  timeout: 30
                  concurrency: 4
                  max-errors: 2
                """);

        TargetConfig target = ConfigFile.load(null, dir).target();

        assertThat(target.kind()).isEqualTo("http");
        assertThat(target.url()).isEqualTo("http://localhost:8080/ask");
        assertThat(target.body()).isEqualTo("{\"q\": \"{{user_input}}\"}");
        assertThat(target.contexts()).isEqualTo("/sources/*/text");
        assertThat(target.headers()).containsEntry("Authorization", "Bearer ${RAG_TOKEN}");
        assertThat(target.timeout()).isEqualTo(30);
        assertThat(target.concurrency()).isEqualTo(4);
        assertThat(target.maxErrors()).isEqualTo(2);
    }

    @Test
    void should_reject_an_unknown_target_kind_with_its_line() throws IOException {
        Files.writeString(dir.resolve("llmeval.yaml"), "target:\n  kind: grpc\n");

        assertThatThrownBy(() -> ConfigFile.load(null, dir))
                .hasMessageContaining("llmeval.yaml:2")
                .hasMessageContaining("'target.kind' must be one of dataset, http, command, java, builtin");
    }
}
