package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From production traces to a scored golden set, through the real command line: import (three
 * sources) → review accept → check → promote → run, then a second promotion and a run against the
 * first as baseline. No personal data planted in the exports may appear in any file written.
 */
class ProductionFlowTest {

    /** Values planted in the fixtures that the redactor must replace before anything is written. */
    private static final List<String> PLANTED = List.of("dana.whitfield@fastmail.com", "415-867-5309", "+44 7911 123456",
            "7911 123456", "4111 1111 1111 1111", "ops-lead@northwind.io");

    @TempDir
    Path dir;

    private static Path fixture(String relative) throws URISyntaxException {
        return Path.of(ProductionFlowTest.class.getResource("/traces/" + relative).toURI());
    }

    private CliRun cli(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void should_have_the_planted_values_in_the_exports_so_that_the_grep_is_not_blind() throws Exception {
        StringBuilder exports = new StringBuilder();
        for (String f : List.of("otlp/genai.jsonl", "langfuse/observations-page.json", "langfuse/traces.jsonl",
                "langsmith/runs.json")) {
            exports.append(Files.readString(fixture(f)));
        }
        for (String value : PLANTED) {
            assertThat(exports.toString()).contains(value);
        }
    }

    @Test
    void should_go_from_traces_to_a_versioned_golden_set_scored_by_run_without_writing_personal_data() throws Exception {
        CliRun otlp = cli("import", "--source", "otlp", "--input", fixture("otlp").toString(), "--out", "queue",
                "--sample-rate", "1");
        assertThat(otlp.exitCode()).as(otlp.err()).isZero();
        assertThat(otlp.out()).contains("import: 5 traces").contains("1 without captured content (not queued), 4 with content")
                .contains("queue: 4 new pending item(s)");
        CliRun langfuse = cli("import", "--source", "langfuse", "--input", fixture("langfuse").toString(), "--out", "queue",
                "--sample-rate", "0");
        assertThat(langfuse.exitCode()).as(langfuse.err()).isZero();
        // rate 0: only the always-include rules keep traces (trace-g errored, trace-h has thumbs down and a refusal)
        assertThat(langfuse.out()).contains("always:error 1").contains("always:negative_feedback:user-feedback 1");

        List<Path> items = itemFiles();
        assertThat(items).hasSize(6);
        Path one = items.get(0);
        List<String> before = Files.readAllLines(one);
        String id = one.getFileName().toString().replace(".json", "");

        CliRun accept = cli("review", "accept", "--queue", "queue", id);
        assertThat(accept.exitCode()).as(accept.err()).isZero();
        List<String> after = Files.readAllLines(one);
        assertThat(changedLines(before, after)).containsExactly("    \"status\": \"accepted\",");

        for (Path item : items.subList(1, 4)) {
            assertThat(cli("review", "accept", "--queue", "queue", item.getFileName().toString().replace(".json", ""))
                    .exitCode()).isZero();
        }
        assertThat(cli("review", "reject", "--queue", "queue", "--note", "off-topic",
                items.get(4).getFileName().toString().replace(".json", "")).exitCode()).isZero();
        CliRun list = cli("review", "list", "--queue", "queue", "--status", "accepted");
        assertThat(list.out()).contains("4 item(s) accepted");
        assertThat(cli("review", "check", "--queue", "queue").exitCode()).isZero();

        CliRun promote = cli("review", "promote", "--queue", "queue", "--golden-set", "gold.jsonl");
        assertThat(promote.exitCode()).as(promote.err()).isZero();
        assertThat(promote.out()).contains("promoted 4 item(s) to").contains("version 1, 4 samples")
                .containsPattern("sha256 [0-9a-f]{64}");
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("gold.jsonl.meta.json").toFile());
        assertThat(meta.path("version").asInt()).isEqualTo(1);
        assertThat(meta.path("count").asInt()).isEqualTo(4);
        assertThat(meta.path("changelog")).hasSize(1);

        CliRun run = cli("run", "--dataset", "gold.jsonl", "--metrics", "faithfulness", "--quiet", "--out", "report1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report1/report.json").toFile());
        assertThat(report.at("/run/dataset/version").asInt()).isEqualTo(1);
        assertThat(report.at("/run/dataset/sha256").asText()).isEqualTo(meta.path("sha256").asText());

        // a second source, promoted as version 2, then a run against the first
        assertThat(cli("import", "--source", "langsmith", "--input", fixture("langsmith/runs.json").toString(),
                "--out", "queue").exitCode()).isZero();
        for (Path item : itemFiles()) {
            // the errored LangSmith trace has no answer: a candidate for a --target run, not for this one
            if (item.getFileName().toString().startsWith("langsmith-") && Files.readString(item).contains("\"response\"")) {
                assertThat(cli("review", "accept", "--queue", "queue", "--reference", "Five on Personal, unlimited on Business.",
                        item.getFileName().toString().replace(".json", "")).exitCode()).isZero();
            }
        }
        CliRun second = cli("review", "promote", "--queue", "queue", "--golden-set", "gold.jsonl");
        assertThat(second.out()).contains("4 accepted item(s) already in").contains("version 2, 5 samples");
        CliRun baseline = cli("run", "--dataset", "gold.jsonl", "--metrics", "faithfulness", "--quiet", "--out", "report2",
                "--baseline", "report1/report.json");
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();
        assertThat(baseline.out()).containsPattern("baseline: changed since the baseline run: the golden set \\(version 1 -> 2, "
                + "sha256 [0-9a-f]{8} -> [0-9a-f]{8}\\)");

        assertNoPlantedValueIn(dir);
    }

    private List<Path> itemFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("queue"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<String> changedLines(List<String> before, List<String> after) {
        assertThat(after).hasSameSizeAs(before);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(after.get(i));
            }
        }
        return changed;
    }

    /** Greps every file under {@code root} (queue, golden set, sidecar, reports) for every planted value. */
    static void assertNoPlantedValueIn(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String value : PLANTED) {
                assertThat(text).as(file + " holds a planted value").doesNotContain(value);
            }
        }
    }
}
