package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmeval.testing.FakeOpenAiServer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens and cost: accounting, the --max-cost budget and the --dry-run estimate. */
class BudgetAndDryRunIT {

    @RegisterExtension
    final JudgeRun judge = new JudgeRun();

    @Test
    void should_price_the_tokens_of_a_known_model() {
        CliRun result = judge.run("--judge-model", "gpt-4o-mini", "--metrics", "context_recall");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode accounting = judge.report().at("/run/accounting");
        // the fake server reports 120 prompt and 30 completion tokens a call; gpt-4o-mini: $0.15 / $0.60 per 1M
        assertThat(accounting.path("judge_calls").asInt()).isEqualTo(3);
        assertThat(accounting.path("input_tokens").asInt()).isEqualTo(360);
        assertThat(accounting.path("output_tokens").asInt()).isEqualTo(90);
        assertThat(accounting.path("cost_usd").asDouble()).isCloseTo(3 * (120 * 0.15 + 30 * 0.60) / 1e6,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(judge.report().at("/metrics/context_recall/cost_usd").asDouble())
                .isCloseTo(accounting.path("cost_usd").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.out()).contains("judge: 3 calls", "360 input + 90 output tokens", "cost $0.0001");
    }

    @Test
    void should_flag_an_unpriced_model() {
        CliRun result = judge.run("--metrics", "context_recall");

        assertThat(judge.report().at("/run/accounting/unpriced_models/0").asText()).isEqualTo("test-judge");
        assertThat(result.out()).contains("no price for test-judge");
    }

    @Test
    void should_send_only_the_calls_whose_estimated_cost_still_fits_the_budget() {
        // given: the server counts the real tokens; one call costs about $0.00007 with gpt-4o-mini
        judge.server().countingTokens();

        // when
        CliRun result = judge.run("--judge-model", "gpt-4o-mini", "--metrics", "faithfulness,context_recall",
                "--concurrency", "1", "--max-cost", "0.0002");

        // then: never more than the budget, and every job that was not scored says why
        assertThat(result.exitCode()).isEqualTo(5);
        JsonNode report = judge.report();
        double spent = report.at("/run/accounting/cost_usd").asDouble();
        assertThat(spent).isPositive().isLessThanOrEqualTo(0.0002);
        assertThat(judge.server().chatRequests()).hasSizeBetween(1, 8);
        String stopped = "the --max-cost budget of $0.0002 has no room for the next call (about $0.0001)";
        assertThat(report.at("/run/stopped").asText()).isEqualTo(stopped);
        assertThat(result.err()).contains("run stopped early (partial report written): " + stopped + "; spent "
                + String.format(Locale.ROOT, "$%.4f", spent) + " of $0.0002");
        assertThat(result.out()).contains(String.format(Locale.ROOT, "cost $%.4f", spent));
        assertThat(report.at("/samples").size()).isEqualTo(3);
        assertThat(report.at("/samples").findValues("outcome").stream().map(JsonNode::asText))
                .doesNotContain("error").contains("skipped");
        assertThat(report.at("/samples").findValues("reason").stream().map(JsonNode::asText)
                .filter(r -> r.equals("not scored: the run stopped early (" + stopped + ")")))
                .isNotEmpty();
    }

    @Test
    void should_not_overshoot_the_budget_with_eight_calls_in_flight_on_the_demo_set() throws Exception {
        // given: the demo set costs about $0.008 with gpt-4o-mini; calls take 50 ms, so 8 overlap
        try (FakeOpenAiServer server = new FakeOpenAiServer(50, 0).countingTokens()) {
            // when
            CliRun result = CliRun.of(Map.of(), judge.dir(), "run", "--dataset",
                    Path.of("golden-sets/demo.jsonl").toAbsolutePath().toString(), "--judge", "openai",
                    "--judge-base-url", server.baseUrl(), "--judge-model", "gpt-4o-mini", "--concurrency", "8",
                    "--max-cost", "0.003", "--no-cache", "--out", judge.dir().resolve("report").toString());

            // then
            assertThat(result.exitCode()).as(result.err()).isEqualTo(5);
            JsonNode report = judge.report();
            double spent = report.at("/run/accounting/cost_usd").asDouble();
            assertThat(spent).isGreaterThan(0.002).isLessThanOrEqualTo(0.003);
            assertThat(result.err()).containsPattern("run stopped early \\(partial report written\\): the --max-cost budget"
                    + " of \\$0\\.0030 has no room for the next call \\(about \\$0\\.\\d{4}\\); spent "
                    + String.format(Locale.ROOT, "\\$%.4f", spent).replace(".", "\\.") + " of \\$0\\.0030");
            assertThat(result.out()).contains(String.format(Locale.ROOT, "cost $%.4f", spent));
            JsonNode samples = report.at("/samples");
            assertThat(samples.findValues("outcome").stream().map(JsonNode::asText)).doesNotContain("error");
            long skipped = samples.findValues("reason").stream().map(JsonNode::asText)
                    .filter(r -> r.startsWith("not scored: the run stopped early (the --max-cost budget of $0.0030 has"
                            + " no room for the next call"))
                    .count();
            assertThat(skipped).isEqualTo(samples.findValues("outcome").stream()
                    .filter(o -> o.asText().equals("skipped")).count()).isPositive();
        }
    }

    @Test
    void should_estimate_calls_tokens_and_cost_without_calling_anything() {
        CliRun result = judge.run("--judge-model", "gpt-4o-mini", "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(judge.server().chatRequests()).isEmpty();
        assertThat(result.out()).contains("dry run: 3 samples x 4 metrics", "nothing is called");
        assertThat(result.out().lines().filter(l -> l.startsWith("faithfulness")).findFirst().orElseThrow())
                .matches("faithfulness\\s+6\\s+\\d+\\s+\\d+\\s+0\\.\\d{4}");
        assertThat(result.out().lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow())
                .matches("total\\s+15\\s+\\d+\\s+\\d+\\s+0\\.\\d{4}");
        assertThat(result.out()).contains("per sample (the run's total / 3): 5.0 calls");
        assertThat(judge.dir().resolve("report/report.json")).doesNotExist();
    }

    @Test
    void should_count_one_call_per_chunk_in_the_per_chunk_estimate() {
        CliRun result = judge.run("--dry-run", "--per-chunk", "--metrics", "context_precision");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().filter(l -> l.startsWith("context_precision")).findFirst().orElseThrow())
                .matches("context_precision\\s+5\\s+.*");
    }
}
