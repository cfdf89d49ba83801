package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV as spreadsheets and pandas write it: a plain-text contexts cell is one context, a Python
 * list is read like a JSON array, a semicolon or tab export is read without being told, and the
 * missing-field count counts fields.
 */
class SpreadsheetCsvRunTest {

    @TempDir
    Path dir;

    private CliRun run(String content, String... extra) throws IOException {
        Path dataset = dir.resolve("gold.csv");
        Files.writeString(dataset, content);
        List<String> args = new ArrayList<>(List.of("run", "--dataset", dataset.toString(), "--quiet",
                "--metrics", "faithfulness,context_recall", "--out", dir.resolve("report").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("report/report.json").toFile());
    }

    @Test
    void should_score_a_plain_text_contexts_cell_as_one_context() throws IOException {
        CliRun result = run("""
                id,user_input,retrieved_contexts,response,reference
                q1,How long are snapshots kept?,"Snapshots are kept for 30 days, then pruned.",Snapshots are kept for 30 days.,30 days.
                """);

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode sample = report().at("/samples/0");
        assertThat(sample.at("/retrieved_contexts").size()).isEqualTo(1);
        assertThat(sample.at("/retrieved_contexts/0").asText()).isEqualTo("Snapshots are kept for 30 days, then pruned.");
        assertThat(sample.at("/scores/faithfulness/outcome").asText()).isEqualTo("scored");
    }

    @Test
    void should_read_python_lists_as_pandas_writes_them() throws IOException {
        CliRun result = run("""
                id,user_input,retrieved_contexts,response,reference
                q1,How long are snapshots kept?,"['Snapshots are kept for 30 days.', ""The admin can't change it.""]",Snapshots are kept for 30 days.,30 days.
                """);

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode contexts = report().at("/samples/0/retrieved_contexts");
        assertThat(contexts.size()).isEqualTo(2);
        assertThat(contexts.get(1).asText()).isEqualTo("The admin can't change it.");
    }

    @Test
    void should_read_a_semicolon_export_without_being_told() throws IOException {
        StringBuilder csv = new StringBuilder("id;user_input;retrieved_contexts;response;reference\r\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("q").append(i).append(";How long, in days, are snapshots kept?;")
                    .append("Snapshots are kept for 30 days, then pruned.;Snapshots are kept for 30 days.;30 days.\r\n");
        }

        CliRun result = run(csv.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(report().at("/metrics/faithfulness/scored").asInt()).isEqualTo(20);
        assertThat(report().at("/samples/0/user_input").asText()).isEqualTo("How long, in days, are snapshots kept?");
    }

    @Test
    void should_read_tabs_when_told_and_refuse_a_delimiter_that_cannot_be_one() throws IOException {
        String tsv = "user_input\tretrieved_contexts\tresponse\treference\n"
                + "How long are snapshots kept?\tSnapshots are kept for 30 days.\t30 days.\t30 days.\n";

        CliRun told = run(tsv, "--csv-delimiter", "tab");
        CliRun bad = run(tsv, "--csv-delimiter", "ab");

        assertThat(told.exitCode()).as(told.err()).isZero();
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo(
                "llmeval: --csv-delimiter 'ab': expected one character such as , or ; or |, or tab");
    }

    @Test
    void should_count_the_missing_fields_not_the_sample_metric_pairs() throws IOException {
        StringBuilder csv = new StringBuilder("id,user_input,retrieved_contexts,reference\n");
        for (int i = 1; i <= 20; i++) {
            csv.append("q").append(i).append(",Q?,a context,a reference\n");
        }

        Path dataset = dir.resolve("no-response.csv");
        Files.writeString(dataset, csv.toString());

        // both metrics need the response: 20 missing fields, 40 sample x metric pairs
        CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString(), "--quiet",
                "--metrics", "faithfulness,answer_relevancy");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("no-response.csv:2 (row 1): field 'response' is missing")
                .endsWith("(and 19 more missing fields)\n");
    }
}
