package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmeval.testing.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Custom criteria from llmeval.yaml, scored through the real entry point by a judge on 127.0.0.1. */
class CriteriaRunIT {

    private static final String CRITERIA = """
            criteria:
              - name: politeness
                kind: aspect
                definition: "Is the response polite and free of sarcasm?"
                votes: 3
              - name: helpfulness
                kind: rubric
                uses: [user_input, response, retrieved_contexts]
                rubric:
                  1: "Does not help."
                  2: "Points in the right direction."
                  3: "Helps, with gaps."
                  4: "Helps fully, minor omissions."
                  5: "Complete and immediately usable."
            """;

    @RegisterExtension
    final JudgeRun judge = new JudgeRun(CriteriaRunIT::reply);

    /**
     * Politeness votes: yes, no, yes on every sample but pw-3 ("Only admins can."), where they go
     * no, yes, no; helpfulness is graded 4 everywhere; the RAGAS steps get the canned replies.
     */
    private static String reply(JsonNode request) {
        String prompt = FakeOpenAiServer.prompt(request);
        return switch (FakeOpenAiServer.schemaName(request)) {
            case "aspect_verdict" -> {
                boolean second = prompt.contains("assessment 2 of 3");
                boolean curt = prompt.contains("Only admins can.");
                yield "{\"reason\": \"vote\", \"verdict\": " + (second == curt ? 1 : 0) + "}";
            }
            case "rubric_score" -> "{\"feedback\": \"Right steps.\", \"score\": 4}";
            default -> FakeOpenAiServer.defaultReply(request);
        };
    }

    private static List<JsonNode> requestsFor(FakeOpenAiServer server, String schema) {
        return server.chatRequests().stream().filter(r -> FakeOpenAiServer.schemaName(r).equals(schema)).toList();
    }

    @Test
    void should_score_criteria_by_default_with_three_real_votes_and_gate_on_them() throws IOException {
        // given
        Files.writeString(judge.dir().resolve("llmeval.yaml"), CRITERIA);

        // when
        CliRun result = judge.run("--threshold", "politeness=0.6", "--threshold", "helpfulness=0.75");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<JsonNode> votes = requestsFor(judge.server(), "aspect_verdict");
        assertThat(votes).hasSize(9);
        assertThat(votes).extracting(v -> v.path("temperature").asDouble()).containsOnly(0.5);
        assertThat(votes).extracting(FakeOpenAiServer::prompt).doesNotHaveDuplicates();
        List<JsonNode> grades = requestsFor(judge.server(), "rubric_score");
        assertThat(grades).hasSize(3);
        assertThat(grades).extracting(g -> g.path("temperature").asDouble()).containsOnly(0.0);
        assertThat(FakeOpenAiServer.prompt(grades.get(0))).contains("RETRIEVED CONTEXTS:\n[1] Open Settings");
        JsonNode report = judge.report();
        assertThat(report.at("/metrics/faithfulness/scored").asInt()).isEqualTo(3);
        assertThat(report.at("/metrics/politeness/mean").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(report.at("/metrics/helpfulness/mean").asDouble()).isEqualTo(0.75);
        assertThat(report.at("/samples/2/scores/politeness/reason").asText()).isEqualTo("no (2 of 3 votes): vote");
        assertThat(report.at("/run/prompts").has("criteria/aspect")).isTrue();
        assertThat(report.at("/run/prompts/politeness~1aspect").asText()).hasSize(64);
        assertThat(report.at("/run/prompts/helpfulness~1rubric").asText()).hasSize(64);
        assertThat(report.at("/gate/passed").asBoolean()).isTrue();
    }

    @Test
    void should_answer_every_vote_from_the_cache_when_the_run_is_repeated() throws IOException {
        // given
        Files.writeString(judge.dir().resolve("llmeval.yaml"), CRITERIA);
        judge.run("--metrics", "politeness");
        int calls = judge.server().chatRequests().size();

        // when
        CliRun again = judge.run("--metrics", "politeness");

        // then
        assertThat(calls).isEqualTo(9);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(judge.server().chatRequests()).hasSize(calls);
        assertThat(judge.report().at("/metrics/politeness/mean").asDouble()).isCloseTo(2.0 / 3,
                within(1e-9));
    }

    @Test
    void should_sample_votes_at_the_vote_temperature_from_metric_options() throws IOException {
        // given
        Files.writeString(judge.dir().resolve("llmeval.yaml"), CRITERIA + """
                metric-options:
                  politeness:
                    vote-temperature: 0.9
                """);

        // when
        CliRun result = judge.run("--metrics", "politeness");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(requestsFor(judge.server(), "aspect_verdict")).hasSize(9)
                .extracting(v -> v.path("temperature").asDouble()).containsOnly(0.9);
    }

    @Test
    void should_exit_1_when_a_criterion_misses_its_threshold_from_the_file() throws IOException {
        // given
        Files.writeString(judge.dir().resolve("llmeval.yaml"), CRITERIA + "thresholds:\n  politeness: 0.9\n");

        // when
        CliRun result = judge.run("--metrics", "politeness");

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(judge.report().at("/gate/failures/0/metric").asText()).isEqualTo("politeness");
    }

    @Test
    void should_skip_criteria_with_the_reason_under_the_offline_judge() throws IOException {
        // given
        Files.writeString(judge.dir().resolve("llmeval.yaml"), CRITERIA);
        Path dataset = judge.dir().resolve("golden.jsonl");

        // when
        CliRun result = CliRun.of(Map.of(), judge.dir(), "run", "--dataset", dataset.toString(),
                "--metrics", "politeness,helpfulness", "--out", judge.dir().resolve("offline").toString());

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = new ObjectMapper()
                .readTree(judge.dir().resolve("offline/report.json").toFile());
        assertThat(report.at("/samples/0/scores/politeness/outcome").asText()).isEqualTo("skipped");
        assertThat(report.at("/samples/0/scores/politeness/reason").asText()).startsWith("needs an LLM judge");
        assertThat(report.at("/samples/0/scores/helpfulness/outcome").asText()).isEqualTo("skipped");
        assertThat(judge.server().chatRequests()).isEmpty();
    }

    @Test
    void should_exit_3_naming_the_line_when_a_criterion_takes_a_built_in_id() throws IOException {
        // given
        Files.writeString(judge.dir().resolve("llmeval.yaml"), """
                criteria:
                  - name: faithfulness
                    kind: aspect
                    definition: "Is it faithful?"
                """);

        // when
        CliRun result = judge.run();

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("llmeval.yaml:2: criterion 'faithfulness' has the id of a built-in metric");
        assertThat(judge.server().chatRequests()).isEmpty();
    }
}
