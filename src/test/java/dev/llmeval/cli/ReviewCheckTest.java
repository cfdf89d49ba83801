package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code llmeval review check}'s exit codes: 0 clean, 1 personal data found, 3 an invalid item. */
class ReviewCheckTest {

    @TempDir
    Path dir;

    private CliRun cli(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    private Path firstItem() throws Exception {
        Path input = Path.of(getClass().getResource("/traces/langsmith/runs.json").toURI());
        assertThat(cli("import", "--source", "langsmith", "--input", input.toString(), "--out", "queue").exitCode()).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("queue"))) {
            return files.sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void should_pass_a_clean_queue() throws Exception {
        firstItem();

        CliRun check = cli("review", "check", "--queue", "queue");

        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("review check: 2 item(s), 0 invalid, 0 personal-data hit(s)");
    }

    @Test
    void should_fail_with_1_naming_field_and_kind_but_not_the_value_when_personal_data_was_pasted_in() throws Exception {
        Path item = firstItem();
        Files.writeString(item, Files.readString(item).replace("\"reference\": null",
                "\"reference\": \"Call Jo on +1 (212) 555-0147 or jo.baker@example-corp.com\""));

        CliRun check = cli("review", "check", "--queue", "queue");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("field 'review.reference': PHONE at characters", "field 'review.reference': EMAIL at characters")
                .doesNotContain("555-0147").doesNotContain("jo.baker");
    }

    @Test
    void should_fail_with_3_on_an_invalid_item() throws Exception {
        Path item = firstItem();
        Files.writeString(item, Files.readString(item).replace("\"pending\"", "\"approved\""));

        CliRun check = cli("review", "check", "--queue", "queue");

        assertThat(check.exitCode()).isEqualTo(3);
        assertThat(check.out()).contains("invalid: ").contains(item.getFileName().toString())
                .contains("field 'review.status': expected one of pending, accepted, rejected, needs_fix, duplicate");
    }

    @Test
    void should_redact_a_reference_given_on_the_command_line() throws Exception {
        Path item = firstItem();
        String id = item.getFileName().toString().replace(".json", "");

        CliRun accept = cli("review", "accept", "--queue", "queue", "--reference", "Mail ops-lead@northwind.io", id);

        assertThat(accept.exitCode()).isZero();
        assertThat(Files.readString(item)).contains("\"reference\": \"Mail <EMAIL_2>\"").doesNotContain("northwind");
        assertThat(List.of(accept.out(), accept.err())).noneMatch(s -> s.contains("northwind"));
    }

    @Test
    void should_say_in_one_line_when_an_export_holds_no_trace_of_its_source() throws Exception {
        Path langsmith = Path.of(getClass().getResource("/traces/langsmith/runs.json").toURI());

        CliRun wrong = cli("import", "--source", "otlp", "--input", langsmith.toString(), "--out", "queue");

        assertThat(wrong.exitCode()).isEqualTo(3);
        assertThat(wrong.err().strip()).doesNotContain("\n")
                .endsWith("runs.json: no traces found for --source otlp (expected OTLP/JSON lines with resourceSpans[].scopeSpans[].spans[])");
    }

    @Test
    void should_not_quote_the_content_of_a_broken_export() throws Exception {
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "{\"resourceSpans\": []}\n{\"secret\": jane.doe@example-corp.com}\n");

        CliRun run = cli("import", "--source", "otlp", "--input", broken.toString(), "--out", "queue");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("broken.jsonl:2").contains("not valid JSON").doesNotContain("jane");
    }
}
