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

/** {@code llmeval metrics}: the catalogue and the criteria of llmeval.yaml, as a table and as JSON. */
class MetricsCommandTest {

    private static final String CRITERIA = """
            criteria:
              - name: politeness
                kind: aspect
                definition: "Is the response polite and free of sarcasm?"
                votes: 3
              - name: helpfulness
                kind: rubric
                uses: [user_input, response, retrieved_contexts]
                rubric: {1: "No help.", 2: "A hint.", 3: "Partial.", 4: "Nearly complete.", 5: "Complete."}
            """;

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void should_list_built_in_metrics_and_criteria_in_aligned_columns_within_100_characters() throws IOException {
        // given
        Files.writeString(dir.resolve("llmeval.yaml"), CRITERIA);

        // when
        CliRun result = run("metrics");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        assertThat(lines.get(0)).matches("metric +judge +calls +better +requires");
        String header = lines.get(0);
        List<String> rows = lines.subList(1, lines.indexOf("")).stream().filter(row -> !row.startsWith(" ")).toList();
        assertThat(rows).extracting(row -> row.substring(0, row.indexOf(' ')))
                .startsWith("faithfulness", "answer_relevancy")
                .endsWith("politeness", "helpfulness")
                .contains("context_recall", "noise_sensitivity_relevant", "exact_match");
        for (String column : List.of("judge", "calls", "better", "requires")) {
            int at = header.indexOf(column);
            assertThat(rows).as(column).allSatisfy(row -> {
                assertThat(row.charAt(at - 1)).isEqualTo(' ');
                assertThat(row.charAt(at)).isNotEqualTo(' ');
            });
        }
        String flat = String.join("\n", lines).replaceAll("\n +", " ").replaceAll(" +", " ");
        assertThat(flat).contains("politeness LLM only 3 higher user_input, response",
                "faithfulness LLM or offline 2 higher user_input, response, retrieved_contexts",
                "bleu none 0 higher response, reference",
                "context_precision LLM or offline 1* higher user_input, retrieved_contexts, reference",
                "noise_sensitivity_relevant LLM only 4* lower user_input, response, retrieved_contexts, reference",
                "* context_precision, context_utilization: K with --per-chunk (K = retrieved chunks)",
                "* factual_correctness: 2 in precision mode",
                "--wide shows every column");
        assertThat(result.out()).contains("custom criteria: 2 from " + dir.resolve("llmeval.yaml"));
    }

    @Test
    void should_show_every_column_and_the_summary_on_one_line_with_wide() throws IOException {
        // given
        Files.writeString(dir.resolve("llmeval.yaml"), CRITERIA);

        // when
        CliRun result = run("metrics", "--wide");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("metric +judge +calls/sample +better +requires +summary");
        assertThat(lines).anySatisfy(row -> assertThat(row.replaceAll(" +", " ")).isEqualTo("politeness LLM only 3 higher"
                + " user_input,response criterion (aspect, majority of 3 votes): Is the response polite and free of"
                + " sarcasm?"));
        assertThat(lines).anySatisfy(row -> assertThat(row.replaceAll(" +", " ")).startsWith(
                "noise_sensitivity_relevant LLM only 4 (2 when the reference supports every statement) lower "));
    }

    @Test
    void should_print_every_metric_as_json_with_its_source() throws IOException {
        // given
        Path config = Files.writeString(dir.resolve("quality.yaml"), CRITERIA);

        // when
        CliRun result = run("metrics", "--json", "--config", config.toString());

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(result.out()).path("metrics");
        JsonNode faithfulness = metrics.get(0);
        assertThat(faithfulness.path("id").asText()).isEqualTo("faithfulness");
        assertThat(faithfulness.path("source").asText()).isEqualTo("built-in");
        assertThat(faithfulness.path("requires")).extracting(JsonNode::asText)
                .containsExactly("user_input", "response", "retrieved_contexts");
        assertThat(faithfulness.path("needs_llm").asBoolean()).isTrue();
        assertThat(faithfulness.path("offline").asBoolean()).isTrue();
        assertThat(faithfulness.path("judge").asText()).isEqualTo("LLM or offline");
        assertThat(faithfulness.path("calls_per_sample").isInt()).isTrue();
        assertThat(faithfulness.path("calls_per_sample").asInt()).isEqualTo(2);
        assertThat(faithfulness.path("calls_note").isNull()).isTrue();
        assertThat(faithfulness.path("higher_is_better").asBoolean()).isTrue();
        JsonNode precision = metrics.get(2);
        assertThat(precision.path("id").asText()).isEqualTo("context_precision");
        assertThat(precision.path("calls_per_sample").asInt()).isEqualTo(1);
        assertThat(precision.path("calls_note").asText()).isEqualTo("K with --per-chunk");
        assertThat(result.out()).doesNotContainPattern("\"[a-z]+[A-Z][A-Za-z]*\" :");
        JsonNode helpfulness = metrics.get(metrics.size() - 1);
        assertThat(helpfulness.path("id").asText()).isEqualTo("helpfulness");
        assertThat(helpfulness.path("source").asText()).isEqualTo("criterion");
        assertThat(helpfulness.path("requires")).extracting(JsonNode::asText)
                .containsExactly("user_input", "response", "retrieved_contexts");
        assertThat(helpfulness.path("calls_per_sample").asInt()).isEqualTo(1);
        assertThat(helpfulness.path("judge").asText()).isEqualTo("LLM only");
        assertThat(metrics).extracting(m -> m.path("id").asText()).doesNotHaveDuplicates()
                .contains("exact_match", "politeness");
    }

    @Test
    void should_list_only_the_catalogue_and_say_so_when_there_is_no_config() {
        // when
        CliRun result = run("metrics");

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("faithfulness", "rouge_l").contains("custom criteria: none");
    }

    @Test
    void should_exit_3_naming_file_and_line_when_a_criterion_is_invalid() throws IOException {
        // given
        Files.writeString(dir.resolve("llmeval.yaml"), """
                criteria:
                  - name: politeness
                    kind: aspect
                    definition: Polite?
                    votes: 2
                """);

        // when
        CliRun result = run("metrics");

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip()).isEqualTo("llmeval: " + dir.resolve("llmeval.yaml")
                + ":5: 'criteria[0].votes' must be an odd number, 1 or more, so that a majority decides");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void should_be_listed_in_the_top_level_help() {
        // when
        CliRun result = run("--help");

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().map(String::strip)).anySatisfy(line -> assertThat(line).startsWith("metrics"));
    }
}
