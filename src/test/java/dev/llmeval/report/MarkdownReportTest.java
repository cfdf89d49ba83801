package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.metric.MetricResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

    @Test
    void should_render_verdict_judge_table_gate_failures_and_worst_samples() {
        // given
        RunReport report = SampleRuns.failingReport();

        // when
        String md = MarkdownReport.render(report);

        // then
        assertThat(md).isEqualTo("""
                ## llmeval: FAILED

                **Scored by the offline judge** (offline-v1: MiniLM embeddings + lexical evidence; no LLM calls): \
                no LLM was called; scores are approximations, not comparable with LLM-judge scores.

                3 samples from golden-sets/demo.jsonl · llmeval 0.1.0 · 2026-11-27T21:00:00Z

                | metric | mean | threshold | result | scored | n/a | skipped | errors |
                |---|---:|---:|---|---:|---:|---:|---:|
                | `faithfulness` | 0.750 | ≥ 0.700 | PASS | 2 | 0 | 0 | 1 |
                | `answer_relevancy` | 0.800 | - | - | 2 | 1 | 0 | 0 |
                | `context_recall` | 0.750 | ≥ 0.900 | **FAIL** | 2 | 0 | 1 | 0 |

                ### Gate failures

                - `context_recall`: mean 0.750 < 0.900

                ### Worst samples: `answer_relevancy`

                | sample | score | reason |
                |---|---:|---|
                | q3 | 0.700 | partly evasive |
                | q1 | 0.900 | close to the question |

                ### Worst samples: `context_recall` (threshold 0.900)

                | sample | score | reason |
                |---|---:|---|
                | q2 | 0.500 | 1 of 2 reference statements found |
                | q1 | 1.000 | all reference statements found |
                """);
    }

    @Test
    void should_escape_pipes_markup_links_and_mentions_in_reasons_and_ids() {
        // given
        String reason = "a | b <script>alert(1)</script> [click](https://evil.example) *x* _y_ `z` @octocat\nline2";
        RunReport report = run(Map.of(), List.of(sample("id|<b>", 0.2, reason)));

        // when
        String md = MarkdownReport.render(report);

        // then
        assertThat(md).doesNotContain("<script>", "<b>", "[click](", "@octocat", "\nline2");
        assertThat(md).contains("| id\\|\\<b\\> | 0.200 | a \\| b \\<script\\>alert(1)\\</script\\> "
                + "\\[click\\](https://evil.example) \\*x\\* \\_y\\_ \\`z\\` @\u200Boctocat line2 |");
        // every table row still has exactly the table's columns once escaped pipes are ignored
        md.lines().filter(l -> l.startsWith("| id"))
                .forEach(l -> assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(4));
    }

    @Test
    void should_list_at_most_five_lowest_scores_lowest_first_and_in_dataset_order_on_ties() {
        // given
        double[] scores = {0.9, 0.1, 0.5, 0.3, 0.1, 0.8, 0.2, 0.7};
        List<SampleReport> samples = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            samples.add(sample("s" + i, scores[i], "r" + i));
        }
        RunReport report = run(Map.of("m", 0.95), samples);

        // when
        List<MarkdownReport.Worst> worst = MarkdownReport.worst(report).get("m");
        String md = MarkdownReport.render(report);

        // then
        assertThat(worst).extracting(MarkdownReport.Worst::id).containsExactly("s1", "s4", "s6", "s3", "s2");
        assertThat(md).contains("""
                | sample | score | reason |
                |---|---:|---|
                | s1 | 0.100 | r1 |
                | s4 | 0.100 | r4 |
                | s6 | 0.200 | r6 |
                | s3 | 0.300 | r3 |
                | s2 | 0.500 | r2 |
                """);
    }

    @Test
    void should_show_no_worst_samples_for_a_metric_that_met_its_threshold() {
        // given
        RunReport report = run(Map.of("m", 0.1), List.of(sample("s0", 0.5, "fine")));

        // when
        String md = MarkdownReport.render(report);

        // then
        assertThat(md).startsWith("## llmeval: PASSED\n").doesNotContain("Worst samples", "Gate failures");
    }

    @Test
    void should_cut_long_reasons_and_cap_the_document() {
        // given
        List<SampleReport> samples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            samples.add(sample("s" + i, 0.1, "x".repeat(500)));
        }
        String longId = "m".repeat(70_000);
        RunReport longPath = run(Map.of(), samples);
        RunInfo r = longPath.run();
        longPath = new RunReport(longPath.tool(), new RunInfo(r.started(), r.finished(), r.durationMs(), r.judge(),
                r.embeddings(), new DatasetInfo("d".repeat(70_000) + ".jsonl", "ab", "jsonl", 5), r.metricsRequested(),
                r.prompts(), r.usage(), r.stopped(), r.accounting(), r.target(), r.baseline()),
                longPath.metrics(), samples, longPath.gate());

        // when
        String md = MarkdownReport.render(run(Map.of(), samples));
        String cutId = MarkdownReport.render(run(Map.of(), List.of(sample(longId, 0.1, "r"))));
        String capped = MarkdownReport.render(longPath);

        // then
        assertThat(md).contains("| s0 | 0.100 | " + "x".repeat(119) + "… |");
        assertThat(cutId).contains("| " + "m".repeat(MarkdownReport.MAX_ID - 1) + "… | 0.100 | r |")
                .hasSizeLessThan(5_000);
        assertThat(capped.length()).isLessThanOrEqualTo(MarkdownReport.MAX_CHARS);
        assertThat(capped).endsWith(MarkdownReport.TRUNCATED);
    }

    @Test
    void should_write_the_rendered_text_as_utf8(@TempDir Path dir) throws Exception {
        // given
        RunReport report = SampleRuns.failingReport();
        Path file = dir.resolve("sub/summary.md");

        // when
        MarkdownReport.write(report, file);

        // then
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(MarkdownReport.render(report));
    }

    private static SampleReport sample(String id, double score, String reason) {
        return new SampleReport(id, 1, "q", null, "a", null, null,
                Map.of("m", MetricResult.scored("m", score, reason, Map.of(), null)));
    }

    private static RunReport run(Map<String, Double> minimums, List<SampleReport> samples) {
        return SampleRuns.oneMetric(minimums, samples);
    }

    @Test
    void should_say_against_the_baseline_which_metrics_regressed_and_how_far_they_could_drop() {
        // given: faithfulness dropped 0.2 (max drop 0.1), answer relevancy rose (max drop 5%),
        // context recall has no max drop; no metric has a threshold
        RunReport report = HtmlBaselineTest.report(HtmlBaselineTest.baseline(false));

        // when
        String md = MarkdownReport.render(report);

        // then: a regressed metric without a threshold reads as failed in the summary too
        assertThat(md).contains("| regressed most | allowed drop | result |")
                .containsPattern("\\| `faithfulness` \\|[^\\n]*\\| 0\\.100 \\| \\*\\*REGRESSED\\*\\* \\|\\n")
                .containsPattern("\\| `answer_relevancy` \\|[^\\n]*\\| 5% \\([0-9.]+\\) \\| OK \\|\\n")
                .containsPattern("\\| `context_recall` \\|[^\\n]*\\| - \\| - \\|\\n");
    }
}

