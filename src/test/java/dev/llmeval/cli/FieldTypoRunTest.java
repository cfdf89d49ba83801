package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misspelt field name must not silently change what is measured: a key close to a field is an
 * error naming the file, line and key with "did you mean"; other keys stay metadata and are
 * listed once; a --column-map source missing from the file, and a threshold no sample can be
 * scored for, are errors (exit 3) before anything is scored; what the default metrics skip is
 * said before scoring.
 */
class FieldTypoRunTest {

    private static final String CONTEXTS = "[\"\"Open Settings, then Security, then Reset password.\"\"]";

    @TempDir
    Path dir;

    private CliRun run(String file, String content, String... extra) throws IOException {
        Path dataset = dir.resolve(file);
        Files.writeString(dataset, content);
        List<String> args = new ArrayList<>(List.of("run", "--dataset", dataset.toString(), "--quiet",
                "--out", dir.resolve("report").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    private static String csv(String header) {
        return header + "\n"
                + "q1,How do I reset my password?,\"" + CONTEXTS + "\",Open Settings and then Security.,Settings > Security.\n"
                + "q2,Where is the reset button?,\"" + CONTEXTS + "\",It is under Security.,Under Security.\n";
    }

    @Test
    void should_exit_3_with_did_you_mean_when_a_csv_header_misspells_contexts() throws IOException {
        CliRun result = run("gold.csv", csv("id,user_input,contexs,response,reference"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip()).isEqualTo("llmeval: " + dir.resolve("gold.csv")
                + ":1: column 'contexs' is not a golden-set field: did you mean 'retrieved_contexts' (legacy name "
                + "'contexts')? Rename it, or read it with --column-map retrieved_contexts=contexs");
        assertThat(result.out()).doesNotContain("gate:");
        assertThat(dir.resolve("report")).doesNotExist();
    }

    @Test
    void should_exit_3_when_a_jsonl_field_misspells_reference_instead_of_switching_metrics() throws IOException {
        CliRun result = run("gold.jsonl", """
                {"user_input": "Q1", "retrieved_contexts": ["c"], "response": "a", "reference": "r"}
                {"user_input": "Q2", "retrieved_contexts": ["c"], "response": "a", "refrence": "r"}
                """);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains(dir.resolve("gold.jsonl") + ":2: field 'refrence' is not a golden-set field:"
                + " did you mean 'reference'?");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void should_name_the_misspelt_key_not_a_missing_field_when_response_is_misspelt() throws IOException {
        CliRun result = run("gold.jsonl", """
                {"user_input": "Q1", "retrieved_contexts": ["c"], "respones": "a"}
                """);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains(":1: field 'respones' is not a golden-set field: did you mean 'response'?")
                .doesNotContain("is missing");
    }

    @Test
    void should_suggest_the_field_for_legacy_names_other_cases_and_names_of_other_tools() throws IOException {
        assertThat(run("a.jsonl", "{\"question\": \"Q\", \"answer\": \"a\", \"ground_truths\": [\"r\"]}\n").err())
                .contains("field 'ground_truths' is not a golden-set field: did you mean 'reference'?");
        assertThat(run("b.jsonl", "{\"user_input\": \"Q\", \"response\": \"a\", \"context\": \"c\"}\n").err())
                .contains("field 'context' is not a golden-set field: did you mean 'retrieved_contexts'?");
        assertThat(run("c.jsonl", "{\"input\": \"Q\", \"actual_output\": \"a\"}\n").err())
                .contains("field 'input' is not a golden-set field: did you mean 'user_input'?");
        CliRun capitalised = run("d.csv", "Question,Answer\nQ,a\n");
        assertThat(capitalised.exitCode()).isEqualTo(3);
        assertThat(capitalised.err()).contains("d.csv:1: column 'Question' is not a golden-set field: did you mean "
                + "'user_input' (legacy name 'question')? Rename it, or read it with --column-map user_input=Question");
    }

    @Test
    void should_keep_other_unknown_fields_as_metadata_and_list_them_once() throws IOException {
        CliRun result = run("gold.jsonl", """
                {"user_input": "How do I reset my password?", "retrieved_contexts": ["Open Settings, then Security."], "response": "Open Settings.", "reference": "Settings.", "topic": "account", "owner": "ana"}
                {"user_input": "Where is the reset button?", "retrieved_contexts": ["It is under Security."], "response": "Under Security.", "reference": "Security.", "topic": "account"}
                """, "--metrics", "faithfulness");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().lines().filter(l -> l.contains("kept as metadata")))
                .containsExactly("llmeval: kept as metadata, not scored (not golden-set fields): topic, owner");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report/report.json").toFile());
        assertThat(report.at("/samples/0/metadata/owner").asText()).isEqualTo("ana");
    }

    @Test
    void should_exit_3_when_a_column_map_source_is_not_in_the_file() throws IOException {
        CliRun result = run("gold.csv", csv("id,user_input,retrieved_contexts,response,reference"),
                "--column-map", "retrieved_contexts=contexs");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip()).isEqualTo("llmeval: " + dir.resolve("gold.csv")
                + ": --column-map retrieved_contexts=contexs: the header has no column 'contexs' (columns: id, "
                + "user_input, retrieved_contexts, response, reference)");
    }

    @Test
    void should_exit_3_when_a_column_map_source_is_in_no_jsonl_sample() throws IOException {
        CliRun result = run("gold.jsonl", "{\"query\": \"Q\", \"response\": \"a\"}\n",
                "--column-map", "user_input=query", "--column-map", "reference=gold");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("--column-map reference=gold: no sample has a field 'gold'");
    }

    @Test
    void should_say_before_scoring_which_default_metrics_skip_how_many_samples_and_why() throws IOException {
        CliRun result = run("gold.jsonl", """
                {"user_input": "How do I reset my password?", "retrieved_contexts": ["Open Settings, then Security."], "response": "Open Settings.", "reference": "Settings."}
                {"user_input": "Where is the reset button?", "retrieved_contexts": ["It is under Security."], "response": "Under Security."}
                {"user_input": "Who can reset it?", "response": "Admins."}
                """);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().lines().filter(l -> l.contains(" is skipped on "))).containsExactly(
                "llmeval: faithfulness is skipped on 1 of 3 samples: no 'retrieved_contexts'",
                "llmeval: context_precision is skipped on 2 of 3 samples: 1 has no 'reference', 1 has no "
                        + "'retrieved_contexts' or 'reference'",
                "llmeval: context_recall is skipped on 2 of 3 samples: 1 has no 'reference', 1 has no "
                        + "'retrieved_contexts' or 'reference'");
    }

    @Test
    void should_exit_3_before_scoring_when_a_threshold_is_on_a_metric_no_sample_can_be_scored_for()
            throws IOException {
        CliRun result = run("gold.csv", "user_input,response\nQ1,a\nQ2,b\n", "--threshold", "faithfulness=0.7");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip()).isEqualTo("llmeval: faithfulness has a threshold, but no sample can be scored "
                + "for it: every sample is skipped (no 'retrieved_contexts')");
        assertThat(dir.resolve("report")).doesNotExist();
    }

    @Test
    void should_exit_3_when_a_threshold_is_on_a_metric_the_offline_judge_cannot_score() throws IOException {
        CliRun result = run("gold.jsonl", "{\"user_input\": \"Q\", \"response\": \"a\", \"reference\": \"r\"}\n",
                "--metrics", "answer_correctness", "--threshold", "answer_correctness=0.5");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("answer_correctness has a threshold, but no sample can be scored for it: "
                + "it needs an LLM judge");
    }

    @Test
    void should_count_missing_fields_not_sample_metric_pairs() throws IOException {
        CliRun result = run("gold.jsonl", """
                {"user_input": "Q1", "retrieved_contexts": ["c"]}
                {"user_input": "Q2", "retrieved_contexts": ["c"]}
                {"user_input": "Q3", "retrieved_contexts": ["c"]}
                """, "--metrics", "faithfulness,answer_relevancy");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains(":1: field 'response' is missing").endsWith("(and 2 more missing fields)\n");
    }
}
