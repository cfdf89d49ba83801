package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the command line behaves for a new user: mistakes are one line naming them, quiet is
 * quiet, the baseline comparison reads after the header, compare says what regressed, shell
 * completion and standard input work, and counts agree with their nouns.
 */
class CliMannersTest {

    private static final String GOOD = """
            {"id": "a", "user_input": "How long are snapshots kept?", "response": "Snapshots are kept for 30 days.", "retrieved_contexts": ["Snapshots are kept for 30 days by default."]}
            {"id": "b", "user_input": "Which port does it use?", "response": "It listens on port 8420.", "retrieved_contexts": ["The server listens on port 8420."]}
            {"id": "c", "user_input": "Is there a CLI?", "response": "Yes, the tidewater CLI.", "retrieved_contexts": ["The tidewater CLI manages backups."]}
            """;
    private static final String WORSE = GOOD.replace("It listens on port 8420.", "It listens on port 9999 behind Nginx.");

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void should_name_a_misspelt_option_in_one_line_with_suggestions_and_where_help_is() {
        CliRun result = run("run", "--datset", "gold.jsonl");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("llmeval: unknown option '--datset'; did you mean --dataset or"
                + " --dataset-format? (see 'llmeval run --help')\n");
    }

    @Test
    void should_name_a_misspelt_command_and_a_missing_option_in_one_line() {
        CliRun command = run("rnu");
        CliRun missing = run("run");

        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).isEqualTo("llmeval: unknown command 'rnu'; did you mean run? (see 'llmeval --help')\n");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo(
                "llmeval: Missing required option: '--dataset=PATH' (see 'llmeval run --help')\n");
    }

    @Test
    void should_print_usage_and_exit_2_when_no_command_is_given() {
        CliRun result = run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("llmeval: a command is needed: run, compare, report, metrics, import, review,"
                        + " generate-completion\nUsage: llmeval")
                .contains("Exit codes:");
    }

    @Test
    void should_print_nothing_on_stderr_with_quiet_when_nothing_is_wrong() throws IOException {
        CliRun quiet = CliRun.faithfulness(dir, GOOD, "quiet");
        CliRun chatty = CliRun.faithfulness(dir, GOOD, "chatty");
        Path file = dir.resolve("loud.jsonl");
        Files.writeString(file, GOOD);
        CliRun loud = run("run", "--dataset", file.toString(), "--metrics", "faithfulness", "--out",
                dir.resolve("loud").toString());

        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(chatty.err()).isEmpty();
        assertThat(loud.err()).startsWith("llmeval: scoring 3 samples x 1 metric with the offline judge");
    }

    @Test
    void should_print_the_baseline_lines_after_the_header_and_mark_what_regressed() throws IOException {
        assertThat(CliRun.faithfulness(dir, GOOD, "main").exitCode()).isZero();
        String baseline = dir.resolve("main/report.json").toString();

        CliRun head = CliRun.faithfulness(dir, WORSE, "head", "--baseline", baseline, "--max-drop", "faithfulness=0.1");

        assertThat(head.exitCode()).isEqualTo(1);
        List<String> lines = head.out().lines().toList();
        assertThat(lines.get(0)).startsWith("llmeval ");
        int table = lines.indexOf(lines.stream().filter(l -> l.startsWith("faithfulness ")).findFirst().orElseThrow());
        int baselineLine = lines.indexOf(lines.stream().filter(l -> l.startsWith("baseline faithfulness"))
                .findFirst().orElseThrow());
        assertThat(baselineLine).isGreaterThan(table);
        assertThat(lines.get(baselineLine)).contains("REGRESSED (max drop 0.1, allowed 0.100)");
        assertThat(lines.get(lines.size() - 2)).startsWith("gate: FAILED");
    }

    @Test
    void should_mark_regressed_and_held_metrics_in_compare() throws IOException {
        assertThat(CliRun.faithfulness(dir, GOOD, "main").exitCode()).isZero();
        assertThat(CliRun.faithfulness(dir, WORSE, "head").exitCode()).isZero();
        String base = dir.resolve("main/report.json").toString();
        String head = dir.resolve("head/report.json").toString();

        CliRun strict = run("compare", base, head, "--max-drop", "faithfulness=0.1");
        CliRun lenient = run("compare", base, head, "--max-drop", "faithfulness=0.9");
        CliRun none = run("compare", base, head);

        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).containsPattern("baseline faithfulness .* REGRESSED \\(max drop 0\\.1, allowed 0\\.100\\)")
                .contains("compare: FAILED - faithfulness: dropped");
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).containsPattern("baseline faithfulness .* OK \\(max drop 0\\.9, allowed 0\\.900\\)");
        assertThat(none.out()).doesNotContain("REGRESSED", " OK (");
    }

    @Test
    void should_print_a_bash_completion_script() {
        CliRun result = run("generate-completion");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("#!/usr/bin/env bash").contains("llmeval", "--dataset", "--threshold",
                "compare", "metrics");
    }

    @Test
    void should_read_the_golden_set_from_standard_input_with_a_dash() throws IOException {
        CliRun jsonl = CliRun.withStdin(GOOD, dir, "run", "--dataset", "-", "--metrics", "faithfulness", "--quiet",
                "--out", dir.resolve("jsonl").toString());
        CliRun csv = CliRun.withStdin("user_input,response,retrieved_contexts\nWhat port?,8420.,Port 8420.\n", dir,
                "run", "--dataset", "-", "--metrics", "faithfulness", "--quiet", "--out", dir.resolve("csv").toString());
        CliRun bad = CliRun.withStdin("{\"user_input\": \"Q\", \"respones\": \"a\"}\n", dir, "run", "--dataset", "-",
                "--quiet");

        assertThat(jsonl.exitCode()).as(jsonl.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("jsonl/report.json").toFile());
        assertThat(report.at("/run/dataset/path").asText()).isEqualTo("stdin");
        assertThat(report.at("/run/dataset/format").asText()).isEqualTo("jsonl");
        assertThat(report.at("/metrics/faithfulness/scored").asInt()).isEqualTo(3);
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err()).startsWith("llmeval: stdin:1: field 'respones' is not a golden-set field");
    }

    @Test
    void should_agree_counts_with_their_nouns_in_reasons_and_messages() throws IOException {
        String one = "{\"id\": \"a\", \"user_input\": \"How long are snapshots kept?\", \"response\": \"Snapshots are"
                + " kept for 30 days.\", \"retrieved_contexts\": [\"Snapshots are kept for 30 days by default.\"],"
                + " \"reference\": \"30 days.\"}\n";
        Path file = dir.resolve("one.jsonl");
        Files.writeString(file, one);

        CliRun result = run("run", "--dataset", file.toString(), "--out", dir.resolve("one").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("scoring 1 sample x 4 metrics");
        String reasons = new ObjectMapper().readTree(dir.resolve("one/report.json").toFile()).at("/samples/0/scores")
                .findValues("reason").toString();
        assertThat(reasons).contains("the only statement supported by the contexts")
                .doesNotContainPattern("\\b(all|of) 1 (reference |context )?(statements|sentences|chunks|parts|entities)\\b");
    }
}
