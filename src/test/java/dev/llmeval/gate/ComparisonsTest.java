package dev.llmeval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

    @Test
    void should_pair_samples_by_id_and_list_the_unpaired_ones() {
        // given: a, b, c in both; d only in the baseline; e only in the current run
        Map<String, Double> baseline = Map.of("a", 0.9, "b", 0.8, "c", 0.7, "d", 0.5);
        Map<String, Double> current = Map.of("c", 0.6, "a", 0.6, "b", 0.8, "e", 1.0);

        // when
        Comparison c = Comparisons.compare("faithfulness", baseline, current);

        // then: baseline (0.9 + 0.8 + 0.7) / 3 = 0.8, current (0.6 + 0.8 + 0.6) / 3 = 0.6667
        assertThat(c.metricId()).isEqualTo("faithfulness");
        assertThat(c.paired()).isEqualTo(3);
        assertThat(c.baselineMean()).isCloseTo(0.8, within(1e-12));
        assertThat(c.currentMean()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(c.delta()).isCloseTo(-0.4 / 3.0, within(1e-12));
        assertThat(c.onlyInBaseline()).containsExactly("d");
        assertThat(c.onlyInCurrent()).containsExactly("e");
        // b did not regress, so it is not among the worst
        assertThat(c.worst()).extracting(SampleDelta::id).containsExactly("a", "c");
        assertThat(c.worst().get(0).delta()).isCloseTo(-0.3, within(1e-12));
        assertThat(c.ciLow()).isLessThanOrEqualTo(c.delta());
        assertThat(c.ciHigh()).isGreaterThanOrEqualTo(c.delta());
    }

    @Test
    void should_list_at_most_five_worst_samples_most_regressed_first_then_by_id() {
        // given: deltas g -0.6, f -0.5, b -0.2, c -0.2, a -0.1, d -0.1, e +0.1
        Map<String, Double> baseline = Map.of(
                "a", 0.5, "b", 0.5, "c", 0.5, "d", 0.5, "e", 0.5, "f", 0.9, "g", 0.9);
        Map<String, Double> current = Map.of(
                "a", 0.4, "b", 0.3, "c", 0.3, "d", 0.4, "e", 0.6, "f", 0.4, "g", 0.3);

        // when
        Comparison c = Comparisons.compare("f", baseline, current);

        // then
        assertThat(c.worst()).extracting(SampleDelta::id).containsExactly("g", "f", "b", "c", "a");
    }

    @Test
    void should_give_a_zero_width_interval_at_the_shift_when_every_sample_drops_by_the_same_amount() {
        // given: 10 samples, each 0.1 lower
        Map<String, Double> baseline = new LinkedHashMap<>();
        Map<String, Double> current = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            baseline.put("s" + i, 0.3 + 0.05 * i);
            current.put("s" + i, 0.2 + 0.05 * i);
        }

        // when
        Comparison c = Comparisons.compare("f", baseline, current, 7L, 2000);

        // then
        assertThat(c.delta()).isCloseTo(-0.1, within(1e-9));
        assertThat(c.ciLow()).isCloseTo(-0.1, within(1e-9));
        assertThat(c.ciHigh()).isCloseTo(-0.1, within(1e-9));
    }

    @Test
    void should_contain_the_true_shift_when_the_drops_scatter_around_it() {
        // given: drops alternate 0.05 and 0.15, so the true mean drop is exactly 0.1
        Comparison c = Comparisons.compare("f", constant(20, 0.8), alternating(20), 1L, 2000);

        // then: the standard error is 0.05 / sqrt(20) ~ 0.011, so the CI is about -0.1 +- 0.022
        assertThat(c.delta()).isCloseTo(-0.1, within(1e-9));
        assertThat(c.ciLow()).isLessThan(-0.1).isGreaterThan(-0.15);
        assertThat(c.ciHigh()).isGreaterThan(-0.1).isLessThan(-0.05);
        assertThat(c.ciHigh() - c.ciLow()).isBetween(0.02, 0.07);
    }

    @Test
    void should_reproduce_the_interval_when_the_seed_is_the_same() {
        // given
        Map<String, Double> baseline = constant(30, 0.8);
        Map<String, Double> current = alternating(30);

        // when
        Comparison first = Comparisons.compare("f", baseline, current, 123L, 2000);
        Comparison second = Comparisons.compare("f", new LinkedHashMap<>(baseline), Map.copyOf(current), 123L, 2000);

        // then: also independent of the maps' iteration order
        assertThat(second).isEqualTo(first);
    }

    @Test
    void should_narrow_the_interval_when_there_are_more_samples() {
        // when
        Comparison few = Comparisons.compare("f", constant(20, 0.8), alternating(20), 5L, 2000);
        Comparison many = Comparisons.compare("f", constant(200, 0.8), alternating(200), 5L, 2000);

        // then: the width shrinks like 1 / sqrt(n), here by about sqrt(10) ~ 3.2
        double fewWidth = few.ciHigh() - few.ciLow();
        double manyWidth = many.ciHigh() - many.ciLow();
        assertThat(manyWidth).isPositive().isLessThan(fewWidth / 2.0);
    }

    @Test
    void should_compare_nothing_when_no_sample_is_scored_in_both() {
        // when
        Comparison c = Comparisons.compare("f", Map.of("a", 0.5), Map.of("b", 0.5));

        // then
        assertThat(c.paired()).isZero();
        assertThat(c.baselineMean()).isNull();
        assertThat(c.currentMean()).isNull();
        assertThat(c.delta()).isNull();
        assertThat(c.ciLow()).isNaN();
        assertThat(c.ciHigh()).isNaN();
        assertThat(c.onlyInBaseline()).containsExactly("a");
        assertThat(c.onlyInCurrent()).containsExactly("b");
        assertThat(c.worst()).isEmpty();
    }

    @Test
    void should_reject_a_non_positive_number_of_resamples() {
        assertThatThrownBy(() -> Comparisons.compare("f", Map.of(), Map.of(), 1L, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Double> constant(int n, double score) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            scores.put(String.format("s%03d", i), score);
        }
        return scores;
    }

    /** 0.75, 0.65, 0.75, ...: drops of 0.05 and 0.15 from 0.8. */
    private static Map<String, Double> alternating(int n) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            scores.put(String.format("s%03d", i), i % 2 == 0 ? 0.75 : 0.65);
        }
        return scores;
    }
}
