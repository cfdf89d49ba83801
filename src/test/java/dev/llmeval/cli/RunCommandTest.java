package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.llmeval.ExitStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option parsing, help, version and user mistakes: the exit code and one line on stderr. */
class RunCommandTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    private Path dataset(String text) throws IOException {
        Path file = dir.resolve("golden.jsonl");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void should_list_every_exit_status_in_help_with_its_one_meaning() {
        for (String command : List.of("run", "")) {
            CliRun result = command.isEmpty() ? run("--help") : run(command, "--help");

            assertThat(result.exitCode()).isZero();
            String help = result.out().substring(result.out().indexOf("Exit codes:")).replaceAll("\\s+", " ");
            for (ExitStatus status : ExitStatus.values()) {
                assertThat(help).as(command).contains(" " + status.code() + " " + status.meaning());
            }
        }
        String compare = run("compare", "--help").out().replaceAll("\\s+", " ");
        assertThat(compare).contains(" 1 " + ExitStatus.GATE_FAILED.meaning()).doesNotContain(" 4 target failure");
    }

    @Test
    void should_print_the_version() {
        CliRun result = run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("llmeval ").doesNotContain("unknown");
    }

    @Test
    void should_exit_2_when_the_dataset_option_is_missing() {
        CliRun result = run("run");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--dataset=PATH'");
    }

    @Test
    void should_exit_2_when_a_threshold_is_malformed() throws IOException {
        Path file = dataset("{\"user_input\": \"q\", \"response\": \"a\", \"retrieved_contexts\": [\"c\"]}\n");

        CliRun result = run("run", "--dataset", file.toString(), "--threshold", "faithfulness=high");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("llmeval: --threshold").doesNotContain("\tat ");
    }

    @Test
    void should_exit_2_when_a_threshold_names_a_metric_that_is_not_scored() throws IOException {
        Path file = dataset("{\"user_input\": \"q\", \"response\": \"a\", \"retrieved_contexts\": [\"c\"]}\n");

        CliRun result = run("run", "--dataset", file.toString(), "--metrics", "faithfulness",
                "--threshold", "context_recall=0.5");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("this run does not score context_recall");
    }

    @Test
    void should_exit_2_when_a_metric_is_unknown() throws IOException {
        Path file = dataset("{\"user_input\": \"q\", \"response\": \"a\", \"retrieved_contexts\": [\"c\"]}\n");

        CliRun result = run("run", "--dataset", file.toString(), "--metrics", "faithfulnes");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown metric 'faithfulnes'");
    }

