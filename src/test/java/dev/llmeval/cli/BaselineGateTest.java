package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --baseline, --max-drop, --pass-rate and `llmeval compare`, with the offline judge. */
class BaselineGateTest {

    private static final String GOOD = """
            {"id": "a", "user_input": "How long are snapshots kept?", "response": "Snapshots are kept for 30 days.", "retrieved_contexts": ["Snapshots are kept for 30 days by default."]}
            {"id": "b", "user_input": "Which port does it use?", "response": "It listens on port 8420.", "retrieved_contexts": ["The server listens on port 8420."]}
            {"id": "c", "user_input": "Is there a CLI?", "response": "Yes, the tidewater CLI.", "retrieved_contexts": ["The tidewater CLI manages backups."]}
            """;

    @TempDir
    Path dir;

    private CliRun run(String dataset, String out, String... extra) throws IOException {
        return CliRun.faithfulness(dir, dataset, out, extra);
    }

    @Test
    void should_fail_a_run_whose_mean_dropped_more_than_allowed_against_the_baseline() throws IOException {
        assertThat(run(GOOD, "main").exitCode()).isZero();
        String worse = GOOD.replace("It listens on port 8420.", "It listens on port 9999 behind Nginx.");

        CliRun head = run(worse, "head", "--baseline", dir.resolve("main/report.json").toString(),
                "--max-drop", "faithfulness=0.1");
        CliRun lenient = run(worse, "head2", "--baseline", dir.resolve("main/report.json").toString(),
                "--max-drop", "faithfulness=0.9");

        assertThat(head.exitCode()).isEqualTo(1);
        assertThat(head.out()).contains("baseline faithfulness", "3 paired", "regressed most: b");
        var failure = new ObjectMapper().readTree(dir.resolve("head/report.json").toFile()).at("/gate/failures/0");
        assertThat(failure.path("metric").asText()).isEqualTo("faithfulness");
        assertThat(failure.path("message").asText()).startsWith("dropped").contains("vs baseline", "95% CI");
        assertThat(lenient.exitCode()).isZero();
        var baseline = new ObjectMapper().readTree(dir.resolve("head/report.json").toFile()).at("/run/baseline");
        assertThat(baseline.path("path").asText()).endsWith("report.json");
        assertThat(baseline.at("/metrics/0/metric").asText()).isEqualTo("faithfulness");
        assertThat(baseline.at("/metrics/0/paired").asInt()).isEqualTo(3);
        assertThat(baseline.at("/metrics/0/delta").asDouble()).isNegative();
        assertThat(baseline.at("/metrics/0/ci_low").asDouble()).isLessThanOrEqualTo(baseline.at("/metrics/0/ci_high").asDouble());
        assertThat(baseline.at("/metrics/0/regressed_most/0/id").asText()).isEqualTo("b");
    }

    @Test
    void should_put_the_baseline_comparison_in_the_markdown_summary() throws IOException {
        run(GOOD, "main");

        CliRun head = run(GOOD.replace("It listens on port 8420.", "It listens on port 9999 behind Nginx."), "head",
                "--baseline", dir.resolve("main/report.json").toString(), "--max-drop", "faithfulness=0.1",
                "--format", "markdown");

        assertThat(head.exitCode()).isEqualTo(1);
        String summary = Files.readString(dir.resolve("head/summary.md"));
        assertThat(summary).contains("### Against the baseline", "| `faithfulness` | 1.000 |", "| 3 | b |");
        assertThat(summary).contains("dropped").doesNotContain("- `faithfulness`: mean");
    }

