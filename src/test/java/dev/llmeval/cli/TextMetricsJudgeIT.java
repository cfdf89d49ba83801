package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The text metrics under an LLM judge: scored locally, the judge is never asked for them. */
class TextMetricsJudgeIT {

    @RegisterExtension
    final JudgeRun judge = new JudgeRun();

    @Test
    void should_score_text_metrics_without_judge_calls_beside_a_judged_metric() {
        // when
        CliRun result = judge.run("--metrics", "faithfulness,rouge_l,exact_match");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = judge.report();
        assertThat(report.at("/run/judge/kind").asText()).isEqualTo("openai");
        // faithfulness's two calls per sample, and nothing for the text metrics
        assertThat(judge.server().chatRequests()).hasSize(6);
        assertThat(report.at("/run/usage/calls").asInt()).isEqualTo(6);
        assertThat(report.at("/metrics/faithfulness/scored").asInt()).isEqualTo(3);
        assertThat(report.at("/metrics/exact_match/mean").asDouble()).isZero();
        // rouge_l F per sample, worked by hand on the JudgeRun golden set: 4 of 8 and 4 of 4 words → 2/3;
        // "yes run acct reset" vs "use acct reset" → LCS 2: 4/7; "only admins can" vs "admins" → 1/2
        assertThat(report.at("/samples/0/scores/rouge_l/score").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(report.at("/samples/1/scores/rouge_l/score").asDouble()).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(report.at("/samples/2/scores/rouge_l/score").asDouble()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void should_estimate_a_dry_run_with_text_metrics_at_zero_calls() {
        // when
        CliRun result = judge.run("--metrics", "faithfulness,bleu", "--dry-run");

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().filter(line -> line.startsWith("bleu ")).findFirst().orElseThrow()
                .split("\\s+")[1]).isEqualTo("0");
        assertThat(judge.server().chatRequests()).isEmpty();
    }
}
