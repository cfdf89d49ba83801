package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metric-options in llmeval.yaml, and metrics the offline judge cannot score, through the CLI. */
class MetricOptionsRunTest {

    private static final String SAMPLE = "{\"id\": \"s1\", \"user_input\": \"Where is Paris?\", \"response\": \"In France.\","
            + " \"retrieved_contexts\": [\"Paris is in France.\"], \"reference\": \"Paris is in France.\"}\n";

    @TempDir
    Path dir;

    @Test
    void should_exit_3_naming_file_and_line_when_metric_options_name_an_unknown_metric() throws IOException {
        // given
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), SAMPLE);
        Files.writeString(dir.resolve("llmeval.yaml"), "metrics: [faithfulness]\nmetric-options:\n  faithfulnes:\n    x: 1\n");

        // when
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString());

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains(dir.resolve("llmeval.yaml") + ":3: metric-options: unknown metric 'faithfulnes'");
    }

    @Test
    void should_skip_an_llm_only_metric_under_the_offline_judge_with_the_reason() throws IOException {
        // given
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), SAMPLE);

        // when
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString(),
                "--metrics", "faithfulness,noise_sensitivity_relevant", "--out", dir.resolve("out").toString(), "--quiet");

        // then
        assertThat(result.exitCode()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        JsonNode scores = report.path("samples").get(0).path("scores");
        assertThat(scores.path("faithfulness").path("outcome").asText()).isEqualTo("scored");
        assertThat(scores.path("noise_sensitivity_relevant").path("outcome").asText()).isEqualTo("skipped");
        assertThat(scores.path("noise_sensitivity_relevant").path("reason").asText()).startsWith("needs an LLM judge");
        assertThat(result.err()).contains("the offline judge cannot score noise_sensitivity_relevant (needs an LLM judge)");
    }

    @Test
    void should_exit_3_for_a_bad_option_of_a_metric_the_offline_judge_skips() throws IOException {
        // given
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), SAMPLE);
        Files.writeString(dir.resolve("llmeval.yaml"),
                "metrics: [faithfulness, answer_correctness]\nmetric-options:\n  answer_correctness:\n    beta: fast\n");

        // when
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString());

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains(dir.resolve("llmeval.yaml") + ":4: metric-options.answer_correctness.beta:");
    }

    @Test
    void should_exit_3_naming_the_line_of_the_option_itself() throws IOException {
        // given: the bad option is on line 5, its metric on line 3
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), SAMPLE);
        Files.writeString(dir.resolve("llmeval.yaml"), """
                metrics: [exact_match]
                metric-options:
                  exact_match:
                    ignore-case: true
                    ignore-kase: true
                """);

        // when
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString());

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains(dir.resolve("llmeval.yaml")
                + ":5: metric-options.exact_match.ignore-kase: unknown option for exact_match");
    }

    @Test
    void should_exit_3_for_an_option_given_to_a_metric_that_takes_none() throws IOException {
        // given: faithfulness has no options, so strictness would silently do nothing
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), SAMPLE);
        Files.writeString(dir.resolve("llmeval.yaml"),
                "metrics: [faithfulness]\nmetric-options:\n  faithfulness:\n    strictness: 3\n");

        // when
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString());

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains(dir.resolve("llmeval.yaml")
                + ":4: metric-options.faithfulness.strictness: unknown option for faithfulness (it takes none)");
    }

    @Test
    void should_exit_3_for_a_bad_option_of_a_text_metric_the_run_does_not_score() throws IOException {
        // given: rouge_l is configured but only faithfulness is scored, as for answer_correctness above
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), SAMPLE);
        Files.writeString(dir.resolve("llmeval.yaml"),
                "metrics: [faithfulness]\nmetric-options:\n  rouge_l:\n    mode: rouge1\n");

        // when
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString());

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains(dir.resolve("llmeval.yaml")
                + ":4: metric-options.rouge_l.mode: expected one of fmeasure, precision, recall, got 'rouge1'");
    }

    @Test
    void should_exit_3_under_an_llm_judge_and_in_a_dry_run_for_a_bad_option_of_a_criterion_the_run_does_not_score()
            throws IOException {
        // given: the judge URL is a closed port, so a run that got past the checks would fail with exit 5
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), SAMPLE);
        Files.writeString(dir.resolve("llmeval.yaml"), """
                criteria:
                  - name: politeness
                    kind: aspect
                    definition: "Is the response polite?"
                    votes: 3
                metric-options:
                  politeness: {vote-temperature: 0}
                """);
        String[] judge = {"--judge", "openai-compatible", "--judge-base-url", "http://127.0.0.1:9/v1",
                "--judge-model", "m", "--metrics", "faithfulness", "--out", dir.resolve("out").toString()};

        for (String[] extra : new String[][] {{}, {"--dry-run"}}) {
            // when
            String[] args = java.util.stream.Stream.of(new String[] {"run", "--dataset", dataset.toString()}, judge,
                    extra).flatMap(java.util.Arrays::stream).toArray(String[]::new);
            CliRun result = CliRun.of(Map.of(), dir, args);

            // then
            assertThat(result.exitCode()).as(String.join(" ", extra)).isEqualTo(3);
            assertThat(result.err()).contains(dir.resolve("llmeval.yaml")
                    + ":7: metric-options.politeness.vote-temperature: must be above 0 and at most 2, got 0.0")
                    .doesNotContain("internal error").doesNotContain("\tat ");
        }
    }

    @Test
    void should_name_the_line_of_an_unknown_metric_in_metrics_and_thresholds() throws IOException {
        // given: a misspelt criterion name, once in thresholds (line 6) and once in metrics (line 7)
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), SAMPLE);
        String criterion = "criteria:\n  - name: politeness\n    kind: aspect\n    definition: \"Polite?\"\n";
        Files.writeString(dir.resolve("llmeval.yaml"), criterion + "thresholds:\n  politness: 0.9\n");
        Files.writeString(dir.resolve("other.yaml"), criterion + "thresholds: {}\nmetrics: [faithfulness, politness]\n");

        // when
        CliRun thresholds = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString());
        CliRun metrics = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString(), "--config",
                dir.resolve("other.yaml").toString());

        // then
        assertThat(thresholds.exitCode()).isEqualTo(3);
        assertThat(thresholds.err()).contains(dir.resolve("llmeval.yaml") + ":6: 'thresholds.politness': unknown metric");
        assertThat(metrics.exitCode()).isEqualTo(3);
        assertThat(metrics.err()).contains(dir.resolve("other.yaml") + ":6: 'metrics': unknown metric 'politness'");
    }
}