    @Test
    void should_compare_two_saved_reports_without_rerunning() throws IOException {
        run(GOOD, "main");
        run(GOOD.replace("It listens on port 8420.", "It listens on port 9999 behind Nginx."), "head");

        CliRun strict = CliRun.of(Map.of(), dir, "compare", dir.resolve("main/report.json").toString(),
                dir.resolve("head/report.json").toString(), "--max-drop", "faithfulness=10%");
        CliRun none = CliRun.of(Map.of(), dir, "compare", dir.resolve("main/report.json").toString(),
                dir.resolve("head/report.json").toString());

        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("compare: FAILED - faithfulness: dropped");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).contains("compare: PASSED (no --max-drop set)", "delta -");
    }

    @Test
    void should_gate_on_the_share_of_samples_reaching_the_threshold() throws IOException {
        String oneBad = GOOD.replace("It listens on port 8420.", "It listens on port 9999 behind Nginx.");

        CliRun strict = run(oneBad, "strict", "--threshold", "faithfulness=0.5", "--pass-rate", "0.9");
        CliRun lenient = run(oneBad, "lenient", "--threshold", "faithfulness=0.5", "--pass-rate", "0.6");

        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("pass rate");
        assertThat(lenient.exitCode()).isZero();
    }

    @Test
    void should_gate_per_sample_instead_of_on_the_mean_when_a_pass_rate_is_set() throws IOException {
        // given: two of three samples fully supported, so the mean is below 0.9 but 2/3 of the samples reach it
        String oneBad = GOOD.replace("It listens on port 8420.", "It listens on port 9999 behind Nginx.");

        // when
        CliRun onMean = run(oneBad, "mean", "--threshold", "faithfulness=0.9");
        CliRun perSample = run(oneBad, "rate", "--threshold", "faithfulness=0.9", "--pass-rate", "0.6");

        // then
        assertThat(onMean.exitCode()).isEqualTo(1);
        assertThat(onMean.out()).contains("gate: FAILED - faithfulness");
        assertThat(perSample.exitCode()).isZero();
        assertThat(perSample.out()).contains("gate: PASSED");
        var report = new ObjectMapper().readTree(dir.resolve("rate/report.json").toFile());
        assertThat(report.at("/metrics/faithfulness/mean").asDouble()).isLessThan(0.9);
        assertThat(report.at("/gate/passed").asBoolean()).isTrue();
    }

    @Test
    void should_refuse_a_max_drop_on_a_misspelt_metric_as_a_usage_error_not_a_regression() throws IOException {
        // given
        run(GOOD, "main");
        String baseline = dir.resolve("main/report.json").toString();

        // when
        CliRun misspelt = run(GOOD, "head", "--baseline", baseline, "--max-drop", "faithfulnes=0.1");
        CliRun notScored = run(GOOD, "head2", "--baseline", baseline, "--max-drop", "context_recall=0.1");
        CliRun compared = CliRun.of(Map.of(), dir, "compare", baseline, baseline, "--max-drop", "faithfulnes=0.1");

        // then
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).contains("--max-drop faithfulnes=...: unknown metric 'faithfulnes' (scored: faithfulness)");
        assertThat(notScored.exitCode()).isEqualTo(2);
        assertThat(notScored.err()).contains("this run does not score context_recall");
        assertThat(compared.exitCode()).isEqualTo(2);
        assertThat(compared.err()).contains("unknown metric 'faithfulnes', in neither report (faithfulness)");
    }

    @Test
    void should_say_nothing_was_scored_when_a_metric_with_a_max_drop_was_run_but_never_scored() throws IOException {
        // given: the offline judge skips noise sensitivity on every sample, in both runs
        String withReference = GOOD.replace("\"retrieved_contexts\"", "\"reference\": \"See the docs.\", \"retrieved_contexts\"");
        String[] metrics = {"--metrics", "noise_sensitivity_relevant"};
        assertThat(run(withReference, "main", metrics).exitCode()).isZero();

        // when
        CliRun head = run(withReference, "head", "--metrics", "noise_sensitivity_relevant", "--baseline",
                dir.resolve("main/report.json").toString(), "--max-drop", "noise_sensitivity_relevant=0.1");

        // then: not "the metric was not run in both", which it was
        assertThat(head.exitCode()).isEqualTo(1);
        assertThat(head.out()).contains("baseline noise_sensitivity_relevant: no sample scored in both runs",
                "noise_sensitivity_relevant: no sample scored in both the baseline and this run");
    }

    @Test
    void should_refuse_max_drop_without_a_baseline() throws IOException {
        CliRun result = run(GOOD, "out", "--max-drop", "faithfulness=0.1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--max-drop and --significant-only need --baseline");
    }

    @Test
    void should_exit_3_when_the_baseline_is_not_a_report() throws IOException {
        Path notReport = dir.resolve("x.json");
        Files.writeString(notReport, "{\"hello\": 1}");

        CliRun result = run(GOOD, "out", "--baseline", notReport.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("x.json");
    }

    @Test
    void should_write_a_saved_runs_reports_again_without_rescoring() throws IOException {
        run(GOOD, "main", "--format", "json,markdown");
        String direct = Files.readString(dir.resolve("main/summary.md"));
        Files.delete(dir.resolve("main/summary.md"));

        CliRun again = CliRun.of(Map.of(), dir, "report", "--from", dir.resolve("main/report.json").toString(),
                "--format", "markdown,html", "--out", dir.resolve("again").toString());

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(dir.resolve("again/summary.md"))).isEqualTo(direct);
        assertThat(dir.resolve("again/report.html")).exists();
        assertThat(again.out()).contains("summary.md", "report.html");
    }

    @Test
    void should_exit_3_when_report_from_is_not_a_report() throws IOException {
        Path notReport = dir.resolve("x.json");
        Files.writeString(notReport, "[1, 2]");

        CliRun result = CliRun.of(Map.of(), dir, "report", "--from", notReport.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("x.json: not an llmeval report.json");
    }
}
