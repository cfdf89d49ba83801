package dev.llmeval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Noise sensitivity is lower-is-better: its threshold is a maximum and a rise is a regression. */
class LowerIsBetterTest {

    private static final String NOISE = "noise_sensitivity_relevant";

    @Test
    void should_know_the_direction_of_each_metric_from_the_catalogue() {
        assertThat(Direction.of(NOISE)).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Direction.of("noise_sensitivity_irrelevant")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Direction.of("faithfulness")).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(Direction.of("my_custom_criterion")).isEqualTo(Direction.HIGHER_IS_BETTER);
    }

    @Test
    void should_fail_the_mean_gate_when_the_mean_is_above_the_maximum() {
        // given
        Thresholds max = new Thresholds(Map.of(NOISE, 0.2));

        // when
        GateDecision high = Gate.decide(List.of(summary(0.25)), max);
        GateDecision low = Gate.decide(List.of(summary(0.1)), max);
        GateDecision equal = Gate.decide(List.of(summary(0.1 + 0.1)), max);

        // then
        assertThat(high.passed()).isFalse();
        assertThat(high.failures().get(0).message()).isEqualTo("mean 0.250 > 0.200");
        assertThat(low.passed()).isTrue();
        assertThat(equal.passed()).isTrue();
    }

    @Test
    void should_count_a_sample_as_passing_when_it_is_at_most_the_threshold() {
        // given: 0.0, 0.1, 0.3, 0.5 against a maximum of 0.3: 3 of 4 pass
        List<MetricResult> results = List.of(scored(0.0), scored(0.1), scored(0.3), scored(0.5));

        // then
        assertThat(PassRate.check(NOISE, 0.3, 0.75, results)).isEmpty();
        assertThat(PassRate.check(NOISE, 0.3, 0.8, results)).get()
                .extracting(GateFailure::message)
                .isEqualTo("pass rate 0.75 < 0.80 (3 of 4 scored samples <= 0.30)");
    }

    @Test
    void should_fail_the_regression_gate_when_the_mean_rises_beyond_the_allowance() {
        // given: 0.10 -> 0.18, CI +0.05..+0.11
        Comparison rose = new Comparison(NOISE, 0.10, 0.18, 0.08, 0.05, 0.11, 20, List.of(), List.of(), List.of());
        Comparison fell = new Comparison(NOISE, 0.18, 0.10, -0.08, -0.11, -0.05, 20, List.of(), List.of(), List.of());

        // when
        List<GateFailure> failures = RegressionGate.check(List.of(rose), List.of(new MaxDrop(NOISE, 0.05, false)), false);

        // then
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).threshold()).isCloseTo(0.15, within(1e-12));
        assertThat(failures.get(0).message()).isEqualTo(
                "rose (lower is better) 0.080 vs baseline (0.100 -> 0.180, 95% CI 0.050..0.110) > allowed 0.050");
        assertThat(RegressionGate.check(List.of(fell), List.of(new MaxDrop(NOISE, 0.05, false)), false)).isEmpty();
    }

    @Test
    void should_fail_a_significant_only_gate_only_when_the_whole_interval_is_above_the_allowance() {
        // given
        Comparison clear = new Comparison(NOISE, 0.10, 0.18, 0.08, 0.06, 0.11, 20, List.of(), List.of(), List.of());
        Comparison noisy = new Comparison(NOISE, 0.10, 0.18, 0.08, 0.01, 0.15, 20, List.of(), List.of(), List.of());
        List<MaxDrop> drop = List.of(new MaxDrop(NOISE, 0.05, false));

        // then
        assertThat(RegressionGate.check(List.of(clear), drop, true)).singleElement()
                .extracting(GateFailure::message).asString().endsWith(", the whole CI above 0.050");
        assertThat(RegressionGate.check(List.of(noisy), drop, true)).isEmpty();
    }

    @Test
    void should_list_the_samples_whose_score_rose_most_as_regressed() {
        // given
        Map<String, Double> baseline = new LinkedHashMap<>(Map.of("a", 0.1, "b", 0.5, "c", 0.2));
        Map<String, Double> current = new LinkedHashMap<>(Map.of("a", 0.4, "b", 0.1, "c", 0.3));

        // when
        Comparison c = Comparisons.compare(NOISE, baseline, current);

        // then: a rose 0.3, c rose 0.1, b fell (an improvement)
        assertThat(c.worst()).extracting(SampleDelta::id).containsExactly("a", "c");
    }

    private static MetricSummary summary(double mean) {
        return new MetricSummary(NOISE, mean, 10, 0, 0, 0, JudgeUsage.NONE);
    }

    private static MetricResult scored(double score) {
        return MetricResult.scored(NOISE, score, "", Map.of(), JudgeUsage.NONE);
    }
}
