package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --dry-run table: nothing is called (the judge URL is a closed port) and the columns line up. */
class DryRunTableTest {

    @TempDir
    Path dir;

    @Test
    void should_align_the_columns_when_a_metric_id_is_longer_than_twenty_characters() throws IOException {
        // given
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), "{\"user_input\": \"Where is Paris?\","
                + " \"response\": \"In France.\", \"retrieved_contexts\": [\"Paris is in France.\"],"
                + " \"reference\": \"Paris is in France.\"}\n");

        // when
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString(), "--dry-run",
                "--judge", "openai-compatible", "--judge-base-url", "http://127.0.0.1:9/v1", "--judge-model", "m",
                "--metrics", "noise_sensitivity_irrelevant,faithfulness");

        // then: every row of the table has the header's length, so each column starts at the same place
        assertThat(result.exitCode()).isZero();
        List<String> table = result.out().lines()
                .filter(l -> l.startsWith("metric ") || l.startsWith("noise_") || l.startsWith("faithfulness ")
                        || l.startsWith("total "))
                .toList();
        assertThat(table).hasSize(4);
        assertThat(table).allSatisfy(line -> assertThat(line).hasSameSizeAs(table.get(0)));
        assertThat(table.get(1)).matches("noise_sensitivity_irrelevant +2 +\\d+ +\\d+ +unpriced");
    }
}
