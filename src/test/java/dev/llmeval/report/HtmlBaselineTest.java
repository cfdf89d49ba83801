package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.ExitStatus;
import dev.llmeval.gate.Comparison;
import dev.llmeval.gate.Comparisons;
import dev.llmeval.gate.Gate;
import dev.llmeval.gate.GateDecision;
import dev.llmeval.gate.MaxDrop;
import dev.llmeval.gate.MetricSummary;
import dev.llmeval.gate.RegressionGate;
import dev.llmeval.gate.Summaries;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** report.html against a baseline: the cards, the comparison table, regressed and unpaired samples. */
class HtmlBaselineTest {

    /** A baseline id that is not in this run, holding markup. */
    static final String XSS_ID = "\"><img src=x onerror=alert(1)>";

    /**
     * The baseline: faithfulness q1 0.9 and q2 1.0 (this run 0.5 and 1.0: a drop of 0.2), plus a
     * sample this run does not have; answer relevancy q1 0.8 and q3 0.7 (this run 0.9 and 0.7);
     * context recall q1 only, so this run's q2 is unpaired.
     */
    static Map<String, Map<String, Double>> baselineScores() {
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        scores.put("faithfulness", Map.of("q1", 0.9, "q2", 1.0, XSS_ID, 0.8));
        scores.put("answer_relevancy", Map.of("q1", 0.8, "q3", 0.7));
        scores.put("context_recall", Map.of("q1", 1.0));
        return scores;
    }

