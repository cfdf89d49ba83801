package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 15 MB response: report.json keeps it whole, report.html and summary.md cut it. */
class HugeInputRunTest {

    private static final int LENGTH = 15_000_000;

    @TempDir
    Path dir;

    @Test
    void should_keep_a_huge_response_whole_in_report_json_and_cut_it_in_html_and_markdown() throws Exception {
        // given
        String response = "All work and no play makes a dull answer. ".repeat(LENGTH / 42 + 1).substring(0, LENGTH);
        Path dataset = dir.resolve("golden.jsonl");
        Files.writeString(dataset, "{\"id\": \"huge\", \"user_input\": \"Q?\", \"response\": \"" + response
                + "\", \"reference\": \"A.\", \"retrieved_contexts\": [\"" + response + "\"]}\n"
                + "{\"id\": \"small\", \"user_input\": \"Q?\", \"response\": \"A.\", \"reference\": \"A.\"}\n");

        // when
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString(), "--metrics",
                "exact_match,string_presence", "--format", "json,html,junit,markdown", "--out",
                dir.resolve("out").toString(), "--quiet");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        ObjectMapper json = new ObjectMapper(JsonFactory.builder().streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());
        JsonNode report = json.readTree(dir.resolve("out/report.json").toFile());
        assertThat(report.at("/samples/0/response").asText()).isEqualTo(response);
        assertThat(report.at("/samples/0/retrieved_contexts/0").asText()).hasSize(LENGTH);
        assertThat(Files.size(dir.resolve("out/report.html"))).isLessThan(200_000);
        assertThat(Files.readString(dir.resolve("out/report.html")))
                .contains("14,998,000 more characters (the full text is in report.json)");
        assertThat(Files.size(dir.resolve("out/summary.md"))).isLessThan(60_000);
        assertThat(Files.size(dir.resolve("out/junit.xml"))).isLessThan(200_000);

        // and written again from report.json, the same page
        CliRun again = CliRun.of(Map.of(), dir, "report", "--from", dir.resolve("out/report.json").toString(),
                "--out", dir.resolve("again").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(dir.resolve("again/report.html")))
                .isEqualTo(Files.readString(dir.resolve("out/report.html")));
    }
}
