package dev.llmeval.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummariesTest {

    private static final String ID = "faithfulness";

    @Test
    void should_average_scored_results_only_when_outcomes_are_mixed() {
        // given
        List<MetricResult> results = List.of(
                MetricResult.scored(ID, 1.0, "", Map.of(), new JudgeUsage(2, 100, 10)),
                MetricResult.scored(ID, 0.5, "", Map.of(), new JudgeUsage(2, 200, 20)),
                MetricResult.notApplicable(ID, "no statements", Map.of(), new JudgeUsage(1, 50, 5)),
                MetricResult.skipped(ID, "no response"),
                MetricResult.error(ID, "judge unreachable", new JudgeUsage(1, 30, 0)),
                MetricResult.error(ID, "unparseable", JudgeUsage.NONE));

        // when
        MetricSummary summary = Summaries.of(ID, results);

        // then
        assertThat(summary.metricId()).isEqualTo(ID);
        assertThat(summary.mean()).isCloseTo(0.75, within(1e-12));
        assertThat(summary.scored()).isEqualTo(2);
        assertThat(summary.notApplicable()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(summary.errors()).isEqualTo(2);
        assertThat(summary.total()).isEqualTo(6);
        assertThat(summary.usage()).isEqualTo(new JudgeUsage(6, 380, 35));
    }

    @Test
    void should_have_no_mean_when_nothing_was_scored() {
        // given
        List<MetricResult> results = List.of(
                MetricResult.skipped(ID, "no contexts"),
                MetricResult.error(ID, "timeout", JudgeUsage.NONE));

        // when
        MetricSummary summary = Summaries.of(ID, results);

        // then
        assertThat(summary.mean()).isNull();
        assertThat(summary.scored()).isZero();
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(summary.errors()).isEqualTo(1);
    }

    @Test
    void should_be_all_zero_when_there_are_no_results() {
        // when
        MetricSummary summary = Summaries.of(ID, List.of());

        // then
        assertThat(summary)
                .isEqualTo(new MetricSummary(ID, null, 0, 0, 0, 0, JudgeUsage.NONE));
    }

    @Test
    void should_reject_a_result_when_it_belongs_to_another_metric() {
        // given
        List<MetricResult> results =
                List.of(MetricResult.scored("context_recall", 1.0, "", Map.of(), JudgeUsage.NONE));

        // when / then
        assertThatThrownBy(() -> Summaries.of(ID, results))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context_recall");
    }
}
