package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.MetricResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    /** An opening tag; escaped text never starts with a bare {@code <}. */
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");

    private static String attributesOfEveryTag(String html) {
        StringBuilder tags = new StringBuilder();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            tags.append(m.group()).append('\n');
        }
        return tags.toString();
    }

    @Test
    void should_reference_nothing_external_when_rendered() {
        // when
        String html = HtmlReport.render(SampleRuns.failingReport());

        // then
        assertThat(html).doesNotContain("http://", "https://", "url(", "@import", "<link", "<iframe");
        assertThat(attributesOfEveryTag(html))
                .doesNotContainPattern("\\s(src|href|srcset|action|data)\\s*=");
        assertThat(html).contains("<style>", "default-src 'none'");
    }

    @Test
    void should_show_markup_from_the_dataset_only_escaped_when_a_response_contains_html() {
        // when
        String html = HtmlReport.render(SampleRuns.failingReport());

        // then
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&amp; &#39;quotes&#39; &quot;too&quot;")
                .contains("Paris is the capital &lt;b&gt;of&lt;/b&gt; France.")
                .doesNotContain("<script>alert", "<img", "<b>of</b>");
        assertThat(html.split("<script", -1)).as("only the template's own script").hasSize(2);
        assertThat(attributesOfEveryTag(html)).doesNotContain("onerror", "alert(");
    }

    @Test
    void should_allow_only_the_template_script_when_content_security_policy_is_set() {
        // when
        String html = HtmlReport.render(SampleRuns.failingReport());

        // then
        assertThat(html).contains("script-src '" + HtmlReport.scriptHash(html) + "'");
        assertThat(html).doesNotContain("script-src 'unsafe-inline'");
    }

    @Test
    void should_show_verdict_metrics_and_every_sample_when_rendered() {
        // when
        String html = HtmlReport.render(SampleRuns.failingReport());

        // then
        assertThat(html)
                .contains("<span class=\"verdict failed\">FAILED</span>")
                .contains("<li>context_recall: mean 0.750 &lt; 0.900</li>")
                .contains("<td class=\"mono\">faithfulness</td>", "<td class=\"mono\">answer_relevancy</td>",
                        "<td class=\"mono\">context_recall</td>")
                .contains("<td class=\"pass\">PASS</td>", "<td class=\"fail\">FAIL</td>")
                .contains("<span class=\"sid\">q1</span>", "<span class=\"sid\">q2</span>",
                        "<span class=\"sid\">q3</span>")
                .contains("golden-sets/demo.jsonl", "ab12cd34", "2026-11-27T21:00:00Z");
    }

    @Test
    void should_say_prominently_when_the_offline_judge_scored_the_run() {
        // when
        String html = HtmlReport.render(SampleRuns.passingReport());

        // then
        assertThat(html)
                .contains("<span class=\"verdict passed\">PASSED</span>")
                .contains("<div class=\"notice\"><strong>Scored by the offline judge: no LLM was called.</strong>");
    }

    @Test
    void should_name_the_llm_judge_when_it_scored_the_run() {
        // given
        JudgeInfo judge = new JudgeInfo("openai", "gpt-4o-mini", "llm", null);

        // when
        String html = HtmlReport.render(SampleRuns.report(judge, Thresholds.NONE));

        // then
        assertThat(html)
                .contains("Judge: <strong>openai gpt-4o-mini</strong>")
                .contains("No thresholds were set")
                .doesNotContain("Scored by the offline judge");
    }

    @Test
    void should_render_details_readably_when_a_metric_reports_evidence() {
        // when
        String html = HtmlReport.render(SampleRuns.failingReport());

        // then: statements with verdicts become a table, generated questions a list
        assertThat(html)
                .contains("<th>statement</th>", "<th>verdict</th>")
                .contains("<td>Paris is the capital of France.</td><td><span class=\"yes\">yes</span></td>")
                .contains("<td>It has 3 million people.</td><td><span class=\"no\">no</span></td>")
                .contains("<h4>generated questions</h4><ol><li>What is the capital of France?</li></ol>")
                .contains("<span class=\"badge not_applicable\">not applicable</span>")
                .contains("<span class=\"badge error\">error</span>")
                .contains("<p class=\"reason\">missing field: reference</p>");
    }

    @Test
    void should_not_expand_placeholders_when_dataset_text_looks_like_one() {
        // given
        SampleReport sample = new SampleReport("{{header}}", 1, "{{samples}}", List.of(),
                "{{title}}", null, Map.of(), Map.of("faithfulness",
                        MetricResult.skipped("faithfulness", "no contexts")));
        RunReport report = new RunReport(
                new ToolInfo("llmeval", "0.1.0"),
                SampleRuns.failingReport().run(),
                Map.of(), List.of(sample), new GateReport(true, List.of()));

        // when
        String html = HtmlReport.render(report);

        // then
        assertThat(html)
                .contains("<span class=\"sid\">{{header}}</span>")
                .contains("<div class=\"text\">{{samples}}</div>")
                .contains("<div class=\"text\">{{title}}</div>");
        assertThat(html.split("<header>", -1)).hasSize(2);
    }

    @Test
    void should_write_the_rendered_page_when_writing_a_file(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("reports/report.html");

        // when
        HtmlReport.write(SampleRuns.failingReport(), file);

        // then
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .startsWith("<!DOCTYPE html>")
                .isEqualTo(HtmlReport.render(SampleRuns.failingReport()));
    }

    @Test
    void should_show_judge_usage_per_score_when_the_judge_was_called() {
        // given
        RunReport report = SampleRuns.failingReport();

        // when
        String html = HtmlReport.render(report);

        // then
        assertThat(html).contains(
                "<p class=\"muted\">judge: 2 calls, 300 input tokens, 40 output tokens</p>");
    }

    @Test
    void should_write_the_head_before_reading_any_sample_and_each_sample_as_it_is_read() throws IOException {
        // given: samples produced one at a time, noting what was written when each was asked for
        RunReport inMemory = SampleRuns.failingReport();
        List<SampleReport> samples = SampleRuns.samples();
        StringWriter out = new StringWriter();
        List<String> writtenBefore = new ArrayList<>();
        Iterable<SampleReport> lazy = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < samples.size();
            }

            @Override
            public SampleReport next() {
                writtenBefore.add(out.toString());
                return samples.get(next++);
            }
        };
        RunReport streamed = new RunReport(inMemory.tool(), inMemory.run(), inMemory.metrics(), lazy,
                inMemory.gate());

        // when
        HtmlReport.write(streamed, out);

        // then
        assertThat(out.toString()).isEqualTo(HtmlReport.render(inMemory));
        assertThat(writtenBefore).hasSize(3);
        assertThat(writtenBefore.get(0)).contains("</header>", "<table class=\"metrics\">")
                .doesNotContain("<details class=\"sample\"", "<footer>");
        assertThat(writtenBefore.get(1)).contains("<span class=\"sid\">q1</span>")
                .doesNotContain("<span class=\"sid\">q2</span>");
        assertThat(writtenBefore.get(2)).contains("<span class=\"sid\">q2</span>")
                .doesNotContain("<span class=\"sid\">q3</span>", "<footer>");
    }

    @Test
    void should_say_so_when_there_are_no_samples() {
        // given
        RunReport full = SampleRuns.failingReport();
        RunReport empty = new RunReport(full.tool(), full.run(), full.metrics(), List.of(), full.gate());

        // when
        String html = HtmlReport.render(empty);

        // then
        assertThat(html).contains("<p class=\"muted\">No samples.</p>\n<footer>")
                .doesNotContain("<details class=\"sample\"");
    }
}
