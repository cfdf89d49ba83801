package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportReaderTest {

    @TempDir
    Path dir;

    @Test
    void should_give_back_a_report_that_writes_the_same_files_when_read_from_its_json() throws IOException {
        RunReport original = SampleRuns.failingReport();
        Path json = dir.resolve("report.json");
        JsonReport.write(original, json);

        RunReport read = ReportReader.read(json);

        assertThat(JsonReport.toJson(read)).isEqualTo(JsonReport.toJson(original));
        assertThat(HtmlReport.render(read)).isEqualTo(HtmlReport.render(original));
        assertThat(MarkdownReport.render(read)).isEqualTo(MarkdownReport.render(original));
        assertThat(ConsoleSummary.render(read)).isEqualTo(ConsoleSummary.render(original));
    }

    @Test
    void should_name_the_file_when_it_is_not_a_report() throws IOException {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"hello\": 1}");

        assertThatThrownBy(() -> ReportReader.read(other))
                .isInstanceOf(LlmevalException.class)
                .hasMessage(other + ": not an llmeval report.json")
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.INVALID_INPUT);
    }

    @Test
    void should_name_the_file_when_it_is_not_json() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"tool\": ");

        assertThatThrownBy(() -> ReportReader.read(broken)).hasMessageStartingWith(broken + ": not valid JSON");
    }
}