    /** This run's scored samples by metric, as the gate collects them. */
    static Map<String, Double> current(String metric) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (SampleReport s : SampleRuns.samples()) {
            var r = s.scores().get(metric);
            if (r != null && r.outcome() == Outcome.SCORED) {
                scores.put(s.id(), r.score());
            }
        }
        return scores;
    }

    static List<Comparison> comparisons() {
        List<Comparison> comparisons = new ArrayList<>();
        baselineScores().forEach((metric, scores) -> comparisons.add(Comparisons.compare(metric, scores, current(metric))));
        return comparisons;
    }

    /** The report of the comparisons, with the metrics the regression gate fails as regressed. */
    static BaselineReport gated(String path, List<Comparison> comparisons, List<MaxDrop> maxDrops,
            boolean significantOnly) {
        Set<String> regressed = new HashSet<>();
        RegressionGate.check(comparisons, maxDrops, significantOnly).forEach(f -> regressed.add(f.metricId()));
        return BaselineReport.of(path, comparisons, maxDrops, significantOnly, regressed);
    }

    /** faithfulness may drop 0.1, answer relevancy 5% of its baseline mean; context recall has no max drop. */
    static BaselineReport baseline(boolean significantOnly) {
        return gated("main/report.json", comparisons(),
                MaxDrop.parse(List.of("faithfulness=0.1", "answer_relevancy=5%"), ExitStatus.USAGE), significantOnly);
    }

    static RunReport report(BaselineReport baseline) {
        RunContext c = SampleRuns.context(SampleRuns.offlineJudge());
        RunContext context = new RunContext(c.toolVersion(), c.started(), c.finished(), c.judge(), c.embeddingsModel(),
                c.dataset(), c.metricsRequested(), c.promptHashes(), c.stopped(), c.accounting(), c.target(), baseline);
        List<SampleReport> samples = SampleRuns.samples();
        List<MetricSummary> summaries = new ArrayList<>();
        for (String id : SampleRuns.METRICS) {
            summaries.add(Summaries.of(id, samples.stream().map(s -> s.scores().get(id)).toList()));
        }
        Thresholds thresholds = new Thresholds(Map.of("faithfulness", 0.7));
        GateDecision decision = Gate.decide(summaries, thresholds);
        return RunReport.assemble(context, samples, summaries, thresholds, decision);
    }

    @Test
    void should_record_the_allowed_drop_and_whether_each_metric_regressed() {
        // when
        BaselineReport baseline = baseline(false);

        // then
        BaselineReport.MetricChange faithfulness = baseline.metrics().get(0);
        assertThat(faithfulness.delta()).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(faithfulness.maxDrop()).isEqualTo("0.1");
        assertThat(faithfulness.allowedDrop()).isEqualTo(0.1);
        assertThat(faithfulness.regressed()).isTrue();
        assertThat(faithfulness.onlyInBaselineIds()).containsExactly(XSS_ID);
        BaselineReport.MetricChange relevancy = baseline.metrics().get(1);
        assertThat(relevancy.maxDrop()).isEqualTo("5%");
        assertThat(relevancy.allowedDrop()).isCloseTo(0.05 * 0.75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(relevancy.regressed()).isFalse();
        BaselineReport.MetricChange recall = baseline.metrics().get(2);
        assertThat(recall.maxDrop()).isNull();
        assertThat(recall.regressed()).isNull();
        assertThat(recall.onlyInCurrentIds()).containsExactly("q2");
    }

    @Test
    void should_show_baseline_mean_change_interval_and_verdict_on_each_card() {
        // given
        BaselineReport baseline = baseline(false);
        BaselineReport.MetricChange f = baseline.metrics().get(0);

        // when
        String html = HtmlReport.render(report(baseline));

        // then: faithfulness meets its threshold but regressed, so its card fails
        assertThat(html).contains("<section class=\"card fail\"><h3 class=\"mono\">faithfulness</h3>")
                .contains("<div class=\"vs\"><p>baseline 0.950 \u2192 0.750 (2 paired)</p>"
                        + "<p>change <span class=\"worse\">-0.200</span>, 95% CI "
                        + BaselineHtml.signed(f.ciLow()) + " .. " + BaselineHtml.signed(f.ciHigh()) + "</p>"
                        + "<p>allowed drop 0.100 <span class=\"flag fail\">REGRESSED</span></p></div>")
                .contains("<p>baseline 0.750 \u2192 0.800 (2 paired)</p><p>change <span class=\"better\">+0.050</span>")
                .contains("<p>allowed drop 5% (0.038) <span class=\"flag pass\">OK</span></p></div>")
                .contains("<p>baseline 1.000 \u2192 1.000 (1 paired)</p><p>change <span class=\"same\">+0.000</span>,"
                        + " 95% CI +0.000 .. +0.000</p><p><span class=\"muted\">no max drop</span></p></div>");
        // answer relevancy has no threshold but held its max drop
        assertThat(html).contains("<section class=\"card pass\"><h3 class=\"mono\">answer_relevancy</h3>");
    }

    @Test
    void should_list_every_metric_against_the_baseline_in_a_section() {
        // when
        String html = HtmlReport.render(report(baseline(false)));

        // then
        assertThat(html).contains("<h2 id=\"baseline\">Against the baseline</h2>",
                "Compared with <span class=\"mono\">main/report.json</span>.",
                "A metric regresses when its mean got worse by more than the allowed drop (--max-drop).");
        assertThat(html).contains("<tr><td class=\"mono\">faithfulness</td><td class=\"num\">0.950</td>"
                + "<td class=\"num\">0.750</td><td class=\"num worse\">-0.200</td>")
                .contains("<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">0</td>"
                        + "<td>0.100</td><td><span class=\"flag fail\">REGRESSED</span></td></tr>")
                .contains("<td class=\"muted\">-</td><td><span class=\"muted\">-</span></td></tr>");
        assertThat(html.indexOf("<table class=\"metrics\">")).isLessThan(html.indexOf("Against the baseline"));
        assertThat(html.indexOf("Against the baseline")).isLessThan(html.indexOf("<h2>Samples</h2>"));
    }

    @Test
    void should_link_the_samples_that_regressed_most_to_their_details() {
        // when
        String html = HtmlReport.render(report(baseline(false)));

        // then: q1 is the first sample of this run
        assertThat(html).contains("<h3>Samples that regressed most</h3>")
                .contains("<tr><td class=\"mono\">faithfulness</td><td class=\"mono\"><a href=\"#sample-1\">q1</a></td>"
                        + "<td class=\"num\">0.900</td><td class=\"num\">0.500</td><td class=\"num worse\">-0.400</td></tr>");
        assertThat(html.split("<table class=\"regressed\">", -1)[1].split("</table>")[0].split("<tr>", -1))
                .as("header and one regressed sample").hasSize(3);
    }

    @Test
    void should_list_unpaired_samples_escaped_and_link_those_of_this_run() {
        // when
        String html = HtmlReport.render(report(baseline(false)));

        // then
        assertThat(html).contains("<h3>Unpaired samples</h3>")
                .contains("<tr><td class=\"mono\">faithfulness</td><td class=\"ids\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
                        + "</td><td class=\"ids\"><span class=\"muted\">-</span></td></tr>")
                .contains("<tr><td class=\"mono\">context_recall</td><td class=\"ids\"><span class=\"muted\">-</span></td>"
                        + "<td class=\"ids\"><a href=\"#sample-2\">q2</a></td></tr>")
                .doesNotContain("<img");
    }

    @Test
    void should_say_when_the_gate_looks_at_the_interval_only() {
        // when
        String html = HtmlReport.render(report(baseline(true)));

        // then: with two paired samples the interval reaches 0, so faithfulness does not regress significantly
        assertThat(html).contains("With --significant-only a metric regresses only when its whole interval is beyond"
                + " the allowed drop.")
                .contains("<p>allowed drop 0.100 <span class=\"flag pass\">OK</span></p>");
    }

    @Test
    void should_cut_long_unpaired_lists_and_count_the_rest() {
        // given: 60 samples only in the baseline
        Map<String, Double> many = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            many.put(String.format("old-%02d", i), 0.5);
        }
        Comparison c = Comparisons.compare("context_recall", many, current("context_recall"));
        BaselineReport baseline = gated("b.json", List.of(c), List.of(), false);

        // when
        String html = HtmlReport.render(report(baseline));

        // then
        assertThat(html).contains("old-49</td>".replace("</td>", " <span class=\"muted\">and 10 more</span></td>"))
                .doesNotContain("old-50")
                .contains("<p class=\"muted\">baseline: no sample scored in both runs</p>")
                .contains("<p class=\"muted\">No paired sample got worse.</p>");
    }

    @Test
    void should_call_a_rise_a_regression_when_lower_is_better() {
        // given: noise sensitivity rose from 0.1 to 0.5 with a max drop (here: rise) of 0.1
        String noise = "noise_sensitivity_relevant";
        Comparison c = Comparisons.compare(noise, Map.of("q1", 0.1), Map.of("q1", 0.5));
        BaselineReport baseline = gated("b.json", List.of(c),
                MaxDrop.parse(List.of(noise + "=0.1"), ExitStatus.USAGE), false);

        // when
        String html = HtmlReport.render(report(baseline));

        // then
        assertThat(baseline.metrics().get(0).regressed()).isTrue();
        assertThat(html).contains("<td class=\"num\">0.100</td><td class=\"num\">0.500</td>"
                + "<td class=\"num worse\">+0.400</td>")
                .contains("<td>0.100 (rise)</td><td><span class=\"flag fail\">REGRESSED</span></td>")
                .contains("<a href=\"#sample-1\">q1</a></td><td class=\"num\">0.100</td><td class=\"num\">0.500</td>"
                        + "<td class=\"num worse\">+0.400</td>");
    }

    @Test
    void should_leave_the_section_out_without_a_baseline() {
        // when
        String html = HtmlReport.render(SampleRuns.failingReport());

        // then
        assertThat(html).doesNotContain("Against the baseline", "class=\"vs\"");
    }
}
