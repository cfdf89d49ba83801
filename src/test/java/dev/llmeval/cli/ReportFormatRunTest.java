package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.json has one key style, snake_case, details included, and numbers as numbers; a report
 * written before (camelCase details) still loads in report --from, compare and --baseline; the
 * HTML labels and colours by meaning and leaves out what does not apply.
 */
class ReportFormatRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEMO = Path.of("golden-sets/demo.jsonl").toAbsolutePath();

    @TempDir
    Path dir;

    private Path oldReport() throws IOException {
        Path file = dir.resolve("old/report.json");
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("/report/report-camel-case-details.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    /** Every object key of the document, with its path. */
    private static List<String> keys(JsonNode node, String path) {
        List<String> keys = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("metadata") && !path.endsWith("/prompts")) {
                    keys.add(path + "/" + e.getKey());
                    keys.addAll(keys(e.getValue(), path + "/" + e.getKey()));
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> keys.addAll(keys(item, path + "[]")));
        }
        return keys;
    }

    @Test
    void should_write_every_key_of_report_json_in_snake_case_details_included() throws IOException {
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", DEMO.toString(), "--quiet", "--out",
                dir.resolve("demo").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = JSON.readTree(dir.resolve("demo/report.json").toFile());
        assertThat(keys(report, "")).isNotEmpty().allSatisfy(key -> assertThat(key.substring(key.lastIndexOf('/') + 1))
                .as(key).matches("[a-z0-9_]+"));
        assertThat(report.at("/samples/0/scores/faithfulness/details/statements/0/best_evidence").isTextual()).isTrue();
        assertThat(report.at("/samples/0/scores/faithfulness/details/statements/0/verdict").isInt()).isTrue();
    }

    @Test
    void should_write_metrics_json_in_snake_case_with_numbers_as_numbers() throws IOException {
        CliRun result = CliRun.of(Map.of(), dir, "metrics", "--json");

        JsonNode metrics = JSON.readTree(result.out());
        assertThat(keys(metrics, "")).allSatisfy(key -> assertThat(key.substring(key.lastIndexOf('/') + 1))
                .as(key).matches("[a-z0-9_]+"));
        assertThat(metrics.findValues("calls_per_sample")).allSatisfy(n -> assertThat(n.isInt()).isTrue());
    }

    @Test
    void should_read_a_report_with_camel_case_details_in_report_compare_and_baseline() throws IOException {
        // given: a report.json written before details keys were snake_case
        Path old = oldReport();
        assertThat(Files.readString(old)).contains("\"bestEvidence\"", "\"missingNumbers\"");

        // when
        CliRun rerendered = CliRun.of(Map.of(), dir, "report", "--from", old.toString(), "--format", "json,html",
                "--out", dir.resolve("again").toString());
        CliRun compared = CliRun.of(Map.of(), dir, "compare", old.toString(), old.toString(), "--max-drop",
                "faithfulness=0.05");
        Path three = dir.resolve("three.jsonl");
        Files.writeString(three, String.join("\n", Files.readAllLines(DEMO).subList(0, 3)) + "\n");
        CliRun baseline = CliRun.of(Map.of(), dir, "run", "--dataset", three.toString(), "--quiet", "--baseline",
                old.toString(), "--max-drop", "faithfulness=0.05", "--out", dir.resolve("head").toString());

        // then
        assertThat(rerendered.exitCode()).as(rerendered.err()).isZero();
        String json = Files.readString(dir.resolve("again/report.json"));
        assertThat(json).contains("\"best_evidence\"", "\"missing_numbers\"").doesNotContain("\"bestEvidence\"");
        assertThat(Files.readString(dir.resolve("again/report.html")))
                .contains("closest context passage", "numbers not in the contexts").doesNotContain("bestEvidence");
        assertThat(compared.exitCode()).as(compared.err()).isZero();
        assertThat(compared.out()).containsPattern("baseline faithfulness .* OK \\(max drop 0\\.05");
        assertThat(baseline.exitCode()).as(baseline.err()).isZero();
        assertThat(baseline.out()).contains("baseline faithfulness", "(3 paired)");
    }

    @Test
    void should_leave_out_call_and_token_columns_of_an_offline_run_and_say_so() throws IOException {
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", DEMO.toString(), "--quiet", "--out",
                dir.resolve("offline").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String html = Files.readString(dir.resolve("offline/report.html"));
        assertThat(html).doesNotContain("judge calls", "<th data-type=\"num\">tokens</th>", "$0.0000")
                .contains("none: the offline judge makes no calls")
                // informative: yes and noncommittal: no are both good news, and coloured so
                .contains("<th>informative</th><th>noncommittal</th>",
                        "<td><span class=\"good\">yes</span></td><td><span class=\"good\">no</span></td>")
                .doesNotContain("<span class=\"yes\">", "<span class=\"no\">")
                .containsPattern("<h4>question parts covered</h4>|<th>closest context passage</th>");
    }
}
