package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run.dataset.version} in report.json, reports without it, and what changed since a baseline run. */
class DatasetVersionTest {

    @TempDir
    Path dir;

    @Test
    void should_write_the_dataset_version_as_null_when_unknown_and_read_a_report_without_it() throws IOException {
        String json = JsonReport.toJson(SampleRuns.failingReport());
        assertThat(json).contains("\"version\": null");
        Path old = dir.resolve("old.json");
        Files.writeString(old, json.replaceAll(",\\s*\"version\": null", ""));

        RunReport read = ReportReader.read(old);

        assertThat(read.run().dataset().version()).isNull();
        assertThat(BaselineRun.read(old).datasetVersion()).isNull();
    }

    @Test
    void should_say_which_golden_set_version_and_prompts_changed_since_the_baseline() {
        BaselineRun before = new BaselineRun("aaaaaaaa11", 3, Map.of("faithfulness/statements", "h1",
                "faithfulness/verdicts", "h2", "context_recall/attribution", "h3"));
        DatasetInfo now = new DatasetInfo("gold.jsonl", "bbbbbbbb22", "jsonl", 210, 4);

        assertThat(before.changes(now, Map.of("faithfulness/statements", "h1", "faithfulness/verdicts", "h9",
                "context_recall/attribution", "h3"))).containsExactly(
                "changed since the baseline run: the golden set (version 3 -> 4, sha256 aaaaaaaa -> bbbbbbbb)",
                "changed since the baseline run: judge prompt(s) faithfulness/verdicts");
        assertThat(before.changes(new DatasetInfo("gold.jsonl", "AAAAAAAA11", "jsonl", 200, 3),
                Map.of("faithfulness/statements", "h1", "faithfulness/verdicts", "h2", "context_recall/attribution", "h3")))
                .isEmpty();
    }
}
