package dev.llmeval.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.metric.JudgeUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateTest {

    private static MetricSummary summary(String id, Double mean, int scored) {
        return new MetricSummary(id, mean, scored, 0, 0, 0, JudgeUsage.NONE);
    }

    @Test
    void should_pass_when_every_mean_meets_its_threshold() {
        // given
        List<MetricSummary> summaries = List.of(
                summary("faithfulness", 0.9, 10), summary("answer_relevancy", 0.3, 10));
        Thresholds thresholds = new Thresholds(Map.of("faithfulness", 0.9));

        // when
        GateDecision decision = Gate.decide(summaries, thresholds);

        // then
        assertThat(decision.passed()).isTrue();
        assertThat(decision.failures()).isEmpty();
    }

    @Test
    void should_pass_when_no_thresholds_are_set() {
        // when
        GateDecision decision = Gate.decide(List.of(summary("faithfulness", 0.1, 3)), Thresholds.NONE);

        // then
        assertThat(decision.passed()).isTrue();
    }

    @Test
    void should_pass_when_mean_equals_threshold_up_to_rounding_noise() {
        // given: a mean a hair below 0.7, as summing doubles produces
        double mean = 0.7 - 1e-12;

        // when
        GateDecision decision = Gate.decide(
                List.of(summary("faithfulness", mean, 3)),
                new Thresholds(Map.of("faithfulness", 0.7)));

        // then
        assertThat(decision.passed()).isTrue();
    }

    @Test
    void should_fail_with_actual_mean_when_below_threshold() {
        // given
        List<MetricSummary> summaries = List.of(summary("faithfulness", 0.8123, 10));

        // when
        GateDecision decision =
                Gate.decide(summaries, new Thresholds(Map.of("faithfulness", 0.9)));

        // then
        assertThat(decision.passed()).isFalse();
        assertThat(decision.failures())
                .containsExactly(new GateFailure("faithfulness", 0.9, 0.8123, "mean 0.812 < 0.900"));
        assertThat(decision.failed("faithfulness")).isTrue();
    }

    @Test
    void should_fail_with_counts_when_metric_has_no_scored_samples() {
        // given
        List<MetricSummary> summaries =
                List.of(new MetricSummary("context_recall", null, 0, 0, 2, 3, JudgeUsage.NONE));

        // when
        GateDecision decision =
                Gate.decide(summaries, new Thresholds(Map.of("context_recall", 0.5)));

        // then
        assertThat(decision.passed()).isFalse();
        assertThat(decision.failures())
                .containsExactly(new GateFailure(
                        "context_recall", 0.5, null, "no scored samples (3 errors, 2 skipped)"));
    }

    @Test
    void should_fail_when_threshold_names_a_metric_that_was_not_run() {
        // given
        List<MetricSummary> summaries = List.of(summary("faithfulness", 0.95, 10));
        Thresholds thresholds = new Thresholds(Map.of("faithfulness", 0.9, "context_recall", 0.5));

        // when
        GateDecision decision = Gate.decide(summaries, thresholds);

        // then
        assertThat(decision.passed()).isFalse();
        assertThat(decision.failures())
                .containsExactly(new GateFailure("context_recall", 0.5, null, "metric was not run"));
    }

    @Test
    void should_list_failures_in_summary_order_when_several_fail() {
        // given
        List<MetricSummary> summaries = List.of(
                summary("faithfulness", 0.1, 1), summary("answer_relevancy", 0.2, 1));
        Thresholds thresholds =
                new Thresholds(Map.of("answer_relevancy", 0.5, "faithfulness", 0.5, "context_recall", 0.5));

        // when
        GateDecision decision = Gate.decide(summaries, thresholds);

        // then
        assertThat(decision.failures())
                .extracting(GateFailure::metricId)
                .containsExactly("faithfulness", "answer_relevancy", "context_recall");
    }
}