    @Test
    void should_exit_3_with_file_line_and_field_when_the_dataset_is_invalid() throws IOException {
        Path file = dataset("""
                {"user_input": "q1", "response": "a", "retrieved_contexts": ["c"]}
                {"user_input": "q2", "response": "a", "retrieved_contexts": "just a string"}
                """);

        CliRun result = run("run", "--dataset", file.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("golden.jsonl:2", "retrieved_contexts").doesNotContain("Exception");
    }

    @Test
    void should_exit_3_when_an_explicit_metric_lacks_its_field() throws IOException {
        Path file = dataset("""
                {"user_input": "q1", "response": "a", "retrieved_contexts": ["c"], "reference": "r"}
                {"user_input": "q2", "response": "a", "retrieved_contexts": ["c"]}
                """);

        CliRun result = run("run", "--dataset", file.toString(), "--metrics", "context_recall");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("golden.jsonl:2", "'reference' is missing", "context_recall");
    }

    @Test
    void should_exit_3_when_a_sample_has_no_response_to_score() throws IOException {
        Path file = dataset("{\"user_input\": \"q1\", \"retrieved_contexts\": [\"c\"]}\n");

        CliRun result = run("run", "--dataset", file.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("golden.jsonl:1", "'response' is missing");
    }

    @Test
    void should_exit_3_when_the_config_file_has_an_unknown_setting() throws IOException {
        Path file = dataset("{\"user_input\": \"q\", \"response\": \"a\", \"retrieved_contexts\": [\"c\"]}\n");
        Files.writeString(dir.resolve("llmeval.yaml"), "thresholds:\n  faithfulness: 0.8\njudgee: openai\n");

        CliRun result = run("run", "--dataset", file.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("llmeval.yaml", "unknown setting 'judgee'");
    }

    @Test
    void should_exit_3_when_openai_is_asked_for_without_a_key() throws IOException {
        Path file = dataset("{\"user_input\": \"q\", \"response\": \"a\", \"retrieved_contexts\": [\"c\"]}\n");

        CliRun result = run("run", "--dataset", file.toString(), "--judge", "openai");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("OPENAI_API_KEY");
    }

    @Test
    void should_exit_2_when_the_judge_is_unknown() throws IOException {
        Path file = dataset("{\"user_input\": \"q\", \"response\": \"a\", \"retrieved_contexts\": [\"c\"]}\n");

        CliRun result = run("run", "--dataset", file.toString(), "--judge", "gpt");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown judge 'gpt'");
    }

    @Test
    void should_skip_a_default_metric_for_a_sample_that_lacks_its_field() throws IOException {
        Path file = dataset("""
                {"id": "a", "user_input": "How long are snapshots kept?", "response": "Snapshots are kept for 30 days.", "retrieved_contexts": ["Snapshots are kept for 30 days by default."], "reference": "30 days."}
                {"id": "b", "user_input": "Which port does it use?", "response": "It listens on port 8420.", "retrieved_contexts": ["The server listens on port 8420."]}
                """);

        CliRun result = run("run", "--dataset", file.toString(), "--out", dir.resolve("out").toString(), "--quiet");

        assertThat(result.exitCode()).as(result.err()).isZero();
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertThat(report.at("/metrics/context_recall/scored").asInt()).isEqualTo(1);
        assertThat(report.at("/metrics/context_recall/skipped").asInt()).isEqualTo(1);
        assertThat(report.at("/samples/1/scores/context_recall/outcome").asText()).isEqualTo("skipped");
        assertThat(report.at("/samples/1/scores/context_recall/reason").asText()).isEqualTo("the sample has no 'reference'");
        assertThat(report.at("/samples/1/scores/faithfulness/outcome").asText()).isEqualTo("scored");
        assertThat(result.out()).contains("context_recall");
    }

    @Test
    void should_exit_2_when_a_target_is_missing_its_url_or_has_a_bad_one() throws IOException {
        Path file = dataset("{\"id\": \"q1\", \"user_input\": \"Which port?\"}\n");

        CliRun missing = run("run", "--dataset", file.toString(), "--target", "http");
        CliRun bad = run("run", "--dataset", file.toString(), "--target", "http", "--target-url", "ht tp://bad");
        CliRun unknown = run("run", "--dataset", file.toString(), "--target", "grpc");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("this target needs --target-url");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("llmeval: --target http:").doesNotContain("\tat ");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown target 'grpc'");
    }

    @Test
    void should_leave_the_step_summary_alone_when_markdown_is_not_asked() throws IOException {
        // given
        Path file = dataset("""
                {"id": "a", "user_input": "How long are snapshots kept?", "response": "Snapshots are kept for 30 days.", "retrieved_contexts": ["Snapshots are kept for 30 days by default."]}
                """);
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "# earlier step\n");

        // when: the default formats, json and html
        CliRun result = CliRun.of(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), dir, "run", "--dataset",
                file.toString(), "--metrics", "faithfulness", "--quiet", "--out", dir.resolve("out").toString());

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(dir.resolve("out/summary.md")).doesNotExist();
        assertThat(Files.readString(summary)).isEqualTo("# earlier step\n");
    }

    @Test
    void should_write_junit_and_markdown_and_append_the_step_summary_when_asked() throws IOException {
        Path file = dataset("""
                {"id": "a", "user_input": "How long are snapshots kept?", "response": "Snapshots are kept for 30 days.", "retrieved_contexts": ["Snapshots are kept for 30 days by default."], "reference": "30 days."}
                {"id": "b", "user_input": "Which port does it use?", "response": "It listens on port 9999.", "retrieved_contexts": ["The server listens on port 8420."], "reference": "Port 8420."}
                """);
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "# earlier step\n");

        CliRun result = CliRun.of(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), dir, "run", "--dataset",
                file.toString(), "--metrics", "faithfulness", "--threshold", "faithfulness=0.9", "--quiet",
                "--format", "junit,markdown", "--out", dir.resolve("out").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(dir.resolve("out/junit.xml")).exists();
        assertThat(dir.resolve("out/summary.md")).exists();
        assertThat(dir.resolve("out/report.json")).doesNotExist();
        assertThat(Files.readString(dir.resolve("out/junit.xml")))
                .contains("<testsuite name=\"llmeval.faithfulness\"", "<testcase classname=\"llmeval.faithfulness\" name=\"b\"", "<failure");
        String appended = Files.readString(summary);
        assertThat(appended).startsWith("# earlier step\n").contains("FAILED", "faithfulness");
        assertThat(result.out()).contains("junit.xml", "summary.md");
    }

    @Test
    void should_exit_2_when_a_report_format_is_unknown() throws IOException {
        Path file = dataset("{\"user_input\": \"q\", \"response\": \"a\", \"retrieved_contexts\": [\"c\"]}\n");

        CliRun result = run("run", "--dataset", file.toString(), "--format", "pdf");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown report format 'pdf'");
    }
}
