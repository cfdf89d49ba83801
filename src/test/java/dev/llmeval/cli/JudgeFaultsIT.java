package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transport faults of a loopback judge: retried, or failed fast; no sample ever goes missing. */
class JudgeFaultsIT {

    @RegisterExtension
    final JudgeRun judge = new JudgeRun();

    private void assertAllScored(JsonNode report, String metric, double mean) {
        assertThat(report.at("/samples").size()).isEqualTo(3);
        assertThat(report.at("/metrics/" + metric + "/scored").asInt()).isEqualTo(3);
        assertThat(report.at("/metrics/" + metric + "/errors").asInt()).isZero();
        assertThat(report.at("/metrics/" + metric + "/mean").asDouble()).isEqualTo(mean);
    }

    @Test
    void should_wait_for_retry_after_and_score_every_sample_when_a_429_clears() {
        judge.server().retryAfter("1").failNext(429);

        CliRun result = judge.run("--metrics", "context_recall", "--concurrency", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertAllScored(judge.report(), "context_recall", 0.5);
        assertThat(judge.report().at("/run/accounting/retries").asInt()).isEqualTo(1);
        assertThat(judge.server().chatRequests()).hasSize(4);
    }

    @Test
    void should_print_a_line_while_it_waits_for_a_long_retry_after() {
        judge.server().retryAfter("5").failNext(429);

        CliRun result = judge.run("--metrics", "context_recall", "--concurrency", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().lines().filter(l -> l.contains("asked to wait")))
                .singleElement().asString()
                .startsWith("llmeval: the judge asked to wait 5 s (HTTP 429, Retry-After); retrying at ");
        assertAllScored(judge.report(), "context_recall", 0.5);
    }

    @Test
    void should_retry_server_errors_and_score_every_sample_when_two_500s_clear() {
        judge.server().failNext(500, 500);

        CliRun result = judge.run("--metrics", "context_recall", "--concurrency", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertAllScored(judge.report(), "context_recall", 0.5);
        assertThat(judge.report().at("/run/accounting/retries").asInt()).isEqualTo(2);
        assertThat(judge.server().chatRequests()).hasSize(5);
    }

    @Test
    void should_retry_a_call_that_hangs_past_the_timeout() {
        judge.server().delayNext(4_000);

        CliRun result = judge.run("--metrics", "context_recall", "--concurrency", "1", "--judge-timeout", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertAllScored(judge.report(), "context_recall", 0.5);
        assertThat(judge.report().at("/run/accounting/retries").asInt()).isEqualTo(1);
    }

    @Test
    void should_fail_fast_with_exit_5_and_no_retry_when_the_key_is_rejected() {
        judge.server().failAlways(401);

        CliRun result = judge.run();

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(judge.server().chatRequests()).hasSize(1);
        assertThat(result.err().strip().lines().reduce((a, b) -> b).orElse(""))
                .startsWith("llmeval: judge failed before scoring").doesNotContain("\tat ");
    }

    @Test
    void should_fail_fast_with_exit_5_when_the_judge_cannot_be_reached() {
        String unreachable = judge.server().baseUrl();
        judge.server().close();

        CliRun result = CliRun.of(java.util.Map.of(), judge.dir(), "run", "--dataset", judge.dir().resolve("golden.jsonl").toString(),
                "--judge", "openai", "--judge-base-url", unreachable, "--judge-model", "m", "--judge-timeout", "2",
                "--out", judge.dir().resolve("report").toString());

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("judge failed before scoring");
        assertThat(judge.dir().resolve("report/report.json")).doesNotExist();
    }
}
