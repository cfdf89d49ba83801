package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.gate.Gate;
import dev.llmeval.gate.GateDecision;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.Summaries;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.JudgeUsage;
import dev.llmeval.metric.MetricResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lower-is-better metric reads as a maximum, and its highest scores are its worst, in every report. */
class LowerIsBetterReportTest {

    private static final String NOISE = "noise_sensitivity_relevant";

    /** Scores 0.0, 0.4 and 0.6 against a maximum of 0.3: mean 0.333 fails, q2 and q3 miss. */
    private final RunReport report = report(new Thresholds(Map.of(NOISE, 0.3)));

    @Test
    void should_show_the_threshold_as_a_maximum_on_the_console() {
        // when
        String console = ConsoleSummary.render(report);

        // then
        assertThat(console).contains("<= 0.300").contains("FAIL")
                .contains("gate: FAILED - " + NOISE + " 0.333 > 0.300");
    }

    @Test
    void should_fail_the_junit_cases_above_the_threshold() {
        // when
        String xml = JunitReport.render(report);

        // then
        assertThat(xml).contains("failures=\"2\"")
                .contains("score 0.400 &gt; threshold 0.300")
                .contains("type=\"above_threshold\"")
                .doesNotContain("below_threshold");
    }

    @Test
    void should_list_the_highest_scores_first_as_the_worst_samples_in_markdown() {
        // when
        String markdown = MarkdownReport.render(report);

        // then
        assertThat(markdown).contains("≤ 0.300").contains("mean 0.333 > 0.300");
        assertThat(MarkdownReport.worst(report).get(NOISE))
                .extracting(MarkdownReport.Worst::id).containsExactly("q3", "q2", "q1");
    }

    @Test
    void should_mark_scores_above_the_maximum_as_missing_it_in_html() {
        // when
        String html = HtmlReport.render(report);

        // then
        assertThat(html).contains("threshold &lt;= 0.300");
    }

    private static RunReport report(Thresholds thresholds) {
        List<SampleReport> samples = List.of(sample("q1", 0.0), sample("q2", 0.4), sample("q3", 0.6));
        List<MetricSummary> summaries = List.of(
                Summaries.of(NOISE, samples.stream().map(s -> s.scores().get(NOISE)).toList()));
        GateDecision decision = Gate.decide(summaries, thresholds);
        RunContext context = new RunContext("0.1.0", Instant.parse("2026-11-27T21:00:00Z"),
                Instant.parse("2026-11-27T21:00:01Z"), SampleRuns.offlineJudge(), "all-minilm-l6-v2 (in-process)",
                new DatasetInfo("gold.jsonl", "ab12", "jsonl", 3), List.of(NOISE), Map.of(), null,
                new Accounting(0, 0, 0, 0, 0, 0, 0, 0.0, List.of(), 0, 0, 0, 0, Map.of()), null, null);
        return RunReport.assemble(context, samples, summaries, thresholds, decision);
    }

    private static SampleReport sample(String id, double score) {
        return new SampleReport(id, 1, "Q?", List.of("c"), "A.", "R.", Map.of(),
                Map.of(NOISE, MetricResult.scored(NOISE, score, "", Map.of(), JudgeUsage.NONE)));
    }
}
