package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the bundled demo set scored by the offline judge. */
class OfflineDemoIT {

    private static final Path DEMO = Path.of("golden-sets/demo.jsonl").toAbsolutePath();

    @TempDir
    Path out;

    @Test
    void should_score_the_demo_set_offline_and_pass_the_readme_threshold() throws IOException {
        CliRun result = CliRun.of(Map.of(), out, "run", "--dataset", DEMO.toString(),
                "--threshold", "faithfulness=0.7", "--out", out.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.err()).contains("offline judge");
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/run/judge/kind").asText()).isEqualTo("offline");
        assertThat(report.at("/run/usage/calls").asInt()).isZero();
        for (String metric : new String[] {"faithfulness", "answer_relevancy", "context_precision", "context_recall"}) {
            JsonNode summary = report.at("/metrics/" + metric);
            assertThat(summary.path("scored").asInt()).as(metric).isPositive();
            assertThat(summary.path("errors").asInt()).as(metric).isZero();
            assertThat(summary.path("mean").asDouble()).as(metric).isBetween(0.0, 1.0);
        }
        assertThat(report.at("/samples").size()).isEqualTo(report.at("/run/dataset/samples").asInt());
    }

    @Test
    void should_fail_the_gate_when_the_demo_set_misses_a_strict_threshold() throws IOException {
        CliRun result = CliRun.of(Map.of(), out, "run", "--dataset", DEMO.toString(),
                "--threshold", "faithfulness=0.99", "--out", out.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.at("/gate/passed").asBoolean()).isFalse();
        assertThat(report.at("/gate/failures/0/metric").asText()).isEqualTo("faithfulness");
    }
}
