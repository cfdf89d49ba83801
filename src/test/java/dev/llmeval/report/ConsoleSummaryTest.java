package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.ExitStatus;
import dev.llmeval.gate.Gate;
import dev.llmeval.gate.MaxDrop;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.JudgeUsage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    @Test
    void should_render_header_table_usage_and_failed_gate_when_a_threshold_fails() {
        // given
        RunReport report = SampleRuns.failingReport();

        // when
        String text = ConsoleSummary.render(report);

        // then
        assertThat(text).isEqualTo("""
                llmeval 0.1.0 | judge: offline (offline-v1: MiniLM embeddings + lexical evidence; no LLM calls) | 3 samples
                metric               mean  threshold  result  scored  n/a  skipped  errors
                faithfulness        0.750  >= 0.700   PASS         2    0        0       1
                answer_relevancy    0.800  -          -            2    1        0       0
                context_recall      0.750  >= 0.900   FAIL         2    0        1       0
                judge: 5 calls (1 answered from the cache, 0 retries, 0 failed), 560 input + 75 output tokens, cost $0.0001
                gate: FAILED - context_recall 0.750 < 0.900
                """);
    }

    @Test
    void should_count_met_thresholds_when_gate_passes() {
        // given
        RunReport report = SampleRuns.passingReport();

        // when
        String text = ConsoleSummary.render(report);

        // then
        assertThat(text).endsWith("\ngate: PASSED (1 threshold met)\n");
        assertThat(text).contains("\ncontext_recall      0.750  -          -            2");
    }

    @Test
    void should_say_no_thresholds_when_none_are_set() {
        // given
        RunReport report = SampleRuns.report(SampleRuns.offlineJudge(), Thresholds.NONE);

        // when
        String text = ConsoleSummary.render(report);

        // then
        assertThat(text).endsWith("\ngate: PASSED (no thresholds set)\n");
    }

    @Test
    void should_give_the_gate_message_when_a_gated_metric_was_not_run() {
        // given
        RunReport report = SampleRuns.report(
                SampleRuns.offlineJudge(),
                new Thresholds(Map.of("context_precision", 0.5, "faithfulness", 0.9)));

        // when
        String text = ConsoleSummary.render(report);

        // then
        assertThat(text).endsWith(
                "\ngate: FAILED - faithfulness 0.750 < 0.900; context_precision: metric was not run\n");
    }

    @Test
    void should_name_the_model_when_an_llm_judge_scored_the_run() {
        // given
        JudgeInfo judge = new JudgeInfo("openai", "gpt-4o-mini", "llm", "http://127.0.0.1:8080/v1");
        RunReport report = SampleRuns.report(judge, Thresholds.NONE);

        // when
        String text = ConsoleSummary.render(report);

        // then
        assertThat(text).startsWith("llmeval 0.1.0 | judge: openai gpt-4o-mini | 3 samples\n");
    }

    @Test
    void should_show_dashes_when_a_metric_has_no_scored_samples() {
        // given
        List<MetricSummary> summaries =
                List.of(new MetricSummary("faithfulness", null, 0, 0, 2, 1, JudgeUsage.NONE));
        Thresholds thresholds = new Thresholds(Map.of("faithfulness", 0.5));
        RunReport report = RunReport.assemble(SampleRuns.context(SampleRuns.offlineJudge()),
                List.of(), summaries, thresholds, Gate.decide(summaries, thresholds));

        // when
        String text = ConsoleSummary.render(report);

        // then
        assertThat(text)
                .contains("\nfaithfulness            -  >= 0.500   FAIL         0    0        2       1\n")
                .contains("\nanswer_relevancy        -  -          -            0    0        0       0\n")
                .endsWith("\ngate: FAILED - faithfulness: no scored samples (1 error, 2 skipped)\n");
    }

    @Test
    void should_count_the_max_drops_that_held_in_the_passed_verdict() {
        // given: faithfulness and answer relevancy may drop 0.5; neither did
        BaselineReport baseline = HtmlBaselineTest.gated("main/report.json", HtmlBaselineTest.comparisons(),
                MaxDrop.parse(List.of("faithfulness=0.5", "answer_relevancy=0.5"), ExitStatus.USAGE), false);

        // when
        String text = ConsoleSummary.render(HtmlBaselineTest.report(baseline));

        // then
        assertThat(text).endsWith("\ngate: PASSED (1 threshold met, 2 max drops held)\n");
    }
}
