package dev.llmeval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegressionGateTest {

    /** 0.912 -> 0.831 over 20 paired samples: a drop of 0.081, CI -0.12..-0.04. */
    private static final Comparison DROPPED = comparison("faithfulness", 0.912, 0.831, -0.12, -0.04);

    @Test
    void should_fail_when_the_drop_exceeds_an_absolute_allowance() {
        // when
        List<GateFailure> failures = RegressionGate.check(
                List.of(DROPPED), List.of(new MaxDrop("faithfulness", 0.05, false)), false);

        // then
        assertThat(failures).hasSize(1);
        GateFailure f = failures.get(0);
        assertThat(f.metricId()).isEqualTo("faithfulness");
        assertThat(f.threshold()).isCloseTo(0.862, within(1e-12));
        assertThat(f.actual()).isEqualTo(0.831);
        assertThat(f.message()).isEqualTo(
                "dropped 0.081 vs baseline (0.912 -> 0.831, 95% CI -0.120..-0.040) > allowed 0.050");
    }

    @Test
    void should_pass_when_the_drop_is_within_an_absolute_allowance() {
        assertThat(RegressionGate.check(
                        List.of(DROPPED), List.of(new MaxDrop("faithfulness", 0.1, false)), false))
                .isEmpty();
    }

    @Test
    void should_pass_when_the_drop_equals_the_allowance_up_to_rounding_noise() {
        // given: 0.85 - 0.9 is -0.05000000000000004 in doubles
        Comparison c = comparison("f", 0.9, 0.85, -0.07, -0.03);

        // then
        assertThat(RegressionGate.check(List.of(c), List.of(new MaxDrop("f", 0.05, false)), false)).isEmpty();
    }

    @Test
    void should_scale_a_relative_allowance_by_the_baseline_mean() {
        // 10% of 0.912 = 0.0912 >= 0.081: passes; 5% of 0.912 = 0.0456 < 0.081: fails
        assertThat(RegressionGate.check(
                        List.of(DROPPED), List.of(new MaxDrop("faithfulness", 0.10, true)), false))
                .isEmpty();

        List<GateFailure> failures = RegressionGate.check(
                List.of(DROPPED), List.of(new MaxDrop("faithfulness", 0.05, true)), false);

        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.threshold()).isCloseTo(0.912 - 0.0456, within(1e-12));
            assertThat(f.message()).isEqualTo("dropped 0.081 vs baseline (0.912 -> 0.831, "
                    + "95% CI -0.120..-0.040) > allowed 0.046 (5% of 0.912)");
        });
    }

    @Test
    void should_fail_only_when_the_whole_interval_is_below_the_allowance_when_significant_only() {
        // allowed 0.05: the drop 0.081 exceeds it, but the CI reaches -0.04 > -0.05: passes
        assertThat(RegressionGate.check(
                        List.of(DROPPED), List.of(new MaxDrop("faithfulness", 0.05, false)), true))
                .isEmpty();

        // allowed 0.03: the whole CI (-0.12..-0.04) is below -0.03: fails
        List<GateFailure> failures = RegressionGate.check(
                List.of(DROPPED), List.of(new MaxDrop("faithfulness", 0.03, false)), true);

        assertThat(failures).singleElement().extracting(GateFailure::message).isEqualTo(
                "dropped 0.081 vs baseline (0.912 -> 0.831, 95% CI -0.120..-0.040) > allowed 0.030,"
                        + " the whole CI below -0.030");
    }

    @Test
    void should_never_fail_an_improvement_or_a_metric_without_a_max_drop() {
        // given
        Comparison improved = comparison("answer_relevancy", 0.7, 0.8, 0.05, 0.15);

        // then
        assertThat(RegressionGate.check(List.of(improved, DROPPED),
                        List.of(new MaxDrop("answer_relevancy", 0.0, false)), false))
                .isEmpty();
    }

    @Test
    void should_fail_when_the_metric_cannot_be_compared() {
        // given
        Comparison unpaired = new Comparison("context_recall", null, null, null, Double.NaN, Double.NaN,
                0, List.of("a"), List.of("b"), List.of());

        // when
        List<GateFailure> failures = RegressionGate.check(List.of(unpaired),
                List.of(new MaxDrop("context_recall", 0.05, false), new MaxDrop("faithfulness", 0.05, false)),
                false);

        // then: in max-drop order
        assertThat(failures).extracting(GateFailure::metricId, GateFailure::actual, GateFailure::message)
                .containsExactly(
                        tuple("context_recall", null,
                                "no sample scored in both the baseline and this run"),
                        tuple("faithfulness", null,
                                "not compared with the baseline (metric was not run in both)"));
    }

    @Test
    void should_agree_with_a_computed_comparison() {
        // given: every sample drops by 0.1, so the CI is -0.1..-0.1
        Map<String, Double> baseline = new LinkedHashMap<>();
        Map<String, Double> current = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            baseline.put("s" + i, 0.9);
            current.put("s" + i, 0.8);
        }
        Comparison c = Comparisons.compare("f", baseline, current);

        // then
        assertThat(RegressionGate.check(List.of(c), List.of(new MaxDrop("f", 0.05, false)), true))
                .singleElement().extracting(GateFailure::message).isEqualTo(
                        "dropped 0.100 vs baseline (0.900 -> 0.800, 95% CI -0.100..-0.100) > allowed 0.050,"
                                + " the whole CI below -0.050");
        assertThat(RegressionGate.check(List.of(c), List.of(new MaxDrop("f", 0.1, false)), true)).isEmpty();
    }

    private static Comparison comparison(String id, double baseline, double current, double low, double high) {
        return new Comparison(id, baseline, current, current - baseline, low, high, 20,
                List.of(), List.of(), List.of());
    }
}
