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
    void should_write_the_same_baseline_comparison_when_read_from_its_json() throws IOException {
        RunReport original = HtmlBaselineTest.report(HtmlBaselineTest.baseline(false));
        Path json = dir.resolve("report.json");
        JsonReport.write(original, json);

        RunReport read = ReportReader.read(json);

        assertThat(read.run().baseline()).isEqualTo(original.run().baseline());
        assertThat(HtmlReport.render(read)).isEqualTo(HtmlReport.render(original))
                .contains("Against the baseline", "REGRESSED", "<a href=\"#sample-2\">q2</a>");
        assertThat(MarkdownReport.render(read)).isEqualTo(MarkdownReport.render(original));
    }

    @Test
    void should_read_a_baseline_written_before_the_allowed_drop_was_recorded() throws IOException {
        RunReport original = HtmlBaselineTest.report(HtmlBaselineTest.baseline(false));
        String json = JsonReport.toJson(original).replaceAll(
                ",\\s*\"(max_drop|allowed_drop|regressed)\": [^,\\n]+", "")
                .replaceAll(",\\s*\"only_in_(baseline|current)_ids\": \\[[^\\]]*\\]", "")
                .replaceAll(",\\s*\"significant_only\": (true|false)", "");
        assertThat(json).doesNotContain("max_drop", "only_in_current_ids", "significant_only");
        Path file = dir.resolve("old.json");
        Files.writeString(file, json);

        RunReport read = ReportReader.read(file);

        BaselineReport.MetricChange recall = read.run().baseline().metrics().get(2);
        assertThat(recall.onlyInCurrent()).isEqualTo(1);
        assertThat(recall.onlyInCurrentIds()).isEmpty();
        assertThat(recall.regressed()).isNull();
        assertThat(HtmlReport.render(read)).contains("Against the baseline", "1 (ids not recorded)",
                "<p><span class=\"muted\">no max drop</span></p>");
    }

    @Test
    void should_write_every_format_of_a_report_written_before_accounting_was_recorded() throws Exception {
        // given: report.json as the first llmeval versions wrote it, without run.accounting and run.stopped
        Path file = dir.resolve("old.json");
        try (var in = ReportReaderTest.class.getResourceAsStream("/report/report-before-accounting.json")) {
            Files.copy(in, file);
        }
        assertThat(Files.readString(file)).doesNotContain("accounting");

        // when
        RunReport read = ReportReader.read(file);

        // then: every view renders, the judge usage falls back to the usage that was recorded
        assertThat(read.run().accounting()).isNull();
        assertThat(HtmlReport.render(read)).contains("Judge usage", "5 calls");
        assertThat(ConsoleSummary.render(read)).contains("faithfulness").doesNotContain("answered from the cache");
        assertThat(MarkdownReport.render(read)).contains("`faithfulness`");
        assertThat(JsonReport.toJson(read)).contains("\"accounting\": null");
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
