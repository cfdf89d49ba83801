package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A run that stopped early exits 4, 5 or 130 whatever its partial results say, so no view may
 * call it PASSED or FAILED: that is the verdict of a quality gate (exit 0 or 1).
 */
class PartialRunVerdictTest {

    private static RunReport stopped(RunReport r) {
        RunInfo run = r.run();
        RunInfo partial = new RunInfo(run.started(), run.finished(), run.durationMs(), run.judge(), run.embeddings(),
                run.dataset(), run.metricsRequested(), run.prompts(), run.usage(),
                "more than 5 errors (--max-errors)", run.accounting(), run.target(), run.baseline());
        return new RunReport(r.tool(), partial, r.metrics(), r.samples(), r.gate());
    }

    @Test
    void should_call_a_stopped_run_incomplete_in_every_view_when_its_partial_results_pass() {
        // given: thresholds met by the jobs that ran
        RunReport report = stopped(SampleRuns.passingReport());
        assertThat(report.gate().passed()).isTrue();

        // when
        String console = ConsoleSummary.render(report);
        String markdown = MarkdownReport.render(report);
        String html = HtmlReport.render(report);

        // then
        assertThat(console).endsWith(
                "\ngate: INCOMPLETE (the run stopped early; the jobs that ran: PASSED (1 threshold met))\n");
        assertThat(markdown).startsWith("## llmeval: INCOMPLETE\n").contains("**Partial run:**");
        assertThat(html).contains("<span class=\"verdict incomplete\">INCOMPLETE</span>")
                .doesNotContain("verdict passed");
    }

    @Test
    void should_call_a_stopped_run_incomplete_but_keep_the_failures_when_its_partial_results_fail() {
        // given
        RunReport report = stopped(SampleRuns.failingReport());

        // when
        String console = ConsoleSummary.render(report);
        String html = HtmlReport.render(report);

        // then
        assertThat(console).contains("gate: INCOMPLETE (the run stopped early; the jobs that ran: FAILED - "
                + "context_recall 0.750 < 0.900)");
        assertThat(MarkdownReport.render(report)).startsWith("## llmeval: INCOMPLETE\n");
        assertThat(html).contains("<span class=\"verdict incomplete\">INCOMPLETE</span>", "context_recall: mean 0.750");
    }
}
