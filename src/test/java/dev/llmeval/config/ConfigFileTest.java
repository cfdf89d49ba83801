package dev.llmeval.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
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
}
