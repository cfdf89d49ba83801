package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmeval.testing.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** answer_correctness and factual_correctness through the real entry point, judged by a loopback judge.server(). */
class CorrectnessMetricsIT {

    @RegisterExtension
    final JudgeRun judge = new JudgeRun(CorrectnessMetricsIT::reply);

    /**
     * Two statements or claims for every text; the classifier supports and covers the first and
     * not the second (TP 1, FP 1, FN 1); the verdict step keeps the server's default: [1, 0].
     */
    private static String reply(JsonNode request) {
        return switch (FakeOpenAiServer.schemaName(request)) {
            case "statement_classes" -> """
                    {"answer": [{"statement": "Statement one.", "reason": "in the reference", "supported": 1},
                                {"statement": "Statement two.", "reason": "not in the reference", "supported": 0}],
                     "reference": [{"statement": "Statement one.", "reason": "in the answer", "covered": 1},
                                   {"statement": "Statement two.", "reason": "left out", "covered": 0}]}""";
            case "claims" -> "{\"claims\": [\"Claim one.\", \"Claim two.\"]}";
            default -> FakeOpenAiServer.defaultReply(request);
        };
    }

    /** The fake server's embedding: a vector of letter counts. */
    private static double letterCosine(String a, String b) {
        double[] va = new double[26];
        double[] vb = new double[26];
        a.toLowerCase().chars().filter(c -> c >= 'a' && c <= 'z').forEach(c -> va[c - 'a']++);
        b.toLowerCase().chars().filter(c -> c >= 'a' && c <= 'z').forEach(c -> vb[c - 'a']++);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < 26; i++) {
            dot += va[i] * vb[i];
            na += va[i] * va[i];
            nb += vb[i] * vb[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void should_score_answer_correctness_end_to_end_and_hash_its_prompts() {
        // when
        CliRun result = judge.run("--metrics", "answer_correctness", "--embeddings", "openai",
                "--embedding-model", "test-embedder");

        // then TP 1, FP 1, FN 1: F1 = 2 / (2 + 1 + 1) = 0.5; score = 0.75 · 0.5 + 0.25 · S
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = judge.report();
        JsonNode first = report.at("/samples/0/scores/answer_correctness");
        double similarity = letterCosine("Open Settings, choose Security and click Reset password.",
                "Settings > Security > Reset password.");
        assertThat(first.path("outcome").asText()).isEqualTo("scored");
        assertThat(first.at("/details/factuality").asDouble()).isEqualTo(0.5);
        assertThat(first.at("/details/similarity").asDouble()).isCloseTo(similarity, within(1e-6));
        assertThat(first.path("score").asDouble()).isCloseTo(0.375 + 0.25 * similarity, within(1e-6));
        assertThat(first.at("/details/fp/0/statement").asText()).isEqualTo("Statement two.");
        assertThat(first.at("/details/fn/0/reason").asText()).isEqualTo("left out");
        assertThat(report.at("/metrics/answer_correctness/scored").asInt()).isEqualTo(3);
        assertThat(report.at("/run/prompts").has("faithfulness/statements")).isTrue();
        assertThat(report.at("/run/prompts/answer_correctness~1classify").asText()).hasSize(64);
        assertThat(judge.server().chatRequests()).extracting(FakeOpenAiServer::schemaName)
                .containsOnly("statements", "statement_classes").hasSize(9);
        assertThat(judge.server().embeddingRequests()).isNotEmpty();
    }

    @Test
    void should_score_factual_correctness_with_the_claim_prompt_its_options_pick() throws IOException {
        // given
        Files.writeString(judge.dir().resolve("llmeval.yaml"), """
                metric-options:
                  factual_correctness:
                    mode: f1
                    atomicity: high
                    coverage: high
                """);

        // when
        CliRun result = judge.run("--metrics", "factual_correctness");

        // then TP 1, FP 1 (response claims), FN 1 (reference claims): F1 = 0.5 on every sample
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = judge.report();
        assertThat(report.at("/metrics/factual_correctness/mean").asDouble()).isEqualTo(0.5);
        assertThat(report.at("/metrics/factual_correctness/scored").asInt()).isEqualTo(3);
        assertThat(report.at("/samples/0/scores/factual_correctness/details/reference_claims/1/supported").asBoolean())
                .isFalse();
        assertThat(report.at("/run/prompts").has("factual_correctness/claims-atomicity-high-coverage-high")).isTrue();
        assertThat(report.at("/run/prompts").has("factual_correctness/claims-atomicity-low-coverage-low")).isFalse();
        assertThat(judge.server().chatRequests()).hasSize(12)
                .allSatisfy(r -> assertThat(FakeOpenAiServer.prompt(r)).doesNotContain("{{"));
        assertThat(judge.server().chatRequests().stream().map(FakeOpenAiServer::prompt)
                .filter(p -> p.contains("Granularity: each claim holds exactly one fact. Keep every fact"))).hasSize(6);
    }

    @Test
    void should_exit_3_before_any_call_when_an_answer_correctness_option_is_bad() throws IOException {
        // given
        Files.writeString(judge.dir().resolve("llmeval.yaml"), """
                metric-options:
                  answer_correctness:
                    weights: [0, 0]
                """);

        // when
        CliRun result = judge.run("--metrics", "answer_correctness");

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("llmeval.yaml:3: metric-options.answer_correctness.weights:"
                + " expected two finite numbers >= 0, not both 0, got [0.0, 0.0]");
        assertThat(judge.server().chatRequests()).isEmpty();
    }

    @Test
    void should_exit_3_before_any_call_when_a_factual_correctness_mode_is_unknown() throws IOException {
        // given
        Files.writeString(judge.dir().resolve("llmeval.yaml"), """
                metric-options:
                  factual_correctness:
                    mode: accuracy
                """);

        // when
        CliRun result = judge.run("--metrics", "factual_correctness");

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("llmeval.yaml:3: metric-options.factual_correctness.mode:"
                + " expected one of precision, recall, f1, got 'accuracy'");
        assertThat(judge.server().chatRequests()).isEmpty();
    }
}
