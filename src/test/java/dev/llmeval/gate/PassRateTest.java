package dev.llmeval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassRateTest {

    @Test
    void should_fail_when_too_few_scored_samples_reach_the_threshold() {
        // given: 18 of 20 scored samples >= 0.9; an error and a skip are left out
        List<MetricResult> results = results(18, 2);
        results.add(MetricResult.error("faithfulness", "judge failed", JudgeUsage.NONE));
        results.add(MetricResult.skipped("faithfulness", "no contexts"));

        // when / then
        assertThat(PassRate.check("faithfulness", 0.9, 0.95, results)).hasValueSatisfying(f -> {
            assertThat(f.metricId()).isEqualTo("faithfulness");
            assertThat(f.threshold()).isEqualTo(0.95);
            assertThat(f.actual()).isEqualTo(0.9);
            assertThat(f.message()).isEqualTo("pass rate 0.90 < 0.95 (18 of 20 scored samples >= 0.90)");
        });
    }

    @Test
    void should_pass_when_the_rate_is_exactly_the_required_one() {
        assertThat(PassRate.check("faithfulness", 0.9, 0.9, results(18, 2))).isEmpty();
    }

    @Test
    void should_count_a_score_equal_to_the_threshold_as_passing() {
        // given: 0.7 as computed, e.g. 0.1 * 7 = 0.7000000000000001 or 0.35 * 2 = 0.7
        List<MetricResult> results = List.of(
                scored(0.7), scored(0.35 + 0.35), scored(0.1 * 7));

        // then
        assertThat(PassRate.check("faithfulness", 0.7, 1.0, results)).isEmpty();
    }

    @Test
    void should_fail_when_nothing_was_scored() {
        // given
        List<MetricResult> results = List.of(
                MetricResult.error("faithfulness", "x", JudgeUsage.NONE),
                MetricResult.error("faithfulness", "y", JudgeUsage.NONE),
                MetricResult.skipped("faithfulness", "z"),
                MetricResult.notApplicable("faithfulness", "no statements", Map.of(), JudgeUsage.NONE));

        // when / then
        assertThat(PassRate.check("faithfulness", 0.9, 0.5, results)).hasValueSatisfying(f -> {
            assertThat(f.actual()).isNull();
            assertThat(f.message())
                    .isEqualTo("pass rate: no scored samples (2 errors, 1 skipped, 1 not applicable)");
        });
        assertThat(PassRate.check("faithfulness", 0.9, 0.0, List.of()))
                .map(GateFailure::message).contains("pass rate: no scored samples");
    }

    @Test
    void should_reject_results_of_another_metric_and_values_outside_the_unit_interval() {
        List<MetricResult> other = List.of(MetricResult.scored("answer_relevancy", 1.0, "", Map.of(), JudgeUsage.NONE));
        assertThatThrownBy(() -> PassRate.check("faithfulness", 0.9, 0.9, other))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PassRate.check("faithfulness", 1.2, 0.9, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PassRate.check("faithfulness", 0.9, -0.1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<MetricResult> results(int passing, int failing) {
        List<MetricResult> results = new ArrayList<>();
        for (int i = 0; i < passing; i++) {
            results.add(scored(i % 2 == 0 ? 0.9 : 1.0));
        }
        for (int i = 0; i < failing; i++) {
            results.add(scored(0.5));
        }
        return results;
    }

    private static MetricResult scored(double score) {
        return MetricResult.scored("faithfulness", score, "", Map.of(), JudgeUsage.NONE);
    }
}
