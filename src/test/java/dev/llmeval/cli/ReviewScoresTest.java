package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Judge scores from a run over the queue: review export → run → review scores. */
class ReviewScoresTest {

    @TempDir
    Path dir;

    private CliRun cli(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void should_write_the_scores_of_a_run_over_the_exported_queue_into_the_items() throws Exception {
        Path input = Path.of(getClass().getResource("/traces/otlp/genai.jsonl").toURI());
        assertThat(cli("import", "--source", "otlp", "--input", input.toString(), "--out", "queue").exitCode()).isZero();

        CliRun export = cli("review", "export", "--queue", "queue", "--status", "pending", "--out", "pending.jsonl");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("exported 3 item(s) pending to");
        CliRun run = cli("run", "--dataset", "pending.jsonl", "--metrics", "faithfulness", "--quiet", "--out", "scored");
        assertThat(run.exitCode()).as(run.err()).isZero();
        CliRun scores = cli("review", "scores", "--queue", "queue", "--from", "scored/report.json");

        assertThat(scores.exitCode()).as(scores.err()).isZero();
        assertThat(scores.out()).contains("written into 3 item(s)");
        List<Path> items;
        try (Stream<Path> files = Files.list(dir.resolve("queue"))) {
            items = files.sorted().toList();
        }
        for (Path item : items) {
            JsonNode node = new ObjectMapper().readTree(item.toFile());
            assertThat(node.at("/scores/faithfulness").isNumber()).as(item.toString()).isTrue();
        }
        assertThat(cli("review", "check", "--queue", "queue").exitCode()).isZero();
    }
}
