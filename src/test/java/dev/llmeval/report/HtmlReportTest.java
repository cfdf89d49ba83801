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
import java.util.LinkedHashMap;
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
                .doesNotContainPattern("\\s(src|srcset|action|data|xlink:href)\\s*=")
                .as("links only to anchors in the page")
                .doesNotContainPattern("\\shref\\s*=\\s*\"(?!#sample-[0-9]+\")");
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
        assertOnlyTheTemplateScriptAndItsData(html);
        assertThat(attributesOfEveryTag(html)).doesNotContain("onerror", "alert(");
    }

    /** One script, the template's, and one JSON data block whose text holds no markup character. */
    private static void assertOnlyTheTemplateScriptAndItsData(String html) {
        assertThat(html.split("<script", -1)).hasSize(3);
        assertThat(html.split("<script>", -1)).as("only the template's own script").hasSize(2);
        assertThat(html.split("<script type=\"application/json\" id=\"sample-data\">", -1)).hasSize(2);
        String data = html.substring(html.indexOf("id=\"sample-data\">") + 18, html.indexOf("</script>"));
        assertThat(data).doesNotContain("<", ">", "&");
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
                .contains("<td>Paris is the capital of France.</td><td><span class=\"good\">yes</span></td>")
                .contains("<td>It has 3 million people.</td><td><span class=\"bad\">no</span></td>")
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
        // three passes: the histograms, the sample table, the details
        assertThat(writtenBefore).hasSize(9);
        assertThat(writtenBefore.get(0)).contains("</header>")
                .doesNotContain("<table class=\"metrics\">", "id=\"sample-data\"",
                        "<details class=\"sample\"", "<footer>");
        assertThat(writtenBefore.get(3)).contains("<table class=\"metrics\">", "<svg class=\"hist\"",
                "id=\"sample-data\">{\"rows\":[").doesNotContain("[1,\"q1\"");
        assertThat(writtenBefore.get(4)).contains("[1,\"q1\"").doesNotContain("[2,\"q2\"");
        assertThat(writtenBefore.get(6)).contains("[3,\"q3\"").doesNotContain("<details class=\"sample\"");
        assertThat(writtenBefore.get(7)).contains("<span class=\"sid\">q1</span>")
                .doesNotContain("<span class=\"sid\">q2</span>");
        assertThat(writtenBefore.get(8)).contains("<span class=\"sid\">q2</span>")
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

    @Test
    void should_say_not_priced_instead_of_zero_dollars_when_the_judge_model_has_no_price() {
        // given
        Accounting unpriced = new Accounting(5, 0, 5, 0, 0, 560, 75, 0.0, List.of("my-local-model"), 0, 0, 0, 0,
                Map.of());
        JudgeInfo judge = new JudgeInfo("openai-compatible", "my-local-model", "LLM-as-judge", "http://127.0.0.1/v1");

        // when
        String html = HtmlReport.render(SampleRuns.report(SampleRuns.context(judge, unpriced), Thresholds.NONE));

        // then
        assertThat(html).contains("<p class=\"muted\">3 judge calls, 350 tokens, not priced</p>")
                .contains("cost not priced (no price for my-local-model)")
                .doesNotContain("$0.0000");
    }

    @Test
    void should_leave_out_judge_calls_and_tokens_when_the_offline_judge_scored_the_run() {
        // given: the offline judge calls nothing
        Accounting none = Accounting.NONE;

        // when
        String html = HtmlReport.render(SampleRuns.report(SampleRuns.context(SampleRuns.offlineJudge(), none),
                Thresholds.NONE));

        // then
        assertThat(html).doesNotContain("judge calls", "<th data-type=\"num\">tokens</th>", "judge call,", "$0.0000");
    }

    @Test
    void should_label_details_by_meaning_and_colour_a_yes_or_no_by_what_it_means() {
        // given
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bestEvidence", "The Orla is 143 km long.");
        details.put("noncommittal", false);
        details.put("negationMismatch", true);
        details.put("supported", false);
        details.put("hard", true);
        Html html = new Html();

        // when
        DetailsHtml.render(html, details);

        // then
        assertThat(html.toString())
                .contains("<h4>closest context passage</h4>The Orla is 143 km long.")
                .contains("<h4>noncommittal</h4><span class=\"good\">no</span>")
                .contains("<h4>negated differently</h4><span class=\"bad\">yes</span>")
                .contains("<h4>supported</h4><span class=\"bad\">no</span>")
                .contains("<h4>hard</h4><span class=\"neutral\">yes</span>")
                .doesNotContain("bestEvidence", "negationMismatch");
    }

    @Test
    void should_show_a_card_per_metric_with_mean_threshold_counts_and_usage() {
        // when
        String html = HtmlReport.render(SampleRuns.failingLlmReport());

        // then
        assertThat(html)
                .contains("<section class=\"card pass\"><h3 class=\"mono\">faithfulness</h3>"
                        + "<div class=\"big\">0.750</div>"
                        + "<p>threshold &gt;= 0.700 <span class=\"flag pass\">PASS</span></p>"
                        + "<p class=\"counts\">2 scored, 0 n.a., 0 skipped, 1 error</p>"
                        + "<p class=\"muted\">3 judge calls, 350 tokens, $0.0001</p>")
                .contains("<section class=\"card\"><h3 class=\"mono\">answer_relevancy</h3>"
                        + "<div class=\"big\">0.800</div>"
                        + "<p><span class=\"muted\">no threshold</span></p>"
                        + "<p class=\"counts\">2 scored, 1 n.a., 0 skipped, 0 errors</p>"
                        + "<p class=\"muted\">1 judge call, 120 tokens, $0.0000</p>")
                .contains("<section class=\"card fail\"><h3 class=\"mono\">context_recall</h3>"
                        + "<div class=\"big\">0.750</div>"
                        + "<p>threshold &gt;= 0.900 <span class=\"flag fail\">FAIL</span></p>"
                        + "<p class=\"counts\">2 scored, 0 n.a., 1 skipped, 0 errors</p>");
        assertThat(html.indexOf("<div class=\"cards\">")).isLessThan(html.indexOf("<table class=\"metrics\">"));
    }

    @Test
    void should_draw_ten_bars_per_metric_counting_the_scored_samples() {
        // given
        RunReport report = SampleRuns.failingReport();
        String html = HtmlReport.render(report);

        // then
        Matcher svgs = Pattern.compile("<svg class=\"hist\"[^>]*aria-label=\"score histogram of ([a-z_]+)\">"
                + "(.*?)</svg>").matcher(html);
        int charts = 0;
        while (svgs.find()) {
            charts++;
            MetricReport metric = report.metrics().get(svgs.group(1));
            Matcher bars = Pattern.compile("<rect class=\"bar\" data-count=\"([0-9]+)\"").matcher(svgs.group(2));
            int count = 0;
            int sum = 0;
            while (bars.find()) {
                count++;
                sum += Integer.parseInt(bars.group(1));
            }
            assertThat(count).as(svgs.group(1)).isEqualTo(10);
            assertThat(sum).as(svgs.group(1)).isEqualTo(metric.scored());
            assertThat(svgs.group(2).contains("class=\"threshold\"")).as(svgs.group(1))
                    .isEqualTo(metric.threshold() != null);
        }
        assertThat(charts).isEqualTo(3);
        assertThat(html).contains("<title>0.5-0.6: 1 sample</title>",
                "<title>0.9-1.0 (incl. 1.0): 1 sample</title>", "<title>threshold 0.900</title>");
    }

    @Test
    void should_count_scores_into_ten_bins_with_one_in_the_last() {
        // given
        Histogram histogram = new Histogram();

        // when
        for (double score : new double[] {0.0, 0.05, 0.1, 0.55, 0.7, 0.99, 1.0}) {
            histogram.add(score);
        }

        // then
        assertThat(histogram.total()).isEqualTo(7);
        assertThat(histogram.count(0)).isEqualTo(2);
        assertThat(histogram.count(1)).isEqualTo(1);
        assertThat(histogram.count(5)).isEqualTo(1);
        assertThat(histogram.count(7)).isEqualTo(1);
        assertThat(histogram.count(9)).isEqualTo(2);
    }

    @Test
    void should_list_every_sample_in_a_sortable_table_linked_to_its_details() {
        // when
        String html = HtmlReport.render(SampleRuns.failingLlmReport());

        // then: the head, an empty body the script fills a page at a time, and one data row per sample:
        // position, id, question, per metric [text, sort key, below], outcomes, below, metric tokens,
        // judge calls, tokens, latency
        assertThat(html)
                .contains("<table class=\"samples\" id=\"sample-table\">")
                .contains("<th class=\"mono\" data-type=\"num\">faithfulness</th>")
                .contains("</tr></thead>\n<tbody></tbody>\n</table>")
                .contains("{\"rows\":[[1,\"q1\",\"What is the capital of France?\",[[\"0.500\",0.5,1],[\"0.900\",0.9,0],"
                        + "[\"1.000\",1.0,0]],\"scored\",1,\"0:scored 0:below 1:scored 2:scored\",4,625,null],\n")
                .contains("[3,\"q3\",\"Who wrote Hamlet?\",[[\"error\",null,0],[\"0.700\",0.7,0],[\"skipped\",null,0]],"
                        + "\"error scored skipped\",0,\"0:error 1:scored 2:skipped\",1,10,null]]}</script>")
                .contains("<details class=\"sample\" id=\"sample-1\"", "<details class=\"sample\" id=\"sample-3\"")
                .doesNotContain("latency ms");
        assertThat(html.indexOf("<table class=\"samples\"")).isLessThan(html.indexOf("<details class=\"sample\""));
    }

    @Test
    void should_offer_each_metric_in_the_filter_and_tag_each_sample_with_its_outcome_per_metric() {
        // when
        String html = HtmlReport.render(SampleRuns.failingReport());

        // then: options by position, so no dataset text becomes an attribute; q3 errored on
        // faithfulness, is scored on answer relevancy and skipped on context recall
        assertThat(html).contains("<select id=\"metric\">\n<option value=\"\">any</option>\n"
                + "<option value=\"0\">faithfulness</option>\n<option value=\"1\">answer_relevancy</option>\n"
                + "<option value=\"2\">context_recall</option>\n</select>")
                .contains("<details class=\"sample\" id=\"sample-3\" data-outcomes=\"error scored skipped\""
                        + " data-below=\"false\" data-metrics=\"0:error 1:scored 2:skipped\">")
                .contains("<details class=\"sample\" id=\"sample-2\" data-outcomes=\"scored not_applicable\""
                        + " data-below=\"true\" data-metrics=\"0:scored 1:not_applicable 2:scored 2:below\">");
    }

    @Test
    void should_show_target_latency_in_the_table_when_a_target_answered() {
        // given
        RunReport full = SampleRuns.failingReport();
        SampleReport q1 = SampleRuns.samples().get(0);
        SampleReport called = new SampleReport(q1.id(), q1.line(), q1.userInput(), q1.retrievedContexts(),
                q1.response(), q1.reference(), q1.metadata(), new TargetCall(1234, null, List.of()), q1.scores());
        RunReport report = new RunReport(full.tool(), full.run(), full.metrics(),
                List.of(called, SampleRuns.samples().get(1)), full.gate());

        // when
        String html = HtmlReport.render(report);

        // then
        assertThat(html).contains("<th data-type=\"num\">latency ms</th>", ",4,625,1234],\n[2,\"q2\"",
                ",0,0,null]]}");
    }

    @Test
    void should_escape_an_id_used_in_attributes_and_never_link_a_response() {
        // given
        String id = "x\"><script>alert(1)</script><a href=\"javascript:alert(2)";
        SampleReport sample = new SampleReport(id, 1, "q?", List.of(),
                "javascript:alert(3) and [click](javascript:alert(4)) <a href=\"javascript:alert(5)\">x</a>",
                null, Map.of(), Map.of("faithfulness", MetricResult.skipped("faithfulness", "no contexts")));
        RunReport full = SampleRuns.failingReport();
        RunReport report = new RunReport(full.tool(), full.run(), full.metrics(), List.of(sample), full.gate());

        // when
        String html = HtmlReport.render(report);

        // then
        assertOnlyTheTemplateScriptAndItsData(html);
        assertThat(attributesOfEveryTag(html))
                .doesNotContainPattern("href\\s*=\\s*['\"]?\\s*javascript:")
                .doesNotContainPattern("\\son[a-z]+\\s*=");
        assertThat(html.split("<a ", -1)).as("no link in the page's markup: the script makes the rows' links").hasSize(1);
        assertThat(html)
                .contains("[1,\"x\\\"\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003ca href=\\\"javascript:alert(2)\",")
                .contains("<span class=\"sid\">x&quot;&gt;&lt;script&gt;")
                .contains("javascript:alert(3) and [click](javascript:alert(4)) &lt;a href=&quot;javascript:alert(5)&quot;&gt;x&lt;/a&gt;");
    }

    @Test
    void should_keep_the_content_security_policy_hash_in_step_with_the_script() throws Exception {
        // given
        String template;
        try (var in = HtmlReport.class.getResourceAsStream(HtmlReport.TEMPLATE)) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String html = HtmlReport.render(SampleRuns.failingReport());
        int start = html.indexOf("<script>") + 8;
        String script = html.substring(start, html.indexOf("</script>", start));

        // then: the page's script is the template's, byte for byte, and the policy names its hash
        assertThat(template).contains("<script>" + script + "</script>");
        String expected = "sha256-" + java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        assertThat(html).contains("script-src '" + expected + "'");
        assertThat(script).contains("sortBy", "sample-data", "sample-");
    }
}
