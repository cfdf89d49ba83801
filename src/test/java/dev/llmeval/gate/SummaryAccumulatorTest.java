package dev.llmeval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SummaryAccumulatorTest {

    private static final String ID = "context_recall";

    @Test
    void should_give_the_same_summary_as_summaries_of_when_results_are_added_one_by_one() {
        // given
        Random random = new Random(42);
        List<MetricResult> results = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            JudgeUsage usage = new JudgeUsage(random.nextInt(3), random.nextInt(500), random.nextInt(50));
            results.add(switch (random.nextInt(4)) {
                case 0 -> MetricResult.scored(ID, random.nextDouble(), "", Map.of(), usage);
                case 1 -> MetricResult.notApplicable(ID, "nothing to judge", Map.of(), usage);
                case 2 -> MetricResult.skipped(ID, "missing field: reference");
                default -> MetricResult.error(ID, "judge unreachable", usage);
            });
        }
        SummaryAccumulator accumulator = new SummaryAccumulator(ID);

        // when
        results.forEach(accumulator::add);

        // then
        MetricSummary streamed = accumulator.summary();
        assertThat(streamed).isEqualTo(Summaries.of(ID, results));
        assertThat(streamed.total()).isEqualTo(2_000);
        assertThat(streamed.mean()).isBetween(0.0, 1.0);
    }

    @Test
    void should_have_no_mean_and_no_usage_when_nothing_was_added() {
        // when
        MetricSummary summary = new SummaryAccumulator(ID).summary();

        // then
        assertThat(summary).isEqualTo(new MetricSummary(ID, null, 0, 0, 0, 0, JudgeUsage.NONE));
        assertThat(summary).isEqualTo(Summaries.of(ID, List.of()));
    }

    @Test
    void should_summarise_what_was_added_so_far_when_asked_midway() {
        // given
        SummaryAccumulator accumulator = new SummaryAccumulator(ID)
                .add(MetricResult.scored(ID, 1.0, "", Map.of(), new JudgeUsage(1, 10, 1)));

        // when
        MetricSummary first = accumulator.summary();
        accumulator.add(MetricResult.scored(ID, 0.0, "", Map.of(), new JudgeUsage(1, 20, 2)));

        // then
        assertThat(first.mean()).isEqualTo(1.0);
        assertThat(accumulator.summary().mean()).isEqualTo(0.5);
        assertThat(accumulator.summary().usage()).isEqualTo(new JudgeUsage(2, 30, 3));
    }

    @Test
    void should_reject_a_result_of_another_metric_when_added() {
        // given
        SummaryAccumulator accumulator = new SummaryAccumulator(ID);

        // when / then
        assertThatThrownBy(() -> accumulator.add(MetricResult.skipped("faithfulness", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("faithfulness")
                .hasMessageContaining(ID);
    }
}
