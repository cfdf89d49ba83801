package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
    void should_stop_before_spending_more_than_the_budget() {
        // one call costs $0.000036; the budget allows three
        CliRun result = judge.run("--judge-model", "gpt-4o-mini", "--metrics", "faithfulness,context_recall",
                "--concurrency", "1", "--max-cost", "0.0001");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("cost budget exceeded");
        assertThat(judge.server().chatRequests()).hasSize(3);
        JsonNode report = judge.report();
        assertThat(report.at("/run/stopped").asText()).contains("cost budget exceeded");
        assertThat(report.at("/run/accounting/cost_usd").asDouble()).isLessThanOrEqualTo(0.0001 + 0.000036);
        assertThat(report.at("/samples").size()).isEqualTo(3);
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
        assertThat(result.out()).contains("per sample: 5.0 calls");
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
