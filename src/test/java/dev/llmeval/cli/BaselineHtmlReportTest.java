package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run with --baseline shows the comparison in report.html, and `llmeval report --from` writes it again. */
class BaselineHtmlReportTest {

    private static final String MAIN = """
            {"id": "a", "user_input": "How long are snapshots kept?", "response": "Snapshots are kept for 30 days.", "retrieved_contexts": ["Snapshots are kept for 30 days by default."]}
            {"id": "b", "user_input": "Which port does it use?", "response": "It listens on port 8420.", "retrieved_contexts": ["The server listens on port 8420."]}
            {"id": "gone", "user_input": "Is there a CLI?", "response": "Yes, the tidewater CLI.", "retrieved_contexts": ["The tidewater CLI manages backups."]}
            """;

    /** b got worse, gone was dropped and new is new. */
    private static final String HEAD = """
            {"id": "a", "user_input": "How long are snapshots kept?", "response": "Snapshots are kept for 30 days.", "retrieved_contexts": ["Snapshots are kept for 30 days by default."]}
            {"id": "b", "user_input": "Which port does it use?", "response": "It listens on port 9999 behind Nginx.", "retrieved_contexts": ["The server listens on port 8420."]}
            {"id": "new", "user_input": "Is there a CLI?", "response": "Yes, the tidewater CLI.", "retrieved_contexts": ["The tidewater CLI manages backups."]}
            """;

    @TempDir
    Path dir;

    private CliRun run(String dataset, String out, String... extra) throws IOException {
        return CliRun.faithfulness(dir, dataset, out, extra);
    }

    @Test
    void should_show_the_baseline_comparison_in_the_html_report_and_write_it_again_from_the_json() throws IOException {
        // given
        assertThat(run(MAIN, "main").exitCode()).isZero();

        // when
        CliRun head = run(HEAD, "head", "--baseline", dir.resolve("main/report.json").toString(),
                "--max-drop", "faithfulness=0.1");
        CliRun again = CliRun.of(Map.of(), dir, "report", "--from", dir.resolve("head/report.json").toString(),
                "--format", "html", "--out", dir.resolve("again").toString());

        // then
        assertThat(head.exitCode()).isEqualTo(1);
        String html = Files.readString(dir.resolve("head/report.html"));
        assertThat(html).contains("<h2 id=\"baseline\">Against the baseline</h2>",
                "<p>allowed drop 0.100 <span class=\"flag fail\">REGRESSED</span></p>",
                "<td class=\"mono\"><a href=\"#sample-2\">b</a></td>",
                "<td class=\"ids\">gone</td><td class=\"ids\"><a href=\"#sample-3\">new</a></td>");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(dir.resolve("again/report.html"))).isEqualTo(html);
    }
}
