package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmeval.testing.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real CLI entry point against an OpenAI-compatible judge served on 127.0.0.1. */
class RunCommandIT {

    @RegisterExtension
    final JudgeRun judge = new JudgeRun();

    private CliRun run(String... extra) {
        return judge.run(extra);
    }

    private JsonNode report() {
        return judge.report();
    }

    @Test
    void should_exit_0_and_write_the_llm_judged_report_when_thresholds_are_met() throws IOException {
        CliRun result = run("--threshold", "faithfulness=0.5", "--threshold", "context_precision=0.9");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = report();
        assertThat(report.at("/run/judge/kind").asText()).isEqualTo("openai");
        assertThat(report.at("/run/judge/model").asText()).isEqualTo("test-judge");
        assertThat(report.at("/run/dataset/samples").asInt()).isEqualTo(3);
        assertThat(report.at("/run/dataset/sha256").asText()).hasSize(64);
        assertThat(report.at("/run/prompts").has("faithfulness/statements")).isTrue();
        assertThat(report.at("/metrics/faithfulness/mean").asDouble()).isEqualTo(0.5);
        assertThat(report.at("/metrics/faithfulness/scored").asInt()).isEqualTo(3);
        assertThat(report.at("/metrics/context_precision/mean").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/metrics/context_recall/mean").asDouble()).isEqualTo(0.5);
        assertThat(report.at("/metrics/answer_relevancy/scored").asInt()).isEqualTo(3);
        assertThat(report.at("/gate/passed").asBoolean()).isTrue();
        JsonNode first = report.at("/samples/0/scores/faithfulness");
        assertThat(first.path("outcome").asText()).isEqualTo("scored");
        assertThat(first.path("reason").asText()).contains("Statement two.");
        assertThat(result.out()).contains("faithfulness").contains("report.json");
        assertThat(Files.readString(judge.dir().resolve("report/report.html"))).contains("pw-3");
    }

    @Test
    void should_send_json_schema_and_temperature_zero_to_the_judge() {
        run();

        assertThat(judge.server().chatRequests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.path("temperature").asDouble(-1)).isZero();
            assertThat(request.at("/response_format/type").asText()).isEqualTo("json_schema");
            assertThat(request.path("model").asText()).isEqualTo("test-judge");
        });
        assertThat(judge.server().chatRequests()).extracting(FakeOpenAiServer::schemaName)
                .contains("statements", "statement_verdicts", "questions", "chunk_verdicts", "attributions");
    }

    @Test
    void should_exit_1_with_the_failing_metric_when_a_threshold_is_missed() throws IOException {
        CliRun result = run("--threshold", "faithfulness=0.9");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode failure = report().at("/gate/failures/0");
        assertThat(failure.path("metric").asText()).isEqualTo("faithfulness");
        assertThat(failure.path("threshold").asDouble()).isEqualTo(0.9);
        assertThat(failure.path("actual").asDouble()).isEqualTo(0.5);
        assertThat(result.out()).contains("FAIL");
    }

    @Test
    void should_exit_5_with_one_line_when_the_key_is_rejected() {
        judge.server().failAlways(401);

        CliRun result = run("--metrics", "faithfulness");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("llmeval: judge failed").doesNotContain("\tat ");
    }

    @Test
    void should_retry_and_exit_0_when_a_rate_limit_clears() throws IOException {
        judge.server().failNext(429);

        CliRun result = run("--metrics", "faithfulness", "--threshold", "faithfulness=0.5", "--concurrency", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(report().at("/metrics/faithfulness/errors").asInt()).isZero();
    }

    @Test
    void should_repair_a_broken_reply_and_record_an_error_when_repair_fails() throws IOException {
        judge.server().replyWith(request -> {
            String schema = FakeOpenAiServer.schemaName(request);
            boolean isRepair = request.path("messages").size() > 1;
            if (schema.equals("statements") && request.path("messages").toString().contains("Only admins")) {
                return "Sorry, I cannot do that."; // never JSON, not even after the repair request
            }
            if (schema.equals("statements") && !isRepair) {
                return "Here you go:\n```json\n{\"statements\": [\"Statement one.\", \"Statement two.\""; // cut off
            }
            return FakeOpenAiServer.defaultReply(request);
        });

        CliRun result = run("--metrics", "faithfulness");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode metric = report().at("/metrics/faithfulness");
        assertThat(metric.path("scored").asInt()).isEqualTo(2);
        assertThat(metric.path("errors").asInt()).isEqualTo(1);
        JsonNode errored = report().at("/samples/2/scores/faithfulness");
        assertThat(errored.path("outcome").asText()).isEqualTo("error");
        assertThat(errored.path("reason").asText()).contains("could not be read");
    }

    @Test
    void should_embed_through_the_server_when_openai_embeddings_are_asked_for() throws IOException {
        CliRun result = run("--metrics", "answer_relevancy", "--embeddings", "openai",
                "--embedding-model", "test-embedder");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(judge.server().embeddingRequests()).isNotEmpty()
                .allSatisfy(request -> assertThat(request.path("model").asText()).isEqualTo("test-embedder"));
        JsonNode report = report();
        assertThat(report.at("/run/embeddings/model").asText()).startsWith("openai test-embedder");
        assertThat(report.at("/metrics/answer_relevancy/scored").asInt()).isEqualTo(3);
        JsonNode questions = report.at("/samples/0/scores/answer_relevancy/details/questions");
        assertThat(questions.size()).isEqualTo(3);
        assertThat(questions.get(0).path("similarity").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void should_stop_with_exit_5_and_a_partial_report_when_errors_exceed_max_errors() throws IOException {
        judge.server().replyWith(request -> "no JSON here");

        CliRun result = run("--metrics", "faithfulness,context_recall", "--max-errors", "1", "--concurrency", "1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("run stopped early", "--max-errors");
        JsonNode report = report();
        assertThat(report.at("/run/stopped").asText()).contains("more than 1 error (--max-errors)");
        assertThat(report.at("/samples").size()).isEqualTo(3);
        JsonNode recall = report.at("/metrics/context_recall");
        JsonNode faithfulness = report.at("/metrics/faithfulness");
        int total = recall.path("errors").asInt() + recall.path("skipped").asInt()
                + faithfulness.path("errors").asInt() + faithfulness.path("skipped").asInt();
        assertThat(total).as("every job has an outcome").isEqualTo(6);
        assertThat(faithfulness.path("errors").asInt() + recall.path("errors").asInt()).isEqualTo(2);
        assertThat(report.at("/samples/2/scores/context_recall/reason").asText())
                .startsWith("not scored: the run stopped early");
    }
}
