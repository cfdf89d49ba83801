package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.gate.Gate;
import dev.llmeval.gate.GateDecision;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.JudgeUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportTest {

    private static MetricSummary summary(String id, double mean, JudgeUsage usage) {
        return new MetricSummary(id, mean, 4, 0, 0, 0, usage);
    }

    @Test
    void should_order_metrics_as_requested_when_summaries_come_in_another_order() {
        // given
        List<MetricSummary> summaries = List.of(
                summary("context_recall", 0.5, JudgeUsage.NONE),
                summary("faithfulness", 0.9, JudgeUsage.NONE),
                summary("answer_relevancy", 0.7, JudgeUsage.NONE));

        // when
        RunReport report = RunReport.assemble(SampleRuns.context(SampleRuns.offlineJudge()),
                List.of(), summaries, Thresholds.NONE, Gate.decide(summaries, Thresholds.NONE));

        // then
        assertThat(report.metrics().keySet())
                .containsExactly("faithfulness", "answer_relevancy", "context_recall");
    }

    @Test
    void should_show_an_unscored_row_when_a_requested_metric_has_no_summary() {
        // given
        List<MetricSummary> summaries = List.of(summary("faithfulness", 0.9, JudgeUsage.NONE));

        // when
        RunReport report = RunReport.assemble(SampleRuns.context(SampleRuns.offlineJudge()),
                List.of(), summaries, Thresholds.NONE, Gate.decide(summaries, Thresholds.NONE));

        // then
        assertThat(report.metrics().get("context_recall"))
                .isEqualTo(new MetricReport(null, 0, 0, 0, 0, null, null, JudgeUsage.NONE, 0.0));
        assertThat(report.metrics().keySet())
                .containsExactly("faithfulness", "answer_relevancy", "context_recall");
    }

    @Test
    void should_mark_threshold_results_per_metric_when_the_gate_decided() {
        // given
        List<MetricSummary> summaries = List.of(
                summary("faithfulness", 0.9, JudgeUsage.NONE),
                summary("answer_relevancy", 0.4, JudgeUsage.NONE),
                summary("context_recall", 0.5, JudgeUsage.NONE));
        Thresholds thresholds = new Thresholds(Map.of("faithfulness", 0.8, "answer_relevancy", 0.5));
        GateDecision decision = Gate.decide(summaries, thresholds);

        // when
        RunReport report = RunReport.assemble(SampleRuns.context(SampleRuns.offlineJudge()),
                List.of(), summaries, thresholds, decision);

        // then
        assertThat(report.metrics().get("faithfulness").passed()).isTrue();
        assertThat(report.metrics().get("faithfulness").threshold()).isEqualTo(0.8);
        assertThat(report.metrics().get("answer_relevancy").passed()).isFalse();
        assertThat(report.metrics().get("context_recall").passed()).isNull();
        assertThat(report.metrics().get("context_recall").threshold()).isNull();
        assertThat(report.gate().passed()).isFalse();
        assertThat(report.gate().failures())
                .containsExactly(new GateReport.Failure(
                        "answer_relevancy", 0.5, 0.4, "mean 0.400 < 0.500"));
    }

    @Test
    void should_sum_usage_and_compute_duration_when_assembling_the_run() {
        // given
        List<MetricSummary> summaries = List.of(
                summary("faithfulness", 0.9, new JudgeUsage(10, 1000, 100)),
                summary("answer_relevancy", 0.4, new JudgeUsage(5, 500, 50)));

        // when
        RunReport report = RunReport.assemble(SampleRuns.context(SampleRuns.offlineJudge()),
                List.of(), summaries, Thresholds.NONE, Gate.decide(summaries, Thresholds.NONE));

        // then
        RunInfo run = report.run();
        assertThat(run.usage()).isEqualTo(new JudgeUsage(15, 1500, 150));
        assertThat(run.started()).isEqualTo("2026-11-27T21:00:00Z");
        assertThat(run.finished()).isEqualTo("2026-11-27T21:00:01.234Z");
        assertThat(run.durationMs()).isEqualTo(1234);
        assertThat(run.embeddings().model()).isEqualTo("all-minilm-l6-v2 (in-process)");
        assertThat(report.tool()).isEqualTo(new ToolInfo("llmeval", "0.1.0"));
    }
}
