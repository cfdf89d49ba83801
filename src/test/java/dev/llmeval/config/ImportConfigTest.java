package dev.llmeval.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportConfigTest {

    @TempDir
    Path dir;

    private EvalConfig load(String yaml) throws IOException {
        Files.writeString(dir.resolve("llmeval.yaml"), yaml);
        return ConfigFile.load(null, dir);
    }

    @Test
    void should_read_the_import_and_redact_sections() throws IOException {
        EvalConfig config = load("""
                import:
                  sample-rate: 0.005
                  salt: team-a
                  always-include:
                    errors: true
                    negative-feedback: [thumbs]
                    scores-below: {faithfulness: 0.5}
                    cap: 20
                  stratify-by: route
                  per-stratum: 10
                  queue: review-queue
                  langfuse:
                    question: [/question]
                    contexts: [/documents/*/page_content]
                redact:
                  phone-regions: [US, DE]
                  patterns:
                    EMPLOYEE_ID: "EMP-[0-9]{6}"
                """);

        assertThat(config.importSettings().sampleRate()).isEqualTo(0.005);
        assertThat(config.importSettings().alwaysInclude().scoresBelow()).containsEntry("faithfulness", 0.5);
        assertThat(config.importSettings().fields("langfuse").contexts()).containsExactly("/documents/*/page_content");
        assertThat(config.redact().patterns()).containsEntry("EMPLOYEE_ID", "EMP-[0-9]{6}");
    }

    @Test
    void should_reject_a_rate_out_of_range_with_its_line() {
        assertThatThrownBy(() -> load("import:\n  sample-rate: 5\n"))
                .isInstanceOf(LlmevalException.class)
                .hasMessageContaining("llmeval.yaml:2")
                .hasMessageContaining("import.sample-rate")
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void should_reject_an_unknown_key_of_the_import_section() {
        assertThatThrownBy(() -> load("import:\n  command: curl http://example.org\n"))
                .isInstanceOf(LlmevalException.class)
                .hasMessageContaining("command");
    }
}
