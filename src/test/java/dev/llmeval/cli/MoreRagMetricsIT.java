package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmeval.testing.FakeOpenAiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** context_entity_recall, noise_sensitivity_* and context_relevance through {@code llmeval run} with an LLM judge. */
class MoreRagMetricsIT {

    @RegisterExtension
    final JudgeRun judge = new JudgeRun(MoreRagMetricsIT::reply);

    /** Entities Settings and Security; the first line of the context copied; every statement from chunk 1. */
    private static String reply(JsonNode request) {
        String prompt = FakeOpenAiServer.prompt(request);
        return switch (FakeOpenAiServer.schemaName(request)) {
            case "entities" -> "{\"entities\": [\"Settings\", \"Security\"]}";
            case "context_sentences" -> {
                String context = prompt.substring(prompt.lastIndexOf("CONTEXT:\n") + "CONTEXT:\n".length());
                yield "{\"sentences\": [\"" + context.lines().findFirst().orElseThrow().replace("\"", "\\\"") + "\"]}";
            }
            case "statement_chunks" -> "{\"statements\": ["
                    + "{\"statement\": 1, \"reason\": \"r\", \"chunks\": [1]},"
                    + "{\"statement\": 2, \"reason\": \"r\", \"chunks\": []},"
                    + "{\"statement\": 3, \"reason\": \"r\", \"chunks\": [1]}]}";
            default -> FakeOpenAiServer.defaultReply(request);
        };
    }

    @Test
    void should_score_the_new_metrics_and_share_noise_sensitivity_calls_through_the_cache() {
        // when
        CliRun run = judge.run("--metrics",
                "context_entity_recall,noise_sensitivity_relevant,noise_sensitivity_irrelevant,context_relevance",
                "--concurrency", "1");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = judge.report();
        // only pw-1's contexts mention Settings and Security
        assertThat(report.at("/metrics/context_entity_recall/mean").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        // 1 of 2, 1 of 2 and 1 of 1 context sentences copied
        assertThat(report.at("/metrics/context_relevance/mean").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        // "Statement two." is incorrect and chunk 1 (relevant) supports it: 1 of 2 statements in every sample
        assertThat(report.at("/metrics/noise_sensitivity_relevant/mean").asDouble()).isEqualTo(0.5);
        assertThat(report.at("/metrics/noise_sensitivity_irrelevant/mean").asDouble()).isEqualTo(0.0);
        assertThat(report.at("/metrics/noise_sensitivity_relevant/usage/calls").asInt()).isEqualTo(12);
        assertThat(report.at("/metrics/noise_sensitivity_irrelevant/usage/calls").asInt()).isZero();
        assertThat(judge.server().chatRequests()).hasSize(3 + 12 + 3);
        assertThat(report.at("/run/prompts/noise_sensitivity~1chunk-support").asText()).hasSize(64);
        assertThat(report.at("/run/prompts/context_entity_recall~1entities").asText()).hasSize(64);
        assertThat(report.at("/run/prompts/context_relevance~1sentences").asText()).hasSize(64);
    }

    @Test
    void should_skip_noise_sensitivity_and_score_the_offline_versions_under_the_offline_judge() {
        // when
        CliRun run = CliRun.of(Map.of(), judge.dir(), "run", "--dataset", judge.dir().resolve("golden.jsonl").toString(),
                "--metrics", "noise_sensitivity_relevant,context_entity_recall,context_relevance",
                "--out", judge.dir().resolve("offline").toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(judge.server().chatRequests()).isEmpty();
        assertThat(run.out()).contains("noise_sensitivity_relevant");
        JsonNode report = readReport(judge.dir().resolve("offline/report.json"));
        assertThat(report.at("/samples/0/scores/noise_sensitivity_relevant/outcome").asText()).isEqualTo("skipped");
        assertThat(report.at("/samples/0/scores/noise_sensitivity_relevant/reason").asText()).startsWith("needs an LLM judge");
        assertThat(report.at("/samples/0/scores/context_entity_recall/outcome").asText()).isEqualTo("scored");
        assertThat(report.at("/samples/0/scores/context_relevance/outcome").asText()).isEqualTo("scored");
    }

    private static JsonNode readReport(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
